import type { RestartPolicy, Task } from '@berth/cluster';

/**
 * Whether the task's end counts as a failure for `on-failure`: failed, rejected and orphaned
 * always do; complete and shutdown only with a non-zero exit code.
 */
export function endedInFailure(task: Task): boolean {
  const { state, exitCode } = task.status;
  if (state === 'failed' || state === 'rejected' || state === 'orphaned') return true;
  return exitCode !== null && exitCode !== 0;
}

/** The restarts that still count at `at`: those less than `windowMs` old, or all when it is 0. */
export function restartsInWindow(restarts: readonly number[], windowMs: number, at: number): number[] {
  return windowMs === 0 ? [...restarts] : restarts.filter((time) => time > at - windowMs);
}

function conditionMet(policy: RestartPolicy, task: Task): boolean {
  switch (policy.condition) {
    case 'any':
      return true;
    case 'on-failure':
      return endedInFailure(task);
    case 'none':
      return false;
  }
}

/**
 * Whether the policy the task ran under (its own spec, as in swarmkit) restarts it after it ended,
 * judged at time `at`.
 */
export function shouldRestart(task: Task, at: number): boolean {
  const policy = task.spec.restartPolicy;
  if (!conditionMet(policy, task)) return false;
  if (policy.maxAttempts === 0) return true;
  return restartsInWindow(task.restarts, policy.windowMs, at).length < policy.maxAttempts;
}
