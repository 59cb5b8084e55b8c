import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import { newObjectId, type Service, type Task, type UpdateStatus } from '@berth/cluster';
import { isRollingOut, planRollout } from '@berth/orchestrator';
import { slotUnit, taskWrite, type StoredObject, type StoreEvent, type Write } from '@berth/store';
import { pauseAfter } from '../loops/pacing';
import { changesNeedAddresses, changesNeedPlacement, placedWrites } from '../loops/placement';
import { ManagerMetrics } from '../metrics/manager-metrics';
import { MANAGER_CONFIG } from '../tokens';
import type { ManagerConfig } from '../config';
import { unavailable } from '../errors';
import { StateService } from '../state/state.service';

export const ROLLOUT_QUEUE = 'berth-rollouts';

interface RolloutJob {
  serviceId: string;
  /** the spec version this rollout brings the service to; a newer one supersedes it */
  specVersion: number;
}

/** how often the leader makes sure every rollout under way has its job (Redis may have lost it) */
const REQUEUE_EVERY_MS = 5_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Rollouts as BullMQ jobs (DESIGN.md decision 6). Any manager enqueues one per spec change; the
 * leader's worker walks it: it asks planRollout what to do, writes that with the service's
 * UpdateStatus to etcd, and waits for the tasks to move, until the rollout completes, pauses or
 * hands over to a rollback. Everything it knows is in etcd, so a job whose manager died is taken
 * up again (BullMQ's stalled-job check) and goes on from where the tasks stand.
 */
@Injectable()
export class RolloutsService implements OnModuleDestroy {
  private readonly log = new Logger('rollouts');
  private queue: Queue | null = null;
  private worker: Worker | null = null;
  private requeueTimer: NodeJS.Timeout | null = null;
  private requeueing = false;
  private requeueError = '';

  constructor(
    @Inject(MANAGER_CONFIG) private readonly config: ManagerConfig,
    private readonly state: StateService,
    private readonly metrics: ManagerMetrics,
  ) {}

  private connection() {
    return { url: this.config.redisUrl, maxRetriesPerRequest: null };
  }

  private openQueue(): Queue {
    this.queue ??= new Queue(ROLLOUT_QUEUE, {
      connection: this.connection(),
      defaultJobOptions: { removeOnComplete: true, removeOnFail: 100 },
    });
    return this.queue;
  }

  /** Queue the rollout of SERVICE to SPEC_VERSION (once: the job id is the pair). */
  async enqueue(serviceId: string, specVersion: number): Promise<void> {
    const queue = this.openQueue();
    const added = queue.add('rollout', { serviceId, specVersion } satisfies RolloutJob, {
      jobId: `${serviceId}-${specVersion}`,
    });
    // an unreachable Redis must not hang the caller: the update is refused instead
    const timeout = sleep(3000).then(() => {
      throw unavailable(
        `cannot queue the rollout: Redis at ${this.config.redisUrl} does not answer (start it, or give berth-manager --redis)`,
      );
    });
    await Promise.race([added, timeout]);
  }

  /** Leader only: work the queue, and queue again any rollout etcd says is under way. */
  async start(): Promise<void> {
    if (this.worker) return;
    this.worker = new Worker(ROLLOUT_QUEUE, (job: Job<RolloutJob>) => this.run(job.data), {
      connection: this.connection(),
      concurrency: 16,
      // a manager killed mid-rollout: its job is found stalled and run again within seconds
      lockDuration: 10_000,
      stalledInterval: 5_000,
      maxStalledCount: 1_000,
    });
    this.worker.on('failed', (job, error) => this.log.warn(`rollout ${job?.id}: ${error.message}`));
    let lastError = '';
    this.worker.on('error', (error) => {
      // a Redis that went away reports on every retry: say it once per cause
      if (error.message !== lastError) this.log.warn(`rollout worker: ${error.message}`);
      lastError = error.message;
    });
    await this.requeueUnderWay();
    // Redis keeps nothing on disk: after an outage the queue may have lost jobs; etcd has not
    this.requeueTimer = setInterval(() => void this.requeueUnderWay(), REQUEUE_EVERY_MS);
  }

  /**
   * Queues again every rollout etcd says is under way (a job id is the service and spec version,
   * so one still queued is not doubled, and a job run twice goes on from where the tasks stand).
   */
  private async requeueUnderWay(): Promise<void> {
    if (this.requeueing) return;
    this.requeueing = true;
    try {
      for (const service of this.state.cache.list('services'))
        if (isRollingOut(service)) await this.enqueue(service.id, service.specVersion);
      this.requeueError = '';
    } catch (error) {
      // a Redis that is away says so on every try: once per cause is enough
      if ((error as Error).message !== this.requeueError) this.log.warn((error as Error).message);
      this.requeueError = (error as Error).message;
    } finally {
      this.requeueing = false;
    }
  }

  async stop(): Promise<void> {
    if (this.requeueTimer) clearInterval(this.requeueTimer);
    this.requeueTimer = null;
    await this.worker?.close();
    this.worker = null;
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
    await this.queue?.close();
    this.queue = null;
  }

  /** One rollout, step by step, until it ends or a newer spec supersedes it. */
  private async run(job: RolloutJob): Promise<string> {
    const deadline = Date.now() + 10_000;
    // the job may be queued before the spec change is written (or seen): wait for it
    while ((this.state.cache.get('services', job.serviceId)?.specVersion ?? Infinity) < job.specVersion) {
      if (Date.now() > deadline) return 'the spec change never arrived';
      await this.changeOrTime(deadline, job.serviceId);
    }
    for (;;) {
      const service = this.state.cache.get('services', job.serviceId);
      if (!service) return 'service removed';
      if (service.specVersion !== job.specVersion) return 'superseded';
      if (!isRollingOut(service)) return service.updateStatus?.state ?? 'nothing to do';
      const now = Date.now();
      const started = performance.now();
      const decision = planRollout(service, this.state.cache.tasksOf(service.id), now, newObjectId);
      // the new tasks addressed and placed in the same write: a batch need not wait for the reconcile loop
      // (placing reads the whole cluster, so only a step that makes tasks does)
      const writes: Write[] = changesNeedPlacement(decision.changes)
        ? placedWrites(
            this.state.cache.snapshot(now),
            decision.changes,
            (seconds) => this.metrics.schedulerDuration.observe(seconds),
            changesNeedAddresses(decision.changes),
          )
        : decision.changes.map(taskWrite);
      const decideMs = performance.now() - started;
      const next = decision.rollback
        ? rolledBack(service, decision.status)
        : withStatus(service, decision.status);
      if (next !== service) {
        // one write per key: the allocator may have given the service a VIP in the same pass
        const i = writes.findIndex((w) => w.kind === 'services' && w.object.id === service.id);
        const merged =
          i < 0
            ? next
            : {
                ...(writes[i].object as Service),
                ...next,
                virtualIps: (writes[i].object as Service).virtualIps,
              };
        if (i < 0) writes.push({ op: 'update', kind: 'services', object: merged });
        else writes[i] = { op: 'update', kind: 'services', object: merged };
      }
      if (writes.length) {
        const result = await this.state.commit(writes, { unitOf: slotUnit });
        if (result.conflicts.length) continue; // read again and decide again
      }
      if (decision.rollback) {
        await this.enqueue(next.id, next.specVersion);
        return 'rolled back';
      }
      if (decision.finished) return decision.status.state;
      // after a pause the next step takes more tasks at once; what changed meanwhile is in the
      // cache, decided at once rather than waited for
      if (!(await pauseAfter(decideMs))) await this.changeOrTime(decision.wakeAt, service.id);
    }
  }

  /** Resolves on the next change of SERVICE_ID or its tasks, at WAKE_AT, or after a second, whichever comes first. */
  private changeOrTime(wakeAt: number | null, serviceId: string): Promise<void> {
    return new Promise((resolve) => {
      const wait = Math.min(1000, Math.max(0, (wakeAt ?? Infinity) - Date.now()));
      const done = () => {
        clearTimeout(timer);
        off();
        resolve();
      };
      const timer = setTimeout(done, wait);
      const off = this.state.cache.onChange((event, previous) => {
        if (
          event.kind === 'services'
            ? event.id === serviceId
            : event.kind === 'tasks' && touchesService(event, previous, serviceId)
        )
          done();
      });
    });
  }
}

function withStatus(service: Service, status: UpdateStatus): Service {
  return status === service.updateStatus ? service : { ...service, updateStatus: status };
}

/** SERVICE back on its previous spec (a newer version, so its tasks roll again), rolling back. */
export function rolledBack(service: Service, status: UpdateStatus): Service {
  if (!service.previousSpec) return { ...service, updateStatus: { ...status, state: 'paused' } };
  return {
    ...service,
    spec: service.previousSpec,
    previousSpec: service.spec,
    specVersion: service.specVersion + 1,
    updateStatus: status,
  };
}

/** A task event of SERVICE_ID (the task as it is now, or as it was when deleted). */
function touchesService(event: StoreEvent, previous: StoredObject | undefined, serviceId: string): boolean {
  return ((event.object ?? previous) as Task | undefined)?.serviceId === serviceId;
}
