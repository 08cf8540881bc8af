export * from './cells';
export * from './suppression';
export * from './free-text';
