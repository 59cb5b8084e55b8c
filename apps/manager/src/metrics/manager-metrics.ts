/**
 * The manager's registry and the metrics that count events as they happen (the scheduler's
 * passes, heartbeat misses, leadership changes, etcd requests). Gauges of state are added by
 * MetricsService, computed when scraped.
 */
import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics } from '@berth/metrics';
import type { StoreRequest } from '@berth/store';

const STORE_REQUESTS: readonly StoreRequest[] = ['get', 'list', 'read-all', 'txn'];

@Injectable()
export class ManagerMetrics {
  readonly registry = new Registry();

  readonly schedulerDuration = new Histogram({
    name: 'berth_scheduler_duration_seconds',
    help: 'Time the scheduler took to place the pending tasks of one pass of the control loop or a rollout step',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });

  readonly heartbeatMisses = new Counter({
    name: 'berth_dispatcher_heartbeat_misses_total',
    help: "Agents' sessions this manager closed because the agent was silent for the heartbeat grace period",
    registers: [this.registry],
  });

  readonly leadershipChanges = new Counter({
    name: 'berth_manager_leadership_changes_total',
    help: 'Times this manager became leader or stepped down',
    registers: [this.registry],
  });

  private readonly etcdDuration = new Histogram({
    name: 'berth_etcd_request_duration_seconds',
    help: "Time of the manager's requests to etcd (reads and write transactions), failed ones included",
    labelNames: ['op'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  private readonly etcdErrors = new Counter({
    name: 'berth_etcd_request_errors_total',
    help: "The manager's requests to etcd that failed",
    labelNames: ['op'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // every operation's error count shows from the start, at 0, rather than appearing with the first error
    for (const op of STORE_REQUESTS) this.etcdErrors.inc({ op }, 0);
  }

  /** The store's request observer. */
  readonly etcdRequest = (op: StoreRequest, seconds: number, failed: boolean): void => {
    this.etcdDuration.observe({ op }, seconds);
    if (failed) this.etcdErrors.inc({ op });
  };
}
