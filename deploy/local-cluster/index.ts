/** The local cluster: machines as network namespaces on one host, with etcd, Redis and (later) the manager. */
export * from './errors';
export * from './names';
export * from './state';
export { createFabric, destroyFabric } from './fabric';
export { addMachine, removeMachine } from './machines';
export { AGENT_METRICS_PORT, agentArgs, killAgent, startAgent } from './agent';
export { cgroupRoots, containerIdsOf, containerNetns, removeEngineState } from './engine-state';
export { findLeftovers, type LeftoverScope } from './leftovers';
export { isRunning, freePort, logTail, signalAndWait, spawnRecorded, stopRecorded } from './processes';
export * from './services';
export * from './manager';
export { upCluster, downCluster, type UpOptions, type DownReport } from './cluster';
export { BERTH, BERTHD, BERTH_MANAGER, REPO } from './repo';
