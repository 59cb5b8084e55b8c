/**
 * The cluster's objects in the Docker Engine API's shapes and back: what `berth … inspect`
 * prints and what the Docker API's swarm endpoints answer and read.
 */
export * from './shapes';
export { dockerFileName, dockerMeta, dockerTime, type FileDirectory, type NamedFile } from './common';
export { dockerNode, type DockerNodeOptions } from './node';
export {
  dockerService,
  dockerServiceSpec,
  serviceStatus,
  serviceStatusOfCounts,
  type DockerServiceOptions,
} from './service';
export { dockerTaskSpec } from './task-spec';
export { dockerSwarmNetwork, dockerTask, type DockerTaskOptions } from './task';
export {
  BERTH_SWARM_FACTS,
  dockerConfig,
  dockerSecret,
  dockerSwarm,
  type ClusterFacts,
  type DockerSwarmOptions,
  type FileObjectFacts,
  type SwarmNetworkFacts,
} from './swarm';
export { UnsupportedFieldError } from './read';
export { serviceSpecFromDocker, type FromDocker, type FromDockerOptions } from './service-from-docker';
export { fileSpecFromDocker, nodeSpecFromDocker } from './objects-from-docker';
