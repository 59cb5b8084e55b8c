/**
 * The engine's errors as the Docker Engine API answers them: an HTTP status by the kind of
 * error (moby's errdefs → status mapping) and a `{"message": …}` body. The error's kind comes
 * from the one mapping the gRPC API uses too (errors.ts toStatus).
 */
import { DecodeError, UnsupportedFieldError } from '@berth/cluster';
import { RpcError, Status } from '@berth/proto';
import { toStatus } from '../errors';
import { ApiVersionError } from './api-version';
import { FilterError } from './docker-views';

export interface DockerErrorReply {
  status: number;
  body: { message: string };
}

/** gRPC status → HTTP status, as dockerd answers the same kind of error. */
const HTTP_STATUS: Record<number, number> = {
  [Status.INVALID_ARGUMENT]: 400, // errdefs.InvalidParameter
  [Status.PERMISSION_DENIED]: 401, // errdefs.Unauthorized (a registry's refusal)
  [Status.NOT_FOUND]: 404,
  [Status.ALREADY_EXISTS]: 409,
  [Status.FAILED_PRECONDITION]: 409, // errdefs.Conflict: the object's state forbids it
  [Status.UNIMPLEMENTED]: 501,
  [Status.UNAVAILABLE]: 503,
};

export function dockerErrorOf(error: unknown): DockerErrorReply {
  if (error instanceof ApiVersionError || error instanceof FilterError)
    return { status: 400, body: { message: error.message } };
  // the manager's answer, forwarded by the swarm endpoints: its status says the kind
  if (error instanceof RpcError)
    return { status: HTTP_STATUS[error.status] ?? 500, body: { message: error.message } };
  // a Docker spec the cluster cannot carry out (by name), or one that is malformed
  if (error instanceof UnsupportedFieldError) return { status: 501, body: { message: error.message } };
  if (error instanceof DecodeError) return { status: 400, body: { message: error.message } };
  const info = toStatus(error);
  // dockerd: a command it cannot find or run is the request's fault (daemon/start.go), 400
  if (info.kind === 'ContainerStartError') return { status: 400, body: { message: info.message } };
  return { status: HTTP_STATUS[info.code] ?? 500, body: { message: info.message } };
}
