/**
 * The agent's registry and the metrics that count events as they happen (image pulls). The
 * per-container gauges are added by MetricsService, read when scraped.
 */
import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics } from '@berth/metrics';

@Injectable()
export class AgentMetrics {
  readonly registry = new Registry();

  private readonly pulls = new Counter({
    name: 'berth_image_pulls_total',
    help: 'Image pulls this engine began (for pull, run, and the tasks it runs)',
    registers: [this.registry],
  });

  private readonly pullErrors = new Counter({
    name: 'berth_image_pull_errors_total',
    help: 'Image pulls that failed',
    registers: [this.registry],
  });

  private readonly pullDuration = new Histogram({
    name: 'berth_image_pull_duration_seconds',
    help: 'Time of image pulls, failed ones included',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** PULL, counted and timed. */
  async timedPull<T>(pull: () => Promise<T>): Promise<T> {
    this.pulls.inc();
    const end = this.pullDuration.startTimer();
    try {
      return await pull();
    } catch (error) {
      this.pullErrors.inc();
      throw error;
    } finally {
      end();
    }
  }
}
