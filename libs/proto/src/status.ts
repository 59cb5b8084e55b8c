/** gRPC status codes (the subset the engine uses) and the error a client sees. */
export const Status = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

/** Trailer naming the engine's error class, so the CLI can choose Docker's exit codes. */
export const ERROR_KIND_HEADER = 'berth-error-kind';
/** Trailer with a number the error carries (a container's exit code for 126/127). */
export const ERROR_CODE_HEADER = 'berth-error-code';

export class RpcError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The engine's error class name, e.g. ImageNotFoundError. */
    readonly kind = '',
    readonly detailCode?: number,
  ) {
    super(message);
  }
}

/** grpc-message is percent-encoded UTF-8 (grpc-js encodes it on the server side). */
export function decodeGrpcMessage(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
