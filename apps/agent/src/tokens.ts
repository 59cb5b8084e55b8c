/** Injection tokens for what is not a class. */
export const AGENT_CONFIG = Symbol('AGENT_CONFIG');
/** OverlayHooks (networks/hooks.ts): the cluster's overlay networks, from the cluster side. */
export const OVERLAY_HOOKS = Symbol('OVERLAY_HOOKS');
/** EndpointDirectory (networks/hooks.ts): running containers by name, from the containers side. */
export const ENDPOINT_DIRECTORY = Symbol('ENDPOINT_DIRECTORY');
/** RemapIdentity | null (system/userns-remap.ts): berthd --userns-remap's mappings. */
export const USERNS_REMAP = Symbol('USERNS_REMAP');
