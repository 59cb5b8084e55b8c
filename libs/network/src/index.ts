/** @berth/network — container networking: CNI bridge networks, named netns, published ports. */
export * from './errors';
export * from './ports';
export { reservePorts, type Reservation } from './reservations';
export { createNetns, deleteNetns, netnsPath, NETNS_DIR, renameNetns, type Rebind } from './netns';
export {
  bridgePlugins,
  overlayPlugins,
  attachmentOf,
  type BridgeNetwork,
  type OverlayEndpoint,
  type Attachment,
  type PluginConfig,
} from './cni/config';
export { CniRunner, DEFAULT_PLUGIN_DIRS, type CniTarget } from './cni/invoke';
export { DnsServer, nameserversOf, type DnsServerOptions } from './dns/server';
export {
  ensureForwarding,
  ensureMasquerade,
  forwardRules,
  masqueradeRule,
  removeForwarding,
  removeMasquerade,
} from './masquerade';
export * from './ipam';
export * from './allocator/allocator';
export * from './overlay/plan';
export * from './balancer/rules';
export { serviceRecords } from './dns/service-records';
