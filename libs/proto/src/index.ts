/** @berth/proto — the engine API's generated codecs, a lean client for the CLI, and the server adapter. */
export { berth } from './generated/engine';
export { ENGINE_SERVICE, type EngineMethod } from './generated/engine-service';
export { EngineClient, socketPath, type Duplex, type RequestOf, type ResponseOf } from './client';
export { RpcError, Status, ERROR_KIND_HEADER, ERROR_CODE_HEADER } from './status';
