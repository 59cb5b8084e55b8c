export * from './keys';
export * from './errors';
export * from './writes';
export * from './store';
export * from './cache';
export * from './election';
export { Presence } from './presence';
