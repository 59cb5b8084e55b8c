/** Nest injection tokens of the manager. */
export const MANAGER_CONFIG = Symbol('MANAGER_CONFIG');
