/**
 * The engine's errors and how each reaches the CLI: a gRPC status, Docker's
 * wording, and a kind (and sometimes a code) that lets the CLI choose the
 * exit code. Every library error is mapped in one place: toStatus.
 */
import { ContainerStartError, InvalidSpecError, RuntimeError } from '@berth/runtime';
import {
  ImageError,
  ImageNotFoundError,
  ImageInUseError,
  AuthenticationError,
  RegistryError,
  RegistryUnreachableError,
  InvalidReferenceError,
} from '@berth/image';
import { NetworkError, PortInUseError, InvalidPortSpecError } from '@berth/network';
import { Status } from '@berth/proto';
import type { StatusInfo } from '@berth/proto/server';

export class EngineError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly kind: string = new.target.name,
    readonly detailCode?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends EngineError {
  constructor(message: string) {
    super(message, Status.NOT_FOUND);
  }
}

export class ConflictError extends EngineError {
  constructor(message: string) {
    super(message, Status.FAILED_PRECONDITION);
  }
}

export class InvalidArgumentError extends EngineError {
  constructor(message: string) {
    super(message, Status.INVALID_ARGUMENT);
  }
}

export function toStatus(error: unknown): StatusInfo {
  const e = error as Error;
  if (error instanceof EngineError)
    return { code: error.status, message: error.message, kind: error.kind, detailCode: error.detailCode };
  if (error instanceof ContainerStartError)
    return {
      code: Status.FAILED_PRECONDITION,
      message: error.reason,
      kind: 'ContainerStartError',
      detailCode: error.exitCode,
    };
  if (error instanceof ImageNotFoundError)
    return { code: Status.NOT_FOUND, message: e.message, kind: 'ImageNotFoundError' };
  if (error instanceof ImageInUseError)
    return { code: Status.FAILED_PRECONDITION, message: e.message, kind: 'ImageInUseError' };
  if (
    error instanceof InvalidSpecError ||
    error instanceof InvalidReferenceError ||
    error instanceof InvalidPortSpecError
  )
    return { code: Status.INVALID_ARGUMENT, message: e.message, kind: e.name };
  if (error instanceof AuthenticationError)
    return { code: Status.PERMISSION_DENIED, message: e.message, kind: 'AuthenticationError' };
  if (error instanceof RegistryError)
    return {
      code: error.status === 404 ? Status.NOT_FOUND : Status.UNAVAILABLE,
      message: e.message,
      kind: 'RegistryError',
    };
  if (error instanceof RegistryUnreachableError)
    return { code: Status.UNAVAILABLE, message: e.message, kind: 'RegistryUnreachableError' };
  if (error instanceof PortInUseError)
    return { code: Status.FAILED_PRECONDITION, message: e.message, kind: 'PortInUseError' };
  if (error instanceof ImageError || error instanceof RuntimeError || error instanceof NetworkError)
    return { code: Status.FAILED_PRECONDITION, message: e.message, kind: e.name };
  return { code: Status.INTERNAL, message: e?.stack ?? String(error), kind: 'InternalError' };
}
