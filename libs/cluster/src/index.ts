export * from './objects';
export * from './states';
export * from './snapshot';
export * from './defaults';
export * from './ids';
export * from './spec-compare';
export * from './crash-loop';
export * from './units';
