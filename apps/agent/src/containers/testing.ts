/** Fixtures for unit tests across the agent: container records as the engine keeps them, and fakes of the runtime and the record store. */
import { Readable } from 'node:stream';
import { ContainerNotFoundError, type ContainerInfo, type ExecProcess, type ExitInfo } from '@berth/runtime';
import { NotFoundError } from '../errors';
import type { ContainerRecord } from './model';

type State = ContainerRecord['state'];

/** Resolves once the callbacks already queued have run. */
export const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

export function containerState(status: State['status'], exitCode = 0, fields: Partial<State> = {}): State {
  return {
    status,
    pid: status === 'running' ? 4242 : 0,
    exitCode,
    oomKilled: false,
    error: '',
    startedAt: '',
    finishedAt: '',
    health: null,
    ...fields,
  };
}

export function containerRecord(
  id: string,
  name: string,
  labels: Record<string, string>,
  s: State,
): ContainerRecord {
  return {
    id,
    name,
    created: '',
    image: 'nginx:1',
    imageId: '',
    imageManifest: '',
    path: 'nginx',
    args: [],
    config: {
      env: [],
      workingDir: '/',
      user: '',
      hostname: '',
      labels,
      tty: false,
      openStdin: false,
      stopSignal: '',
      stopTimeoutMs: 10_000,
      exposedPorts: [],
      healthcheck: null,
      entrypoint: [],
      cmd: [],
    },
    hostConfig: {
      network: 'bridge',
      networkAliases: [],
      ports: [],
      publishAll: false,
      restart: { name: 'no', maximumRetryCount: 0 },
      autoRemove: false,
      readOnly: false,
      memoryBytes: 0,
      memorySwapBytes: 0,
      cpus: 0,
      cpuShares: 0,
      pidsLimit: 0,
      capAdd: [],
      capDrop: [],
      sysctls: {},
      ulimits: [],
      extraHosts: [],
      dns: [],
      privileged: false,
    },
    mounts: [],
    state: s,
    restartCount: 0,
    manuallyStopped: false,
    boundPorts: [],
    networks: [],
  };
}

/** The container store in memory: what a ContainerRepository keeps, without its files. */
export class MemoryRepository {
  readonly records = new Map<string, ContainerRecord>();
  saves = 0;

  constructor(...records: ContainerRecord[]) {
    for (const r of records) this.records.set(r.id, r);
  }

  all(): ContainerRecord[] {
    return [...this.records.values()];
  }

  find(ref: string): ContainerRecord | null {
    return this.all().find((c) => c.id === ref || c.name === ref || c.id.startsWith(ref)) ?? null;
  }

  get(ref: string): ContainerRecord {
    const found = this.find(ref);
    if (!found) throw new NotFoundError(`No such container: ${ref}`);
    return found;
  }

  save(record: ContainerRecord): void {
    this.saves++;
    this.records.set(record.id, record);
  }

  async delete(id: string): Promise<void> {
    this.records.delete(id);
  }

  containerDir(id: string): string {
    return `/fake/containers/${id}`;
  }
}

type RuntimeStatus = 'created' | 'running' | 'paused' | 'stopped';

/** Events kept in order, as the engine's event stream would carry them. */
export class RecordingEvents {
  readonly seen: { type: string; action: string; id: string }[] = [];
  emit(type: string, action: string, id: string): void {
    this.seen.push({ type, action, id });
  }
  actions(id?: string): string[] {
    return this.seen.filter((e) => id === undefined || e.id === id).map((e) => e.action);
  }
}

/**
 * The runtime as the lifecycle sees it, in memory: containers made, started, ended by the test
 * (exit) or by a stop or SIGKILL, and every call recorded by name and id.
 */
export class FakeRuntime {
  readonly calls: string[] = [];
  private readonly containers = new Map<string, { status: RuntimeStatus; exit: ExitInfo | null }>();
  private readonly waiters = new Map<string, (exit: ExitInfo) => void>();
  /** what start() throws, once */
  startError: Error | null = null;
  /** probes run by health checks: their exit codes, in turn */
  probeCodes: number[] = [];

  /** A container the runtime still has (as after an agent restart). */
  has(id: string, status: RuntimeStatus, exit: ExitInfo | null = null): void {
    this.containers.set(id, { status, exit });
  }

  statusOf(id: string): RuntimeStatus | null {
    return this.containers.get(id)?.status ?? null;
  }

  async create(id: string): Promise<ContainerInfo> {
    this.calls.push(`create ${id}`);
    this.containers.set(id, { status: 'created', exit: null });
    return this.state(id);
  }

  async start(id: string): Promise<ContainerInfo> {
    this.calls.push(`start ${id}`);
    const error = this.startError;
    this.startError = null;
    if (error) throw error;
    this.entry(id).status = 'running';
    return this.state(id);
  }

  wait(id: string): Promise<ExitInfo> {
    this.calls.push(`wait ${id}`);
    return new Promise((resolve) => this.waiters.set(id, resolve));
  }

  /** The container's program ends with CODE. */
  exit(id: string, exitCode: number): void {
    const entry = this.entry(id);
    entry.status = 'stopped';
    entry.exit = { exitCode, signal: 0, finishedAt: new Date(), oomKilled: false } as ExitInfo;
    const waiter = this.waiters.get(id);
    this.waiters.delete(id);
    waiter?.(entry.exit);
  }

  async stop(id: string, options: { graceMs?: number; signal?: string } = {}): Promise<ExitInfo> {
    this.calls.push(`stop ${id} ${options.signal} ${options.graceMs}ms`);
    this.exit(id, 143);
    return this.entry(id).exit!;
  }

  kill(id: string, signal: string | number = 'SIGTERM'): void {
    this.calls.push(`kill ${id} ${signal}`);
    this.entry(id);
    if (signal === 'SIGKILL') this.exit(id, 137);
  }

  async delete(id: string): Promise<void> {
    this.calls.push(`delete ${id}`);
    this.containers.delete(id);
  }

  state(id: string): ContainerInfo {
    const entry = this.entry(id);
    return {
      id,
      status: entry.status,
      pid: entry.status === 'running' ? 4242 : 0,
      exit: entry.exit,
    } as ContainerInfo;
  }

  async pause(id: string): Promise<void> {
    this.calls.push(`pause ${id}`);
    this.entry(id).status = 'paused';
  }

  async resume(id: string): Promise<void> {
    this.calls.push(`resume ${id}`);
    this.entry(id).status = 'running';
  }

  resize(id: string, rows: number, cols: number): void {
    this.calls.push(`resize ${id} ${rows}x${cols}`);
  }

  async spawnExec(id: string, options: { args: string[] }): Promise<ExecProcess> {
    this.calls.push(`exec ${id} ${options.args.join(' ')}`);
    const code = this.probeCodes.shift() ?? 0;
    return {
      pid: 1,
      stdin: null,
      stdout: Readable.from([Buffer.from(`probe ${code}\n`)]),
      stderr: null,
      exit: new Promise((resolve) => setImmediate(() => resolve(code))),
      kill: () => undefined,
      resize: () => undefined,
    };
  }

  private entry(id: string) {
    const entry = this.containers.get(id);
    if (!entry) throw new ContainerNotFoundError(id);
    return entry;
  }
}
