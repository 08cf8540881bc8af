export * from './accounts';
export * from './frameworks';
