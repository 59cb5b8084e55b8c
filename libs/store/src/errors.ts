/** etcd could not be reached or answered with an error; says what to do. */
export class StoreUnavailableError extends Error {
  constructor(
    readonly endpoints: readonly string[],
    cause: unknown,
  ) {
    super(
      `cannot reach etcd at ${endpoints.join(', ')}: ${(cause as Error)?.message ?? cause}. ` +
        'Start etcd (Debian: etcd-server) or point the manager at it with --etcd.',
    );
  }
}

/** An optimistic write lost: someone changed the object since it was read. */
export class ConflictError extends Error {
  constructor(readonly keys: readonly string[]) {
    super(
      `the objects changed since they were read: ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}`,
    );
  }
}
