export { buildBusyboxRootfs, BUSYBOX } from './rootfs';
export {
  cgroupRoots,
  RuntimeHarness,
  removeCgroupParent,
  sharedBusyboxRootfs,
  type RunResult,
} from './harness';
export { startRegistry, freePort, type TestRegistry } from './registry';
export { EngineHarness, BERTH, BERTHD, ensureBuilt, type BerthResult } from './engine';
export { startEtcd, type TestEtcd } from './etcd';
export { ClusterHarness, type ClusterMachine } from './cluster';
export { until } from './until';
export { DOCKER_CLIENTS, dockerClient, type DockerClient } from './docker-cli';
export { samples, scrape, valueOf, valuesOf, type Sample } from './metrics';
export { jsonLines } from './logs';
