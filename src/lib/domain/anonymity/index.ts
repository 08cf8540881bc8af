export * from './cells';
export * from './suppression';
export * from './free-text';
export * from './raw-export';
export * from './session-feedback';
