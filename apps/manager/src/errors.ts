/**
 * The manager's errors and how each reaches a caller: a gRPC status and a message that says
 * what to do. Every error is mapped in one place: toStatus.
 */
import { ConflictError as StoreConflict, StoreUnavailableError } from '@berth/store';
import { TrustError } from '@berth/trust';
import { ConstraintError } from '@berth/cluster';
import { Status } from '@berth/proto';
import type { StatusInfo } from '@berth/proto/server';

export class ManagerError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export const notFound = (message: string) => new ManagerError(message, Status.NOT_FOUND);
export const invalid = (message: string) => new ManagerError(message, Status.INVALID_ARGUMENT);
export const conflict = (message: string) => new ManagerError(message, Status.FAILED_PRECONDITION);
export const denied = (message: string) => new ManagerError(message, Status.PERMISSION_DENIED);
export const unauthenticated = (message: string) => new ManagerError(message, Status.UNAUTHENTICATED);
export const unavailable = (message: string) => new ManagerError(message, Status.UNAVAILABLE);

export function toStatus(error: unknown): StatusInfo {
  if (error instanceof ManagerError)
    return { code: error.status, message: error.message, kind: 'ManagerError' };
  if (error instanceof TrustError)
    return { code: Status.INVALID_ARGUMENT, message: error.message, kind: 'TrustError' };
  if (error instanceof ConstraintError) return { code: Status.INVALID_ARGUMENT, message: error.message };
  // the manager's own start names its flag; a caller of the API needs to know it may try again
  if (error instanceof StoreUnavailableError)
    return {
      code: Status.UNAVAILABLE,
      message: `the cluster's store is unavailable (etcd at ${error.endpoints.join(', ')} does not answer, or has lost its quorum); try again once it is back`,
    };
  if (error instanceof StoreConflict) return { code: Status.ABORTED, message: `${error.message}; try again` };
  return { code: Status.INTERNAL, message: (error as Error)?.stack ?? String(error) };
}
