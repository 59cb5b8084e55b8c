/**
 * The cluster API as a user sees it while a benchmark runs: one client of its own calling
 * ListServices, ListTasks of one service (what `berth service ps` asks) and ListNodes, one after
 * another, continuously; each call's latency kept under the phase the benchmark said it was in.
 */
import type { CLUSTER_SERVICE, GrpcClient } from '@berth/proto';
import { percentile } from './stats';

export const API_CALLS = ['ListServices', 'ListTasks', 'ListNodes'] as const;
export type ApiCall = (typeof API_CALLS)[number];

export interface LatencyRow {
  phase: string;
  call: ApiCall;
  n: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
}

export class ApiProbe {
  /** the phase the next samples count under */
  phase = 'start';
  private readonly samples = new Map<string, number[]>();
  private readonly errors = new Map<string, number>();
  private readonly phases: string[] = [];
  private firstError = '';
  private stopped = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly client: GrpcClient<typeof CLUSTER_SERVICE>,
    /** the service ListTasks asks for (id or name) */
    private readonly service: string,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
    await this.client.close();
  }

  /** p50/p99/max per phase and call, then per call over all phases ('all'). */
  rows(): LatencyRow[] {
    const row = (phase: string, call: ApiCall, samples: number[], errors: number): LatencyRow => {
      const sorted = [...samples].sort((a, b) => a - b);
      return {
        phase,
        call,
        n: sorted.length,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: sorted.at(-1) ?? NaN,
        errors,
      };
    };
    const rows: LatencyRow[] = [];
    for (const phase of this.phases)
      for (const call of API_CALLS.filter((c) => this.samples.has(key(phase, c))))
        rows.push(
          row(phase, call, this.samples.get(key(phase, call)) ?? [], this.errors.get(key(phase, call)) ?? 0),
        );
    for (const call of API_CALLS) {
      const of = rows.filter((r) => r.call === call);
      rows.push(
        row(
          'all',
          call,
          this.phases.flatMap((p) => this.samples.get(key(p, call)) ?? []),
          of.reduce((n, r) => n + r.errors, 0),
        ),
      );
    }
    return rows;
  }

  /** the first error a call met, if any ('' when none) */
  get error(): string {
    return this.firstError;
  }

  private async run(): Promise<void> {
    while (!this.stopped)
      for (const call of API_CALLS) {
        if (this.stopped) return;
        const phase = this.phase;
        if (!this.phases.includes(phase)) this.phases.push(phase);
        const start = performance.now();
        try {
          await this.call(call);
          const list = this.samples.get(key(phase, call)) ?? [];
          list.push(performance.now() - start);
          this.samples.set(key(phase, call), list);
        } catch (error) {
          this.errors.set(key(phase, call), (this.errors.get(key(phase, call)) ?? 0) + 1);
          this.firstError ||= `${call} in ${phase}: ${(error as Error).message}`;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
  }

  private async call(call: ApiCall): Promise<void> {
    // as `berth service ls` asks: with each service's task counts
    if (call === 'ListServices') await this.client.call('ListServices', { filters: {}, withStatus: true });
    else if (call === 'ListTasks')
      await this.client.call('ListTasks', { service: this.service, node: '', desiredState: '' });
    else await this.client.call('ListNodes', { filters: {} });
  }
}

const key = (phase: string, call: ApiCall) => `${phase}\0${call}`;

/** The rows as a table: phase, call, n, p50, p99, max (ms), errors. */
export function latencyTable(rows: LatencyRow[]): string {
  const head = ['phase', 'call', 'n', 'p50 ms', 'p99 ms', 'max ms', 'errors'];
  const body = rows.map((r) => [
    r.phase,
    r.call,
    String(r.n),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    r.max.toFixed(1),
    String(r.errors),
  ]);
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  return all
    .map((row) => row.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '))
    .join('\n');
}
