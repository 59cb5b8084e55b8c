/** Injection tokens for what is not a class. */
export const AGENT_CONFIG = Symbol('AGENT_CONFIG');
