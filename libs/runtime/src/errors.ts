/** Errors of the executor: classes with fields, so callers branch on type, never on text. */

export class RuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export interface SpecProblem {
  /** Where in config.json, e.g. `linux.resources.memory.limit`. */
  path: string;
  message: string;
}

/** The OCI spec (or the options it was built from) cannot be run as given. */
export class InvalidSpecError extends RuntimeError {
  constructor(readonly problems: SpecProblem[]) {
    super(`invalid container spec: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
}

export class ContainerNotFoundError extends RuntimeError {
  constructor(readonly id: string) {
    super(`container "${id}" does not exist`);
  }
}

export class ContainerExistsError extends RuntimeError {
  constructor(readonly id: string) {
    super(`container "${id}" already exists; delete it first or choose another id`);
  }
}

export class InvalidIdError extends RuntimeError {
  constructor(readonly id: string) {
    super(`invalid container id "${id}": use letters, digits, '_', '-' and '.', up to 128 characters`);
  }
}

/** The operation does not apply to the container in its current state. */
export class InvalidStateError extends RuntimeError {
  constructor(
    readonly id: string,
    readonly status: string,
    readonly operation: string,
    hint = '',
  ) {
    super(`cannot ${operation} container "${id}": it is ${status}${hint ? `; ${hint}` : ''}`);
  }
}

/**
 * The container could not be created or its process could not be started.
 * `exitCode` follows Docker: 127 command not found, 126 not executable, else 1.
 */
export class ContainerStartError extends RuntimeError {
  constructor(
    readonly id: string,
    readonly reason: string,
    readonly exitCode: number,
  ) {
    super(`container "${id}": ${reason}`);
  }
}

/** Something on the host is missing or refused (cgroup mount, shim binary, permissions). */
export class HostError extends RuntimeError {}
