/**
 * Berth's orchestrators as one pure function: `reconcile(snapshot, newId)` compares every service
 * with its tasks and returns the task changes to write, at most one per task, plus when to run
 * again for a restart delay. Per service, in id order, each step sees the tasks as the steps before
 * it left them:
 *
 *   replicated: restart → move off bad nodes → scale → release delayed → reap history
 *   global:     restart → one task per node   → release delayed → reap history
 *
 * after the tasks of removed services are removed or deleted. See slots.ts for what a runnable,
 * done and free slot is.
 */
export { reconcile, type ReconcileResult } from './reconcile';
export { isGlobal } from './context';
export {
  compileOptions,
  DEFAULT_TASK_HISTORY_LIMIT,
  InvalidOptionError,
  type CompiledOptions,
  type ReconcileOptions,
} from './options';
export { endedInFailure, restartsInWindow, shouldRestart } from './restart-policy';
export { endedOnItsOwn, groupSlots, isDone, isRunnable, newestTask, type Slot } from './slots';
export { isDead, neverReachedNode } from './history';
export { acceptsNewTasks, judgeNode, type NodeVerdict } from './eligibility';
export { HELD_FOR_UPDATE } from './delay';
export { isRollingBack, isRollingOut, planRollout, rolloutConfig, type RolloutDecision } from './rollout';
