/**
 * The manager's gauges, computed at scrape time from what it holds in memory (no etcd read per
 * scrape), and its /metrics listener (--metrics-addr; none by default). Cluster-wide gauges
 * (tasks, replicas, pending tasks, rollouts) come from the leader only, so that summing over
 * the managers counts each task once; every manager says whether it leads and how many
 * sessions it holds.
 */
import type * as http from 'node:http';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Gauge, metricsAddrText, serveMetrics } from '@berth/metrics';
import type { ManagerConfig } from '../config';
import { DispatcherService } from '../dispatcher/dispatcher.service';
import { LeadershipService } from '../leadership/leadership.service';
import { StateService } from '../state/state.service';
import { MANAGER_CONFIG } from '../tokens';
import { clusterGauges, type ClusterGauges } from './cluster-gauges';
import { ManagerMetrics } from './manager-metrics';

@Injectable()
export class MetricsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('metrics');
  private server: http.Server | null = null;
  /** worked out once per scrape, read by each gauge's collect */
  private scrape: { at: number; gauges: ClusterGauges } | null = null;

  constructor(
    @Inject(MANAGER_CONFIG) private readonly config: ManagerConfig,
    private readonly metrics: ManagerMetrics,
    private readonly state: StateService,
    private readonly dispatcher: DispatcherService,
    private readonly leadership: LeadershipService,
  ) {
    this.defineGauges();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.metricsAddr) return;
    this.server = await serveMetrics(this.metrics.registry, this.config.metricsAddr);
    this.log.log(`serving metrics on http://${metricsAddrText(this.config.metricsAddr)}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeAllConnections(); // a scraper's kept-alive connection must not hold the stop
    await closed;
  }

  /** The cluster's gauges as the leader's cache has them now; null on a manager that does not lead. */
  private cluster(): ClusterGauges | null {
    if (!this.leadership.isLeader) return null;
    const now = Date.now();
    // the gauges of one scrape are collected one after another within a millisecond or so
    if (!this.scrape || now - this.scrape.at > 100)
      this.scrape = {
        at: now,
        gauges: clusterGauges(this.state.cache.list('services'), this.state.cache.list('tasks')),
      };
    return this.scrape.gauges;
  }

  private defineGauges(): void {
    const registers = [this.metrics.registry];
    this.clusterGauge(
      'berth_tasks',
      'Tasks by service and state (leader only)',
      ['service', 'state'],
      (g, c) => {
        for (const t of c.tasks) g.set({ service: t.service, state: t.state }, t.count);
      },
    );
    this.clusterGauge(
      'berth_service_desired_replicas',
      'Tasks each service should run (leader only)',
      ['service'],
      (g, c) => {
        for (const r of c.replicas) g.set({ service: r.service }, r.desired);
      },
    );
    this.clusterGauge(
      'berth_service_running_replicas',
      "Each service's tasks running and wanted running (leader only)",
      ['service'],
      (g, c) => {
        for (const r of c.replicas) g.set({ service: r.service }, r.running);
      },
    );
    this.clusterGauge(
      'berth_scheduler_pending_tasks',
      'Tasks waiting for a node, by the filter that refused the most nodes (leader only)',
      ['reason'],
      (g, c) => {
        for (const p of c.pending) g.set({ reason: p.reason }, p.count);
      },
    );
    this.clusterGauge(
      'berth_rollout_updated_tasks',
      'Tasks at the service spec version during a rollout (leader only)',
      ['service', 'state'],
      (g, c) => {
        for (const r of c.rollouts) g.set({ service: r.service, state: r.state }, r.updated);
      },
    );
    this.clusterGauge(
      'berth_rollout_desired_tasks',
      'Tasks the service should run, during a rollout (leader only)',
      ['service', 'state'],
      (g, c) => {
        for (const r of c.rollouts) g.set({ service: r.service, state: r.state }, r.desired);
      },
    );
    const leadership = this.leadership;
    new Gauge({
      name: 'berth_manager_leader',
      help: '1 when this manager is the leader, else 0',
      registers,
      collect() {
        this.set(leadership.isLeader ? 1 : 0);
      },
    });
    const dispatcher = this.dispatcher;
    new Gauge({
      name: 'berth_dispatcher_sessions',
      help: "Agents' sessions this manager holds",
      registers,
      collect() {
        this.set(dispatcher.sessionCount);
      },
    });
  }

  /** A gauge over the leader's cluster gauges: emptied, then filled by FILL at each scrape. */
  private clusterGauge(
    name: string,
    help: string,
    labelNames: string[],
    fill: (gauge: Gauge<string>, cluster: ClusterGauges) => void,
  ): void {
    const cluster = () => this.cluster();
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.metrics.registry],
      collect() {
        this.reset();
        const gauges = cluster();
        if (gauges) fill(this, gauges);
      },
    });
  }
}
