/** @berth/proto — the engine and cluster APIs' generated codecs, a lean client for the CLI, and the server adapter. */
export { berth } from './generated/engine';
export { ENGINE_SERVICE, type EngineMethod } from './generated/engine-service';
export { berth as clusterApi } from './generated/cluster';
export {
  CLUSTER_SERVICE,
  DISPATCHER_SERVICE,
  type ClusterMethod,
  type DispatcherMethod,
} from './generated/cluster-service';
export {
  EngineClient,
  GrpcClient,
  socketPath,
  type Duplex,
  type EngineDuplex,
  type Endpoint,
  type RequestOf,
  type ResponseOf,
  type ServiceTable,
  type ServerName,
} from './client';
export { FailoverClient } from './failover';
export { RpcError, Status, ERROR_KIND_HEADER, ERROR_CODE_HEADER } from './status';
