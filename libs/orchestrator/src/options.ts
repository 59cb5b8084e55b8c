/** What a caller may tune; everything has swarm's default. */
export interface ReconcileOptions {
  /**
   * dead tasks kept per slot (per node for global services); swarm's default is 5, and like swarm's
   * task-history-limit a negative value keeps them all
   */
  taskHistoryLimit?: number;
}

export interface CompiledOptions {
  /** a whole number >= 0, or Infinity */
  taskHistoryLimit: number;
}

export const DEFAULT_TASK_HISTORY_LIMIT = 5;

export class InvalidOptionError extends Error {
  constructor(
    readonly option: keyof ReconcileOptions,
    readonly value: unknown,
    reason: string,
  ) {
    super(`invalid ${option} ${String(value)}: ${reason}`);
  }
}

/** Defaults filled in and checked once, at the edge. */
export function compileOptions(options: ReconcileOptions = {}): CompiledOptions {
  const limit = options.taskHistoryLimit ?? DEFAULT_TASK_HISTORY_LIMIT;
  if (limit < 0) return { taskHistoryLimit: Infinity };
  if (!Number.isInteger(limit) && limit !== Infinity)
    throw new InvalidOptionError('taskHistoryLimit', limit, 'expected a whole number');
  return { taskHistoryLimit: limit };
}
