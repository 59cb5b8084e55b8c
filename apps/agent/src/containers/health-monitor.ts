/**
 * Health checks of running containers: a probe in the container every interval, its result
 * recorded (health.ts decides what it means), an event when the status changes.
 */
import type { Runtime } from '@berth/runtime';
import type { EventsService } from '../events/events.service';
import type { ContainerRepository } from './container.repository';
import { emitContainerEvent } from './container-events';
import { afterProbe, HEALTH_OUTPUT_BYTES, probeArgs, type ProbeResult } from './health';
import type { ContainerRecord } from './model';

export type ProbeRuntime = Pick<Runtime, 'spawnExec'>;

export class HealthMonitor {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly repo: Pick<ContainerRepository, 'find' | 'save'>,
    private readonly runtime: ProbeRuntime,
    private readonly events: Pick<EventsService, 'emit'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Probes C every interval while it runs with a health state (from now: its start, or a live restore). */
  watch(c: Pick<ContainerRecord, 'id' | 'config'>): void {
    const check = c.config.healthcheck;
    if (!check) return;
    const started = this.now();
    const tick = async () => {
      const current = this.repo.find(c.id);
      if (!current || current.state.status !== 'running' || !current.state.health) return;
      const result = await this.probe(c.id, probeArgs(check), check.timeoutMs);
      const before = current.state.health.status;
      current.state.health = afterProbe(current.state.health, result, check, this.now() - started);
      this.repo.save(current);
      if (current.state.health.status !== before)
        emitContainerEvent(this.events, current, `health_status: ${current.state.health.status}`);
      this.timers.set(c.id, setTimeout(tick, check.intervalMs));
    };
    this.unwatch(c.id);
    this.timers.set(c.id, setTimeout(tick, check.intervalMs));
  }

  unwatch(id: string): void {
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    this.timers.delete(id);
  }

  stopAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Runs a probe in the container; exit code -1 when it cannot run or outlives TIMEOUT_MS. */
  private async probe(id: string, args: string[], timeoutMs: number): Promise<ProbeResult> {
    const start = new Date(this.now()).toISOString();
    const result = (exitCode: number, output: string): ProbeResult => ({
      start,
      end: new Date(this.now()).toISOString(),
      exitCode,
      output,
    });
    try {
      const { exitCode, output } = await this.run(id, args, timeoutMs);
      return result(exitCode, output);
    } catch (error) {
      return result(-1, (error as Error).message);
    }
  }

  private async run(
    id: string,
    args: string[],
    timeoutMs: number,
  ): Promise<{ exitCode: number; output: string }> {
    const proc = await this.runtime.spawnExec(id, { args });
    proc.stdin?.end();
    let output = '';
    proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => (timer = setTimeout(() => resolve(-1), timeoutMs)));
    const exitCode = await Promise.race([proc.exit, timeout]);
    clearTimeout(timer);
    if (exitCode === -1) {
      proc.kill('SIGKILL');
      return { exitCode, output: `Health check exceeded timeout (${timeoutMs / 1000}s)` };
    }
    return { exitCode, output: output.slice(0, HEALTH_OUTPUT_BYTES) };
  }
}
