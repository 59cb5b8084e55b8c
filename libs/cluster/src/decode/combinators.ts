/** The building blocks, for decoders of objects that live in an app (`decoders.object(…)`). */
export * from './decoder';
export * from './entry';
export * from './union';
export { LIMITS } from './limits';
