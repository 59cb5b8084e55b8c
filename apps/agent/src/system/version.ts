/** The engine's version, as `berth version` and node descriptions report it. */
export const ENGINE_VERSION = '0.1.0';
