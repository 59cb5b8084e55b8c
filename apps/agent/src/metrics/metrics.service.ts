/**
 * The agent's per-container metrics, read at scrape time from the containers it runs (their
 * cgroups and network counters), and its /metrics listener (--metrics-addr; none by default).
 */
import type * as http from 'node:http';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Counter, Gauge, metricsAddrText, serveMetrics } from '@berth/metrics';
import type { AgentConfig } from '../config';
import { ContainersService } from '../containers/containers.service';
import { networkCounters } from '../containers/stats';
import { AGENT_CONFIG } from '../tokens';
import { AgentMetrics } from './agent-metrics';
import { containerSeries, type ContainerSeries } from './container-series';

const LABELS = ['container', 'name', 'service', 'task'];

@Injectable()
export class MetricsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('metrics');
  private server: http.Server | null = null;
  /** read once per scrape, shared by each metric's collect */
  private scrape: ContainerSeries[] | null = null;

  constructor(
    @Inject(AGENT_CONFIG) private readonly config: AgentConfig,
    private readonly metrics: AgentMetrics,
    private readonly containers: ContainersService,
  ) {
    this.define();
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

  /**
   * The running containers' values, read once per scrape: prom-client calls every metric's collect
   * in one turn of the event loop, so what is read is dropped at the next turn (a time window would
   * show the next scrape a container removed in between).
   */
  private series(): ContainerSeries[] {
    if (this.scrape) return this.scrape;
    const series: ContainerSeries[] = [];
    for (const c of this.containers.list(false)) {
      try {
        const stats = this.containers.runtime.stats(c.id);
        series.push(containerSeries(c, stats, networkCounters(c.state.pid)));
      } catch {
        // it stopped between the listing and the read: not running, so not in this scrape
      }
    }
    this.scrape = series;
    setImmediate(() => (this.scrape = null));
    return series;
  }

  private define(): void {
    const registers = [this.metrics.registry];
    const series = () => this.series();
    const counter = (name: string, help: string, value: (s: ContainerSeries) => number) =>
      new Counter({
        name,
        help,
        labelNames: LABELS,
        registers,
        collect() {
          this.reset();
          for (const s of series()) this.inc(s.labels, value(s));
        },
      });
    const gauge = (name: string, help: string, value: (s: ContainerSeries) => number | null) =>
      new Gauge({
        name,
        help,
        labelNames: LABELS,
        registers,
        collect() {
          this.reset();
          for (const s of series()) {
            const v = value(s);
            if (v !== null) this.set(s.labels, v);
          }
        },
      });
    counter(
      'berth_container_cpu_seconds_total',
      'CPU time used by the processes of each running container',
      (s) => s.cpuSeconds,
    );
    gauge(
      'berth_container_memory_bytes',
      'Memory each running container uses, without the page cache',
      (s) => s.memoryBytes,
    );
    gauge(
      'berth_container_memory_limit_bytes',
      "Each running container's memory limit (absent when unlimited)",
      (s) => s.memoryLimitBytes,
    );
    counter(
      'berth_container_network_receive_bytes_total',
      'Bytes each running container received, loopback aside',
      (s) => s.receiveBytes,
    );
    counter(
      'berth_container_network_transmit_bytes_total',
      'Bytes each running container sent, loopback aside',
      (s) => s.transmitBytes,
    );
    counter(
      'berth_container_restarts_total',
      'Times the engine restarted each running container (restart policy)',
      (s) => s.restarts,
    );
    const containers = this.containers;
    new Gauge({
      name: 'berth_containers',
      help: 'Containers on this engine by state',
      labelNames: ['state'],
      registers,
      collect() {
        this.reset();
        for (const c of containers.list(true)) this.inc({ state: c.state.status });
      },
    });
  }
}
