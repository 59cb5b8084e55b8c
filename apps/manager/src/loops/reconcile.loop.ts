import { Injectable, Logger } from '@nestjs/common';
import { newObjectId } from '@berth/cluster';
import { reconcile } from '@berth/orchestrator';
import { slotUnit } from '@berth/store';
import { placedWrites } from './placement';
import { ManagerMetrics } from '../metrics/manager-metrics';
import { StateService } from '../state/state.service';

/**
 * The leader's control loop (DESIGN.md decision 3): read a snapshot, let the orchestrators say
 * what tasks must change and the scheduler place what is then pending, and write both at once.
 * Level-triggered: any change in etcd only wakes it; a timer wakes it for delayed restarts.
 */
@Injectable()
export class ReconcileLoop {
  private readonly log = new Logger('reconcile');
  private running = false;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopWatching: (() => void) | null = null;
  private active = false;
  /** resolves when the current pass (if any) is over */
  private idle: Promise<void> = Promise.resolve();

  constructor(
    private readonly state: StateService,
    private readonly metrics: ManagerMetrics,
  ) {}

  start(): void {
    if (this.active) return;
    this.active = true;
    this.stopWatching = this.state.cache.onChange(() => this.wake());
    this.wake();
  }

  async stop(): Promise<void> {
    this.active = false;
    this.stopWatching?.();
    if (this.timer) clearTimeout(this.timer);
    await this.idle;
  }

  wake(): void {
    if (!this.active) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.idle = new Promise((resolve) => setImmediate(() => void this.loop().finally(resolve)));
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.pass();
      } while (this.again && this.active);
    } catch (error) {
      this.log.error(`reconcile pass failed: ${(error as Error).message}; retrying in 1 s`);
      this.wakeAt(Date.now() + 1000);
    } finally {
      this.running = false;
    }
  }

  private async pass(): Promise<void> {
    const cluster = this.state.cache.list('cluster')[0];
    if (!cluster) return; // not initialized yet
    const snapshot = this.state.cache.snapshot(Date.now());
    const { changes, wakeAt } = reconcile(snapshot, newObjectId, {
      taskHistoryLimit: cluster.settings.taskHistoryLimit,
    });
    const writes = placedWrites(snapshot, changes, (seconds) =>
      this.metrics.schedulerDuration.observe(seconds),
    );
    if (writes.length) {
      // a slot's changes together or not at all: half a move beside a rollout's would leave two tasks in it
      const result = await this.state.commit(writes, { unitOf: slotUnit });
      if (result.conflicts.length) this.again = true;
    }
    if (wakeAt !== null) this.wakeAt(wakeAt);
  }

  private wakeAt(time: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), Math.max(0, time - Date.now()));
  }
}
