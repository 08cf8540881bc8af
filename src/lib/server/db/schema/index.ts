export * from './accounts';
export * from './frameworks';
export * from './studies';
export * from './catalogue';
export * from './glossary';
export * from './werkstatt';
export * from './planning';
export * from './identity';
