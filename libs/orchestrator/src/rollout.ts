/**
 * Rolling updates as a pure function (swarmkit's updater, level-triggered): given a service whose
 * spec changed and its tasks, what to do now. Nothing is remembered between calls but the
 * service's `updateStatus` (when the rollout started, and whether it is a rollback), so a rollout
 * picks up where it stood after any restart of the manager.
 *
 * Per slot (a replica number, or a node for global services):
 * - **outdated**: its live task runs another spec than the service's (compared by content, so a
 *   rollback leaves alone the tasks the update never reached), and no task of the current one is there;
 * - **in progress**: a new task was made for it in this rollout and is not yet settled, or an
 *   old task is still there beside a new one;
 * - **settled**: only tasks of the current spec, running (and so healthy, when checked).
 *
 * Up to `parallelism` slots are in progress at once: an outdated slot starts once there is room and
 * `delay` has passed since the last new task began to run. The rollout completes once every new task has
 * also run for the `monitor` period; failures within it count. `start-first` makes the new task running at once and stops
 * the old one when the new one runs; `stop-first` stops the old one and holds the new one
 * (desired `ready`) until the old one has ended. New tasks that fail count against
 * `maxFailureRatio` (of the service's slots); past it, `failureAction` decides: pause, continue,
 * or roll back to the previous spec.
 */
import {
  DEFAULT_ROLLBACK_CONFIG,
  DEFAULT_UPDATE_CONFIG,
  isLive,
  dirtyCheck,
  isTerminal,
  type Service,
  type Task,
  type TaskChange,
  type UpdateConfig,
  type UpdateStatus,
} from '@berth/cluster';
import { isGlobal } from './context';
import { HELD_FOR_UPDATE } from './delay';
import { newTask, withDesiredState } from './new-task';
import { endedOnItsOwn, groupSlots } from './slots';

export interface RolloutDecision {
  changes: TaskChange[];
  /** the service's status after this step (the same object when unchanged) */
  status: UpdateStatus;
  /** the failure action asks for the previous spec back */
  rollback: boolean;
  /** nothing more to do: completed, paused, or handed over to a rollback */
  finished: boolean;
  /** when to look again even if nothing changes (monitor period, delay); null: on changes only */
  wakeAt: number | null;
}

export function isRollingBack(status: UpdateStatus | undefined): boolean {
  return status?.state === 'rollback_started';
}

/** The rollout in progress for SERVICE: updating or rolling back; false when it ended or paused. */
export function isRollingOut(service: Service): boolean {
  const state = service.updateStatus?.state;
  return state === 'updating' || state === 'rollback_started';
}

export function rolloutConfig(service: Service): UpdateConfig {
  return isRollingBack(service.updateStatus)
    ? (service.spec.rollbackConfig ?? DEFAULT_ROLLBACK_CONFIG)
    : (service.spec.updateConfig ?? DEFAULT_UPDATE_CONFIG);
}

interface SlotState {
  key: string;
  /** tasks of older specs that have not ended (live, or told to stop and still stopping) */
  stale: Task[];
  /** live tasks of the current spec */
  fresh: Task[];
}

export function planRollout(
  service: Service,
  tasks: readonly Task[],
  now: number,
  newId: () => string,
): RolloutDecision {
  const status = service.updateStatus;
  if (!status || !isRollingOut(service))
    return { changes: [], status: status!, rollback: false, finished: true, wakeAt: null };
  const config = rolloutConfig(service);
  const rollingBack = isRollingBack(status);
  // each task's spec compared with the service's once, not once per question about it
  const dirtyTasks = new Set(tasks.filter(dirtyCheck(service)));
  const dirty = (t: Task) => dirtyTasks.has(t);
  const slots = slotStates(service, tasks, dirty);
  const settledAt = (t: Task) =>
    t.status.state === 'running' ? t.status.timestamp + config.monitorMs : Infinity;
  const settled = (t: Task) => t.desiredState === 'running' && settledAt(t) <= now;
  const madeNow = (t: Task) => t.meta.createdAt >= status.startedAt;

  // failures of tasks made in this rollout
  const failed = tasks.filter(
    (t) => !dirty(t) && madeNow(t) && isTerminal(t.status.state) && endedOnItsOwn(t),
  );
  const total = Math.max(1, slots.length);
  if (failed.length && config.failureAction !== 'continue' && failed.length / total > config.maxFailureRatio)
    return failure(status, config, rollingBack, failed[0], now);

  const changes: TaskChange[] = [];
  const inProgress: SlotState[] = [];
  const outdated: SlotState[] = [];
  /** when the last new task of this rollout began to run: the next batch waits `delay` from there */
  let lastStarted: number | null = null;
  let monitoring = false;
  let wakeAt: number | null = null;
  const wake = (time: number) => (wakeAt = wakeAt === null ? time : Math.min(wakeAt, time));
  const runs = (t: Task) => t.desiredState === 'running' && t.status.state === 'running';
  for (const slot of slots) {
    const staleLive = slot.stale.filter(isLive);
    if (staleLive.length && !slot.fresh.length) {
      outdated.push(slot);
      continue;
    }
    const made = slot.fresh.filter(madeNow);
    for (const t of made.filter(runs)) {
      lastStarted = Math.max(lastStarted ?? 0, t.status.timestamp);
      if (!settled(t)) {
        monitoring = true;
        wake(settledAt(t));
      }
    }
    // a slot holds up the next batch until its new task runs and (stop-first) its old one has ended
    const busy =
      staleLive.length > 0 ||
      (config.order === 'stop-first' && slot.stale.length > 0) ||
      made.some((t) => !runs(t));
    if (!busy) continue;
    inProgress.push(slot);
    changes.push(...advance(slot, config));
  }

  // up to `parallelism` slots in progress (swarmkit's update workers): a slot done frees a place at
  // once, so the next one need not wait for the slowest of a batch
  const free =
    config.parallelism === 0 ? outdated.length : Math.max(0, config.parallelism - inProgress.length);
  if (free > 0 && outdated.length) {
    const startAt = lastStarted === null ? now : lastStarted + config.delayMs;
    if (now < startAt) wake(startAt);
    else
      for (const slot of outdated.slice(0, Math.min(free, outdated.length)))
        changes.push(...replace(service, slot, config, now, newId));
  }

  // done once the last new tasks ran through their monitor period without failing
  if (!inProgress.length && !outdated.length && !monitoring) {
    const next: UpdateStatus = {
      state: rollingBack ? 'rollback_completed' : 'completed',
      startedAt: status.startedAt,
      completedAt: now,
      message: rollingBack ? 'rollback completed' : 'update completed',
    };
    return { changes, status: next, rollback: false, finished: true, wakeAt: null };
  }
  return { changes, status, rollback: false, finished: false, wakeAt };
}

function slotStates(service: Service, tasks: readonly Task[], dirty: (t: Task) => boolean): SlotState[] {
  return [...groupSlots(service, tasks)]
    .map(([key, slot]) => ({
      key,
      stale: slot.filter((t) => dirty(t) && !isTerminal(t.status.state)),
      fresh: slot.filter((t) => !dirty(t) && isLive(t)),
    }))
    .filter((s) => s.stale.length || s.fresh.length)
    .sort((a, b) => (isGlobal(service) ? a.key.localeCompare(b.key) : Number(a.key) - Number(b.key)));
}

/** The next move in a slot being replaced: old task stopped once the new one runs (start-first), new one released once the old one ended (stop-first). */
function advance(slot: SlotState, config: UpdateConfig): TaskChange[] {
  const changes: TaskChange[] = [];
  const newRunning = slot.fresh.some((t) => t.status.state === 'running' && t.desiredState === 'running');
  if (config.order === 'start-first' && newRunning)
    for (const old of slot.stale.filter(isLive))
      changes.push({ kind: 'update', task: withDesiredState(old, 'shutdown') });
  if (!slot.stale.length)
    for (const held of slot.fresh.filter(
      (t) => t.desiredState === 'ready' && t.notBefore === HELD_FOR_UPDATE,
    ))
      changes.push({ kind: 'update', task: { ...withDesiredState(held, 'running'), notBefore: 0 } });
  return changes;
}

/** A new task for an outdated slot, and the old one stopped now (stop-first) or later (start-first). */
function replace(
  service: Service,
  slot: SlotState,
  config: UpdateConfig,
  now: number,
  newId: () => string,
): TaskChange[] {
  const old = slot.stale.filter(isLive);
  const global = isGlobal(service);
  const startFirst = config.order === 'start-first';
  const task = newTask(service, {
    id: newId(),
    slot: global ? 0 : Number(slot.key),
    nodeId: global ? slot.key : '',
    now,
    ...(startFirst ? {} : { desiredState: 'ready' as const, notBefore: HELD_FOR_UPDATE }),
  });
  return [
    { kind: 'create', task },
    ...(startFirst
      ? []
      : old.map((t): TaskChange => ({ kind: 'update', task: withDesiredState(t, 'shutdown') }))),
  ];
}

function failure(
  status: UpdateStatus,
  config: UpdateConfig,
  rollingBack: boolean,
  task: Task,
  now: number,
): RolloutDecision {
  const cause = `failure or early termination of task ${task.id}`;
  if (config.failureAction === 'rollback' && !rollingBack)
    return {
      changes: [],
      status: {
        state: 'rollback_started',
        startedAt: now,
        completedAt: 0,
        message: `update rolled back due to ${cause}`,
      },
      rollback: true,
      finished: true,
      wakeAt: null,
    };
  return {
    changes: [],
    status: {
      state: rollingBack ? 'rollback_paused' : 'paused',
      startedAt: status.startedAt,
      completedAt: 0,
      message: `${rollingBack ? 'rollback' : 'update'} paused due to ${cause}`,
    },
    rollback: false,
    finished: true,
    wakeAt: null,
  };
}
