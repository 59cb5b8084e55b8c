export { DecodeError, type DecodeProblem, type Decoder } from './decoder';
export { decodeJson, type EntryDecoder } from './entry';
export * as decoders from './combinators';
export { decodeNode, decodeNodeDescription, decodeNodeRole, decodeNodeSpec } from './node';
export { decodeService, decodeServiceSpec } from './service';
export {
  AGENT_STATUS_FIELDS,
  decodeReportedStatus,
  decodeTask,
  decodeTaskState,
  decodeTaskStatus,
  type ReportedStatus,
} from './task';
export { decodeNetwork, decodeNetworkSpec, decodeNetworkView } from './network';
export { decodeClusterView, type ClusterView } from './cluster';
export { decodeFileObjectSpec, decodeFileObjectView, decodeStackSummary, type FileObjectView } from './files';
export * from './session';
