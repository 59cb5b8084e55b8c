/** What a caller may tune; everything has swarm's default. */
export interface ReconcileOptions {
  /**
   * dead tasks kept per slot (per node for global services); swarm's default is 5, and like swarm's
   * task-history-limit a negative value keeps them all
   */
  taskHistoryLimit?: number;
  /**
   * new slots a replicated service gets in one reconcile at most (all by default): a caller that
   * writes in slices asks for the rest at its next reconcile instead of making them all now
   */
  maxNewSlots?: number;
}

export interface CompiledOptions {
  /** a whole number >= 0, or Infinity */
  taskHistoryLimit: number;
  /** a whole number >= 1, or Infinity */
  maxNewSlots: number;
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
  const maxNewSlots = options.maxNewSlots ?? Infinity;
  if (!(maxNewSlots >= 1) || (!Number.isInteger(maxNewSlots) && maxNewSlots !== Infinity))
    throw new InvalidOptionError('maxNewSlots', maxNewSlots, 'expected a whole number of at least 1');
  const limit = options.taskHistoryLimit ?? DEFAULT_TASK_HISTORY_LIMIT;
  if (limit < 0) return { taskHistoryLimit: Infinity, maxNewSlots };
  if (!Number.isInteger(limit) && limit !== Infinity)
    throw new InvalidOptionError('taskHistoryLimit', limit, 'expected a whole number');
  return { taskHistoryLimit: limit, maxNewSlots };
}
