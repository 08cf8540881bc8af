export * from './accounts';
export * from './frameworks';
export * from './studies';
