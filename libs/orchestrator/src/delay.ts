import { HELD_FOR_UPDATE, isTerminal, type Task, type TaskChange } from '@berth/cluster';
import type { ServiceContext } from './context';
import { withDesiredState } from './new-task';

export { HELD_FOR_UPDATE };

/** A task held by a restart delay (desired `ready`, not ended); a rollout's held tasks are not. */
function isHeld(task: Task): boolean {
  return (
    task.desiredState === 'ready' && !isTerminal(task.status.state) && task.notBefore !== HELD_FOR_UPDATE
  );
}

/** Held tasks whose delay has passed are wanted running again (swarmkit holds them in READY). */
export function releaseDelayed(ctx: ServiceContext, tasks: readonly Task[]): TaskChange[] {
  return tasks
    .filter((task) => isHeld(task) && task.notBefore <= ctx.now)
    .map((task) => ({ kind: 'update', task: withDesiredState(task, 'running') }));
}

/** The earliest time a held task must be released, for the caller's one timer; null if none. */
export function nextWake(tasks: readonly Task[], now: number): number | null {
  return tasks
    .filter((task) => isHeld(task) && task.notBefore > now)
    .reduce<number | null>((earliest, task) => Math.min(earliest ?? task.notBefore, task.notBefore), null);
}
