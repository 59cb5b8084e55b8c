import { Injectable, Logger } from '@nestjs/common';
import { newObjectId } from '@berth/cluster';
import { reconcile } from '@berth/orchestrator';
import { awaitsPlacement } from '@berth/scheduler';
import { slotUnit, taskWrite, type StoredObject, type StoreEvent } from '@berth/store';
import type { Task } from '@berth/cluster';
import {
  emptyScope,
  firstSlots,
  scopedSnapshot,
  servicesInScope,
  sliceServices,
  widenScope,
  type PassScope,
} from './pass-scope';
import { awaitsAddresses } from '@berth/network/allocator/allocator';
import { pauseAfter } from './pacing';
import { changesNeedAddresses, changesNeedPlacement, placedWrites } from './placement';
import { ManagerMetrics } from '../metrics/manager-metrics';
import { StateService } from '../state/state.service';

/** The tasks one pass reconciles at most (whole services); the other services wait for the next. */
export const MAX_TASKS_PER_PASS = 20_000;

/** The task changes (whole slots) one pass writes at most; the rest are decided again by the next. */
export const MAX_SLOTS_PER_PASS = 2_000;

/** Every service is reconciled again this often, whatever the events said (a resync, as Kubernetes' informers do). */
const RESYNC_MS = 60_000;

/**
 * The leader's control loop (DESIGN.md decision 3): read a snapshot, let the orchestrators say
 * what tasks must change and the scheduler place what is then pending, and write both at once.
 * Level-triggered: any change in etcd only wakes it; a timer wakes it for delayed restarts.
 * A pass reconciles only the services the events since the last one touched (PassScope), and
 * places over the whole cluster only when something waits for an address or a machine: its cost
 * follows the change, not the cluster's size.
 */
@Injectable()
export class ReconcileLoop {
  private readonly log = new Logger('reconcile');
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private resyncTimer: NodeJS.Timeout | null = null;
  private stopWatching: (() => void) | null = null;
  private active = false;
  /** resolves when the current pass (if any) is over */
  private idle: Promise<void> = Promise.resolve();
  /** what the next pass must look at */
  private scope: PassScope = emptyScope(true);
  /** services with a delayed restart due, and when */
  private readonly wakeAts = new Map<string, number>();
  /** tasks waiting for a machine, anywhere: placement looks again when room is freed */
  private readonly awaiting = new Set<string>();
  /** tasks waiting for addresses, anywhere: the allocator looks again when a task ends */
  private readonly unaddressed = new Set<string>();

  constructor(
    private readonly state: StateService,
    private readonly metrics: ManagerMetrics,
  ) {}

  start(): void {
    if (this.active) return;
    this.active = true;
    this.scope = emptyScope(true);
    this.wakeAts.clear();
    this.awaiting.clear();
    this.unaddressed.clear();
    for (const task of this.state.cache.list('tasks')) {
      if (awaitsPlacement(task)) this.awaiting.add(task.id);
      if (awaitsAddresses(task)) this.unaddressed.add(task.id);
    }
    this.stopWatching = this.state.cache.onChange((event, previous) => this.onEvent(event, previous));
    this.resyncTimer = setInterval(() => {
      this.scope.all = true;
      this.wake();
    }, RESYNC_MS);
    this.wake();
  }

  async stop(): Promise<void> {
    this.active = false;
    this.stopWatching?.();
    if (this.timer) clearTimeout(this.timer);
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    await this.idle;
  }

  wake(): void {
    if (!this.active || this.running) return; // a running pass loops while its scope has more
    this.running = true;
    this.idle = new Promise((resolve) => setImmediate(() => void this.loop().finally(resolve)));
  }

  private onEvent(event: StoreEvent, previous: StoredObject | undefined): void {
    if (event.kind === 'tasks') {
      const task = event.object as Task | null;
      if (task && awaitsPlacement(task)) this.awaiting.add(event.id);
      else this.awaiting.delete(event.id);
      if (task && awaitsAddresses(task)) this.unaddressed.add(event.id);
      else this.unaddressed.delete(event.id);
    }
    widenScope(this.scope, event, previous, {
      servicesOnNode: (nodeId) => this.state.cache.servicesOnNode(nodeId),
      services: () => this.state.cache.list('services'),
    });
    this.wake();
  }

  private pending(): boolean {
    const { all, services, progressed, addresses, room } = this.scope;
    // progress matters only to services that depend on the one that progressed
    const dependedOn =
      progressed.size > 0 && this.state.cache.list('services').some((s) => s.spec.dependsOn?.length);
    const waiting = this.awaiting.size > 0 || this.unaddressed.size > 0;
    return all || services.size > 0 || dependedOn || addresses || (room && waiting);
  }

  private async loop(): Promise<void> {
    try {
      while (this.active && this.pending()) {
        const scope = this.scope;
        this.scope = emptyScope();
        const decideMs = await this.pass(scope).catch((error: Error) => {
          this.scope.all = true; // decided again in full, from a fresher snapshot
          throw error;
        });
        // what changes during the pause goes into the next pass, which is bigger
        await pauseAfter(decideMs);
      }
    } catch (error) {
      this.log.error(`reconcile pass failed: ${(error as Error).message}; retrying in 1 s`);
      this.wakeAt(Date.now() + 1000);
    } finally {
      this.running = false;
    }
  }

  /** One pass; says how long its decisions held the event loop (ms). */
  private async pass(scope: PassScope): Promise<number> {
    const { cache } = this.state;
    const cluster = cache.list('cluster')[0];
    if (!cluster) return 0; // not initialized yet
    const started = performance.now();
    const now = Date.now();
    // the whole cluster's task list is made only when a pass needs it (it is rebuilt after each change)
    const whole = () => cache.snapshot(now);
    const objects = {
      nodes: cache.list('nodes'),
      services: cache.list('services'),
      networks: cache.list('networks'),
    };
    // every service (and those removed that still have tasks) or those the events touched, a
    // slice at a time: the rest stay in scope for the next pass
    const wanted = scope.all
      ? new Set([...objects.services.map((s) => s.id), ...cache.servicesWithTasks()])
      : scope.services;
    const slice = sliceServices(wanted, (id) => cache.taskCountOf(id), MAX_TASKS_PER_PASS);
    for (const id of slice.later) this.scope.services.add(id);
    const ids = servicesInScope({ ...scope, services: slice.now }, objects.services);
    const snapshot = scopedSnapshot(ids, objects, (id) => cache.tasksOf(id), now);
    const decided = reconcile(snapshot, newObjectId, {
      taskHistoryLimit: cluster.settings.taskHistoryLimit,
      // each service its share of the pass's slots: what would be cut off is not made at all
      maxNewSlots: Math.max(100, Math.ceil(MAX_SLOTS_PER_PASS / Math.max(1, ids.size))),
    });
    const { wakeAtByService } = decided;
    const { kept: changes, deferred } = firstSlots(decided.changes, MAX_SLOTS_PER_PASS);
    for (const change of deferred) this.scope.services.add(change.task.serviceId);
    // the allocator and the scheduler read the whole cluster (addresses taken, machines' load): only when needed
    const addressing =
      scope.addresses || (scope.room && this.unaddressed.size > 0) || changesNeedAddresses(changes);
    const placing = addressing || (scope.room && this.awaiting.size > 0) || changesNeedPlacement(changes);
    const writes = placing
      ? placedWrites(
          whole(),
          changes,
          (seconds) => this.metrics.schedulerDuration.observe(seconds),
          addressing,
        )
      : changes.map(taskWrite);
    for (const id of ids) this.wakeAts.delete(id);
    for (const [id, at] of wakeAtByService) this.wakeAts.set(id, at);
    this.scheduleWake();
    const decideMs = performance.now() - started;
    if (!writes.length) return decideMs;
    // a slot's changes together or not at all: half a move beside a rollout's would leave two tasks in it
    const result = await this.state.commit(writes, { unitOf: slotUnit });
    if (result.conflicts.length) {
      // decided again from a fresher snapshot: the services of the writes that lost, and placement
      for (const lost of result.conflicts)
        if (lost.kind === 'tasks') this.scope.services.add((lost.object as Task).serviceId);
        else this.scope.all = true;
      this.scope.room = true;
    }
    return decideMs;
  }

  /** The timer set for the earliest delayed restart; the services due then are reconciled. */
  private scheduleWake(): void {
    const times = [...this.wakeAts.values()];
    if (times.length) this.wakeAt(Math.min(...times));
  }

  private wakeAt(time: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        const now = Date.now();
        for (const [id, at] of this.wakeAts) if (at <= now) this.scope.services.add(id);
        this.wake();
      },
      Math.max(0, time - Date.now()),
    );
  }
}
