/**
 * The boundary to the native shim (Temporal's "native part behind an
 * interface"): the runtime's logic talks to ShimLauncher; the real one spawns
 * berth-shim, a fake one can stand in for unit tests.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import * as os from 'node:os';
import type { Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { HostError } from '../errors';
import { locateShim } from './locate';
import { parseShimLine, type ShimEvent } from './protocol';
import type { ShimSpawner } from './spawner';

export type ShimStdio = 'log' | 'inherit' | 'pipe';

export interface ShimHandle {
  readonly pid: number;
  /** The shim's own stdout/stderr when spawned with 'pipe' (exec's output). */
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  readonly stdin: Writable | null;
  /** fd 4 of an exec shim spawned with 'pipe': "ROWS COLS" lines resize its terminal. */
  readonly control: Writable | null;
  /** Every status event, in order; ends when the shim closes fd 3. */
  next(kind: ShimEvent['kind'] | 'any'): Promise<ShimEvent>;
  /** Resolves with the shim's exit status when it exits (DETACHED_EXIT for a monitor that is not our child). */
  readonly exit: Promise<number>;
  /** Keep (or stop keeping) Node's event loop alive for this shim. */
  ref(): void;
  unref(): void;
}

export interface ShimLauncher {
  launch(mode: 'create' | 'exec', instructionsFile: string, stdio: ShimStdio): Promise<ShimHandle>;
}

/** The shim's status lines (fd 3) as events, and whatever else it said, for when it ends without a word. */
abstract class ShimStatus {
  private readonly events: ShimEvent[] = [];
  private readonly waiters: { kind: string; resolve: (e: ShimEvent) => void; reject: (e: Error) => void }[] =
    [];
  private ended = false;
  private buffered = '';
  protected diagnostics = '';

  /** Lines from the status stream; with MIXED, lines that are no event are diagnostics (stderr shares the stream). */
  protected feed(chunk: string, mixed: boolean): void {
    this.buffered += chunk;
    let nl: number;
    while ((nl = this.buffered.indexOf('\n')) >= 0) {
      const line = this.buffered.slice(0, nl);
      this.buffered = this.buffered.slice(nl + 1);
      const event = parseShimLine(line);
      if (event) this.push(event);
      else if (mixed) this.diagnostics += `${line}\n`;
    }
  }

  private push(event: ShimEvent): void {
    const i = this.waiters.findIndex(
      (w) => w.kind === 'any' || w.kind === event.kind || event.kind === 'error',
    );
    if (i >= 0) this.waiters.splice(i, 1)[0].resolve(event);
    else this.events.push(event);
  }

  protected end(): void {
    this.ended = true;
    for (const w of this.waiters.splice(0)) w.reject(this.endError());
  }

  private endError(): Error {
    const why = this.diagnostics.trim();
    return new HostError(`berth-shim ended without reporting${why ? `: ${why}` : ''}`);
  }

  /** The next event of KIND; an error event always answers, since it ends the sequence. */
  next(kind: ShimEvent['kind'] | 'any'): Promise<ShimEvent> {
    const i = this.events.findIndex((e) => kind === 'any' || e.kind === kind || e.kind === 'error');
    if (i >= 0) return Promise.resolve(this.events.splice(i, 1)[0]);
    if (this.ended) return Promise.reject(this.endError());
    return new Promise((resolve, reject) => this.waiters.push({ kind, resolve, reject }));
  }
}

/** A shim Node spawned itself: its pipes, and its exit status. */
class SpawnedShim extends ShimStatus implements ShimHandle {
  readonly exit: Promise<number>;

  constructor(
    private readonly child: ChildProcess,
    stdio: ShimStdio,
  ) {
    super();
    const status = child.stdio[3] as Readable;
    status.setEncoding('utf8');
    status.on('data', (chunk: string) => this.feed(chunk, false));
    status.on('error', () => undefined);
    // with 'pipe' the shim's stderr is the process's; otherwise it carries the shim's own complaints
    if (child.stdio[2] && stdio !== 'pipe') {
      (child.stdio[2] as Readable).setEncoding('utf8');
      (child.stdio[2] as Readable).on('data', (s: string) => (this.diagnostics += s));
    }
    this.exit = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        resolve(code ?? 128 + (signal ? osSignal(signal) : 0));
      });
      child.on('error', (error) => {
        this.diagnostics += String(error);
        resolve(-1);
      });
    });
    // fd 3 closes when the shim exits (or when it closes it); nothing more will come
    Promise.all([new Promise((r) => status.on('close', r)), this.exit]).then(() => this.end());
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }
  get stdout(): Readable | null {
    return this.child.stdout;
  }
  get stderr(): Readable | null {
    return this.child.stderr;
  }
  get stdin(): Writable | null {
    return this.child.stdin;
  }
  get control(): Writable | null {
    return (this.child.stdio[4] as Writable | undefined) ?? null;
  }

  ref(): void {
    this.child.ref();
    (this.child.stdio[3] as Readable & { ref?: () => void }).ref?.();
  }

  unref(): void {
    this.child.unref();
    (this.child.stdio[3] as Readable & { unref?: () => void }).unref?.();
    for (const fd of [1, 2]) (this.child.stdio[fd] as (Readable & { unref?: () => void }) | null)?.unref?.();
  }

  static spawn(shimPath: string, mode: string, file: string, stdio: ShimStdio): SpawnedShim {
    const options: StdioOptions =
      stdio === 'inherit'
        ? ['inherit', 'inherit', 'inherit', 'pipe']
        : stdio === 'pipe'
          ? ['pipe', 'pipe', 'pipe', 'pipe', 'pipe']
          : ['ignore', 'ignore', 'pipe', 'pipe'];
    // the monitor must outlive us: its own session, not our process group
    const child = spawn(shimPath, [mode, file], { stdio: options, detached: mode === 'create' });
    return new SpawnedShim(child, stdio);
  }
}

/** The exit status of a monitor started through the spawner: init reaps it, and nobody here sees its status. */
const DETACHED_EXIT = -1;

/**
 * A monitor started by berth-shim spawner (ShimSpawner.detach): not our child, so its exit is
 * seen as its end of the socket closing (it holds fds 2 and 3 until it exits), with no status.
 */
class DetachedShim extends ShimStatus implements ShimHandle {
  readonly exit: Promise<number>;
  readonly stdout = null;
  readonly stderr = null;
  readonly stdin = null;
  readonly control = null;

  constructor(
    readonly pid: number,
    private readonly socket: Socket,
  ) {
    super();
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.feed(chunk, true));
    socket.on('error', () => undefined);
    this.exit = new Promise((resolve) => socket.on('close', () => resolve(DETACHED_EXIT)));
    void this.exit.then(() => this.end());
    socket.resume();
  }

  ref(): void {
    this.socket.ref();
  }

  unref(): void {
    this.socket.unref();
  }
}

function osSignal(name: NodeJS.Signals): number {
  return os.constants.signals[name] ?? 0;
}

export class NativeShimLauncher implements ShimLauncher {
  /** SPAWNER: container monitors start through it (Node forking itself costs the agent far more). */
  constructor(
    readonly shimPath: string = locateShim(),
    private readonly spawner?: ShimSpawner,
  ) {}

  async launch(mode: 'create' | 'exec', instructionsFile: string, stdio: ShimStdio): Promise<ShimHandle> {
    if (mode === 'create' && stdio === 'log' && this.spawner) {
      const { pid, socket } = await this.spawner.detach([this.shimPath, mode, instructionsFile]);
      return new DetachedShim(pid, socket);
    }
    return SpawnedShim.spawn(this.shimPath, mode, instructionsFile, stdio);
  }
}
