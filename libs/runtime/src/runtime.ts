/**
 * The executor's lifecycle over the shim: create → start → running → stopped,
 * plus kill, stop, pause, resume, delete, wait, exec, stats, state and list.
 * It validates, decides (through plan/compile.ts) and keeps the state dir;
 * the shim does the kernel work. A container outlives the process that made
 * it: any Runtime over the same state root finds, inspects and stops it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { openCgroupDriver, type CgroupDriver, type CgroupStats } from './cgroups';
import { normaliseCgroupPath } from './cgroups/layout';
import {
  ContainerExistsError,
  ContainerNotFoundError,
  ContainerStartError,
  HostError,
  InvalidIdError,
  InvalidSpecError,
  InvalidStateError,
  type SpecProblem,
} from './errors';
import { overlayFromAnnotations } from './oci/annotations';
import type { OciProcess, OciSpec, OciState } from './oci/spec';
import { mergeEnv } from './oci/env';
import { validateSpec } from './oci/validate';
import { compileCreate, compileExec, deviceRules, rootfsPath, type LogTarget } from './plan/compile';
import { encodeInstructions, type Instruction } from './plan/instructions';
import { isBindMount } from './plan/mount-options';
import { NativeShimLauncher, type ShimHandle, type ShimLauncher } from './shim/launcher';
import type { ShimEvent } from './shim/protocol';
import { pollFor, pollUntil } from './poll';
import { parseSignal } from './signals';
import { StateDir, type StoredState } from './state/files';
import { isSameProcessAlive, readProcStat } from './state/proc';
import { deriveStatus, isValidId, type ExitRecord } from './state/status';

export interface RuntimeOptions {
  /** Where container state dirs live (`/run/berth/containers` for the engine). */
  stateRoot: string;
  /** Cgroup under which containers without `linux.cgroupsPath` go: `<parent>/<id>`. */
  cgroupParent?: string;
  cgroups?: CgroupDriver;
  shim?: ShimLauncher;
}

export interface CreateOptions {
  /** The bundle directory; config.json is read from it unless `spec` is given. */
  bundle: string;
  spec?: OciSpec;
  /** Where stdout/stderr go: a json-file log (default `<state dir>/log.json`), or the caller's own stdio. */
  log?: Partial<LogTarget> | 'inherit';
  /** Feed the container's stdin from the fifo at stdinPath() (else it reads /dev/null). */
  stdin?: boolean;
}

export interface ContainerInfo extends OciState {
  createdAt: Date;
  startedAt: Date | null;
  exit: ExitInfo | null;
  rootfs: string;
  cgroupPath: string;
}

export interface ExitInfo extends ExitRecord {
  oomKilled: boolean;
}

export interface ExecOptions {
  args: string[];
  /** Added to the container's environment (same names override), as `docker exec -e`. */
  env?: string[];
  cwd?: string;
  user?: { uid: number; gid: number; additionalGids?: number[] };
  /** A terminal (made in the container) instead of pipes; stdout carries everything. */
  terminal?: { rows: number; cols: number };
}

export interface ExecProcess {
  pid: number;
  stdin: Writable | null;
  stdout: Readable | null;
  stderr: Readable | null;
  /** The process's exit code (128 + signal when killed). */
  exit: Promise<number>;
  /** Signals the process itself (not the shim that waits for it). */
  kill(signal: NodeJS.Signals): void;
  /** Resizes its terminal (with `terminal` only). */
  resize(rows: number, cols: number): void;
}

export interface ContainerStats extends CgroupStats {
  id: string;
  pids: number[];
  readAt: Date;
}

const OCI_VERSION = '1.0.2';
let execCounter = 0;

export class Runtime {
  /** Shims this instance started, for waiting without polling. */
  private readonly shims = new Map<string, ShimHandle>();
  /** Each container's state.json as last written or read: only this runtime writes it, and it is asked for often. */
  private readonly stored = new Map<string, StoredState>();
  private readonly cgroupNamespaces = fs.existsSync('/proc/self/ns/cgroup');

  private constructor(
    readonly stateRoot: string,
    private readonly cgroupParent: string,
    readonly cgroups: CgroupDriver,
    private readonly shim: ShimLauncher,
  ) {}

  static open(options: RuntimeOptions): Runtime {
    fs.mkdirSync(options.stateRoot, { recursive: true, mode: 0o700 });
    return new Runtime(
      options.stateRoot,
      normaliseCgroupPath(options.cgroupParent ?? 'berth'),
      options.cgroups ?? openCgroupDriver(),
      options.shim ?? new NativeShimLauncher(),
    );
  }

  // ---- create, start, run --------------------------------------------------

  /** Make the container and leave its process waiting for start(). */
  async create(id: string, options: CreateOptions): Promise<ContainerInfo> {
    await this.launch(id, options, false);
    return this.state(id);
  }

  /** Make and start the container in one step (the engine's path). */
  async createAndStart(id: string, options: CreateOptions): Promise<ContainerInfo> {
    await this.launch(id, options, true);
    return this.state(id);
  }

  /** Create, start and wait: the container's exit, still to be deleted unless `remove`. */
  async run(id: string, options: CreateOptions & { remove?: boolean }): Promise<ExitInfo> {
    const shim = await this.launch(id, options, true);
    shim.ref();
    try {
      return await this.wait(id);
    } finally {
      if (options.remove) await this.delete(id, { force: true });
    }
  }

  /** A line for the container's monitor on its control fifo. */
  private control(id: string, line: string): void {
    let fd: number;
    try {
      fd = fs.openSync(this.dir(id).file('ctl'), fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
    } catch (error) {
      throw new HostError(`container "${id}": its monitor is gone (${(error as Error).message})`);
    }
    try {
      fs.writeSync(fd, `${line}\n`);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Resize the container's terminal (created with process.terminal). */
  resize(id: string, rows: number, cols: number): void {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows <= 0 || cols <= 0) return;
    this.control(id, `resize ${rows} ${cols}`);
  }

  /** The fifo feeding the container's stdin (created with `stdin: true`); closing every writer ends its input unless it has a terminal. */
  stdinPath(id: string): string {
    return this.dir(id).file('stdin');
  }

  async start(id: string): Promise<ContainerInfo> {
    const info = this.state(id);
    if (info.status !== 'created')
      throw new InvalidStateError(id, info.status, 'start', 'only a created container starts');
    const dir = this.dir(id);
    const shim = this.shims.get(id);
    this.control(id, 'start');
    if (shim) {
      shim.ref();
      const event = await shim.next('started').finally(() => shim.unref());
      if (event.kind !== 'started') throw startError(id, event);
    } else {
      await pollUntil(
        () => dir.readStartedAt() !== null || dir.readExit() !== null,
        10000,
        `"${id}" to start`,
      );
      const failure = dir.readStartError();
      if (failure) throw new ContainerStartError(id, failure.message, failure.exitCode);
    }
    return this.state(id);
  }

  private async launch(id: string, options: CreateOptions, autostart: boolean): Promise<ShimHandle> {
    if (!isValidId(id)) throw new InvalidIdError(id);
    const spec = options.spec ?? readBundleSpec(options.bundle);
    const problems = [...validateSpec(spec), ...hostProblems(spec, options.bundle)];
    if (spec.process?.terminal && options.log === 'inherit')
      problems.push({
        path: 'process.terminal',
        message:
          'a terminal is relayed by the monitor into the log; with inherited stdio set it to false (runc spec writes true)',
      });
    if (problems.length) throw new InvalidSpecError(problems);

    const dir = this.dir(id);
    try {
      dir.claim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ContainerExistsError(id);
      throw error;
    }
    const cgroupPath = spec.linux?.cgroupsPath
      ? normaliseCgroupPath(spec.linux.cgroupsPath)
      : `${this.cgroupParent}/${id}`;
    const stored: StoredState = {
      id,
      bundle: path.resolve(options.bundle),
      rootfs: rootfsPath(spec, options.bundle),
      createdAt: new Date().toISOString(),
      cgroupPath,
      spec,
    };
    let shim: ShimHandle | undefined;
    try {
      this.writeState(dir, stored, 1);
      this.cgroups.create(cgroupPath, spec.linux?.resources, deviceRules(spec));
      const log =
        options.log === 'inherit'
          ? null
          : { path: dir.file('log.json'), maxSize: 0, maxFiles: 1, ...options.log };
      const instructions = compileCreate(spec, {
        stateDir: dir.dir,
        bundle: options.bundle,
        log,
        autostart,
        openStdin: options.stdin === true && log !== null,
        cgroupPath,
        cgroupLayout: this.cgroups.layout,
        cgroupProcsFiles: this.cgroups.procsFiles(cgroupPath),
        cgroupNamespaces: this.cgroupNamespaces,
      });
      fs.writeFileSync(dir.file('instructions'), encodeInstructions(instructions));
      shim = await this.shim.launch('create', dir.file('instructions'), log ? 'log' : 'inherit');
      stored.shimPid = shim.pid; // from here a crashed creator shows as gone, not "creating" forever
      this.writeState(dir, stored, 2);
      const created = await shim.next('created');
      if (created.kind !== 'created') throw startError(id, created);
      // read at once: a short-lived init may be gone after 'started', and its pid reused later
      const initStartTime = readProcStat(created.pid)?.startTime;
      if (autostart) {
        const started = await shim.next('started');
        if (started.kind !== 'started') throw startError(id, started);
      }
      this.writeState(
        dir,
        {
          ...stored,
          pid: created.pid,
          initStartTime,
          shimPid: shim.pid,
          shimStartTime: readProcStat(shim.pid)?.startTime,
        },
        3,
      );
      shim.unref();
      this.shims.set(id, shim);
      return shim;
    } catch (error) {
      await this.undoCreate(id, dir, cgroupPath, shim);
      throw error;
    }
  }

  /** A failed create leaves nothing: no process, no cgroup, no state dir. */
  private async undoCreate(
    id: string,
    dir: StateDir,
    cgroupPath: string,
    shim: ShimHandle | undefined,
  ): Promise<void> {
    if (shim) {
      const pid = dir.readPid();
      if (pid) killQuietly(pid, 'SIGKILL');
      await shim.exit;
    }
    await this.removeRemains(id, dir, cgroupPath);
  }

  /** What is left of a container once its monitor is gone: stray processes, its cgroup, its state (dir and memory). */
  private async removeRemains(id: string, dir: StateDir, cgroupPath: string): Promise<void> {
    for (const pid of this.cgroups.exists(cgroupPath) ? this.cgroups.processes(cgroupPath) : [])
      killQuietly(pid, 'SIGKILL');
    if (this.cgroups.exists(cgroupPath)) await this.cgroups.destroy(cgroupPath);
    this.shims.delete(id);
    this.stored.delete(id);
    await dir.remove();
  }

  // ---- observe ---------------------------------------------------------------

  private writeState(dir: StateDir, state: StoredState, generation: number): void {
    dir.writeState(state, generation);
    this.stored.set(state.id, state);
  }

  private readState(id: string, dir: StateDir): StoredState {
    let state = this.stored.get(id);
    if (!state) {
      try {
        state = dir.readState();
      } catch {
        throw new ContainerNotFoundError(id);
      }
      this.stored.set(id, state);
    }
    return state;
  }

  state(id: string): ContainerInfo {
    const dir = this.dir(id);
    const stored = this.readState(id, dir);
    const pid = stored.pid ?? dir.readPid() ?? undefined;
    const exitRecord = dir.readExit();
    const startedAt = dir.readStartedAt();
    // each process looked up in /proc only where the answer can change the status (deriveStatus)
    const initAlive =
      pid !== undefined && exitRecord === null && isSameProcessAlive(pid, stored.initStartTime);
    const status = deriveStatus({
      pidKnown: pid !== undefined,
      creatorAlive:
        pid === undefined &&
        stored.shimPid !== undefined &&
        isSameProcessAlive(stored.shimPid, stored.shimStartTime),
      initAlive,
      started: startedAt !== null,
      exitRecorded: exitRecord !== null,
      frozen: initAlive && this.cgroups.isFrozen(stored.cgroupPath),
    });
    return {
      ociVersion: OCI_VERSION,
      id,
      status,
      ...(pid !== undefined && status !== 'stopped' ? { pid } : {}),
      bundle: stored.bundle,
      annotations: stored.spec.annotations ?? {},
      createdAt: new Date(stored.createdAt),
      startedAt,
      exit: exitRecord ? { ...exitRecord, oomKilled: this.oomKilled(stored, exitRecord) } : null,
      rootfs: stored.rootfs,
      cgroupPath: stored.cgroupPath,
    };
  }

  /** Docker's OOMKilled: the kernel's OOM killer fired in the container's cgroup. */
  private oomKilled(stored: StoredState, exit: ExitRecord): boolean {
    try {
      return exit.signal === 9 && this.cgroups.oomKillCount(stored.cgroupPath) > 0;
    } catch {
      return false;
    }
  }

  list(): ContainerInfo[] {
    const ids = fs.readdirSync(this.stateRoot, { withFileTypes: true }).filter((e) => e.isDirectory());
    const out: ContainerInfo[] = [];
    for (const entry of ids) {
      try {
        out.push(this.state(entry.name));
      } catch {
        // a directory being created or deleted right now
      }
    }
    return out.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** Resolves when the container's process has exited, with how it ended. */
  async wait(id: string): Promise<ExitInfo> {
    const shim = this.shims.get(id);
    if (shim) {
      shim.ref();
      try {
        await shim.next('exited').catch(() => undefined);
      } finally {
        shim.unref();
      }
    } else await this.exitOf(id);
    await pollUntil(() => this.state(id).status === 'stopped', Infinity, `"${id}" to exit`);
    const info = this.state(id);
    return info.exit ?? { exitCode: 255, signal: 0, finishedAt: new Date(), oomKilled: false };
  }

  /**
   * For a container another process started: the monitor writes `exit` into
   * the state dir, which inotify reports at once; a slow look every second
   * covers a monitor that died without writing it.
   */
  private async exitOf(id: string): Promise<void> {
    const dir = this.dir(id).dir;
    let watcher: fs.FSWatcher | null = null;
    let timer: NodeJS.Timeout | null = null;
    try {
      await new Promise<void>((resolve) => {
        const check = () => {
          let stopped: boolean;
          try {
            stopped = this.state(id).status === 'stopped';
          } catch {
            stopped = true; // deleted meanwhile
          }
          if (stopped) resolve();
        };
        try {
          watcher = fs.watch(dir, (_event, name) => {
            if (name === 'exit') check();
          });
          watcher.on('error', () => undefined);
        } catch {
          // the dir is gone: check() settles it
        }
        timer = setInterval(check, 1000);
        check();
      });
    } finally {
      (watcher as fs.FSWatcher | null)?.close();
      if (timer) clearInterval(timer);
    }
  }

  stats(id: string): ContainerStats {
    const info = this.state(id);
    return {
      id,
      ...this.cgroups.stats(info.cgroupPath),
      pids: this.cgroups.processes(info.cgroupPath),
      readAt: new Date(),
    };
  }

  // ---- control ---------------------------------------------------------------

  kill(id: string, signal: string | number = 'SIGTERM', options: { all?: boolean } = {}): void {
    const sig = parseSignal(signal);
    if (sig === null) throw new InvalidSpecError([{ path: 'signal', message: `unknown signal "${signal}"` }]);
    const info = this.state(id);
    if (info.status === 'stopped' || info.pid === undefined)
      throw new InvalidStateError(id, info.status, 'kill', 'it is not running');
    const targets = options.all ? this.cgroups.processes(info.cgroupPath) : [info.pid];
    for (const pid of targets) killQuietly(pid, sig);
  }

  /** Signal the init and everything in its cgroup, ignoring processes already gone. */
  private killAll(info: ContainerInfo, signal: NodeJS.Signals): void {
    const pids = this.cgroups.exists(info.cgroupPath) ? this.cgroups.processes(info.cgroupPath) : [];
    for (const pid of info.pid !== undefined ? [info.pid, ...pids] : pids) killQuietly(pid, signal);
  }

  /** SIGTERM (or SIGNAL), then SIGKILL after GRACE_MS, as `docker stop`. */
  async stop(id: string, options: { graceMs?: number; signal?: string } = {}): Promise<ExitInfo> {
    const info = this.state(id);
    if (info.status === 'paused') await this.resume(id);
    if (info.status !== 'stopped') {
      this.kill(id, options.signal ?? 'SIGTERM');
      const grace = options.graceMs ?? 10000;
      if (!(await this.stoppedWithin(id, grace))) this.killAll(info, 'SIGKILL');
    }
    return this.wait(id);
  }

  /**
   * Whether the container stops within GRACE_MS: told by its monitor's exit when this instance
   * started it (the monitor leaves once the exit is written), else seen by polling its state.
   */
  private async stoppedWithin(id: string, graceMs: number): Promise<boolean> {
    const shim = this.shims.get(id);
    if (!shim) return pollFor(() => this.state(id).status === 'stopped', graceMs);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(resolve, graceMs, false)));
    shim.ref();
    try {
      await Promise.race([shim.exit, timeout]);
    } finally {
      clearTimeout(timer);
      shim.unref();
    }
    return this.state(id).status === 'stopped';
  }

  async pause(id: string): Promise<void> {
    const info = this.state(id);
    if (info.status !== 'running')
      throw new InvalidStateError(id, info.status, 'pause', 'only a running container pauses');
    await this.cgroups.freeze(info.cgroupPath);
  }

  async resume(id: string): Promise<void> {
    const info = this.state(id);
    if (info.status !== 'paused') throw new InvalidStateError(id, info.status, 'resume', 'it is not paused');
    await this.cgroups.thaw(info.cgroupPath);
  }

  /** Remove every trace: process, cgroup, state dir. A running container needs `force`. */
  async delete(id: string, options: { force?: boolean } = {}): Promise<void> {
    const info = this.state(id);
    const dir = this.dir(id);
    const stored = this.readState(id, dir);
    if ((info.status === 'running' || info.status === 'paused') && !options.force)
      throw new InvalidStateError(id, info.status, 'delete', 'stop it first or use --force');
    if (info.status !== 'stopped') {
      this.killAll(info, 'SIGKILL');
      if (this.cgroups.isFrozen(info.cgroupPath)) await this.cgroups.thaw(info.cgroupPath);
      await pollUntil(() => this.state(id).status === 'stopped', 10000, `"${id}" to die`);
    }
    await this.monitorGone(id, stored);
    await this.removeRemains(id, dir, info.cgroupPath);
  }

  /** The monitor finishes writing logs and the exit record before it goes; give it a moment, then make it go. */
  private async monitorGone(id: string, stored: StoredState): Promise<void> {
    const shim = this.shims.get(id);
    if (shim) {
      shim.ref();
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(resolve, 5000, 'timeout').unref());
      const outcome = await Promise.race([shim.exit, timeout]).finally(() => shim.unref());
      if (outcome !== 'timeout') return;
    } else if (stored.shimPid !== undefined) {
      const gone = () => !isSameProcessAlive(stored.shimPid!, stored.shimStartTime);
      if (await pollFor(gone, 5000)) return;
    }
    if (stored.shimPid !== undefined) killQuietly(stored.shimPid, 'SIGKILL');
  }

  /** The spec the container was created from. */
  containerSpec(id: string): OciSpec {
    return this.readState(id, this.dir(id)).spec;
  }

  // ---- exec ------------------------------------------------------------------

  /** Start another process in the running container; its stdio are pipes. */
  async spawnExec(
    id: string,
    options: ExecOptions,
    stdio: 'pipe' | 'inherit' = 'pipe',
  ): Promise<ExecProcess> {
    const info = this.state(id);
    if (info.status !== 'running')
      throw new InvalidStateError(id, info.status, 'exec in', 'it is not running');
    const dir = this.dir(id);
    const spec = this.containerSpec(id);
    const base = spec.process!;
    const execProcess: OciProcess = {
      ...base,
      args: options.args,
      env: mergeEnv(base.env ?? [], options.env ?? []),
      cwd: options.cwd ?? base.cwd,
      user: options.user ?? base.user,
      terminal: options.terminal !== undefined,
      ...(options.terminal
        ? { consoleSize: { height: options.terminal.rows, width: options.terminal.cols } }
        : {}),
    };
    const problems = validateSpec({ ...spec, process: execProcess });
    if (problems.length) throw new InvalidSpecError(problems);
    const instructions: Instruction[] = compileExec(spec, execProcess, {
      pid: info.pid!,
      cgroupProcsFiles: this.cgroups.procsFiles(info.cgroupPath),
      cgroupNamespaces: this.cgroupNamespaces,
    });
    const file = dir.file(`exec-${process.pid}-${++execCounter}`);
    fs.writeFileSync(file, encodeInstructions(instructions));
    const shim = await this.shim.launch('exec', file, stdio);
    try {
      const started = await shim.next('started');
      if (started.kind !== 'started') {
        await shim.exit;
        throw startError(id, started);
      }
      return {
        pid: started.pid ?? -1,
        stdin: shim.stdin,
        stdout: shim.stdout,
        stderr: shim.stderr,
        exit: shim.exit,
        resize: (rows, cols) => {
          if (options.terminal && rows > 0 && cols > 0) shim.control?.write(`${rows} ${cols}\n`);
        },
        kill: (signal) => {
          try {
            if (started.pid) process.kill(started.pid, signal);
          } catch {
            // already gone
          }
        },
      };
    } finally {
      fs.rmSync(file, { force: true });
    }
  }

  /** exec and collect its output. */
  async exec(
    id: string,
    options: ExecOptions,
  ): Promise<{ exitCode: number; stdout: string; stderr: string }> {
    const proc = await this.spawnExec(id, options);
    proc.stdin?.end();
    const [stdout, stderr, exitCode] = await Promise.all([
      collect(proc.stdout),
      collect(proc.stderr),
      proc.exit,
    ]);
    return { exitCode, stdout, stderr };
  }

  private dir(id: string): StateDir {
    if (!isValidId(id)) throw new InvalidIdError(id);
    return StateDir.of(this.stateRoot, id);
  }
}

function readBundleSpec(bundle: string): OciSpec {
  const file = path.join(bundle, 'config.json');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidSpecError([{ path: file, message: `cannot read: ${(error as Error).message}` }]);
  }
  try {
    return JSON.parse(text) as OciSpec;
  } catch (error) {
    throw new InvalidSpecError([{ path: file, message: `not valid JSON: ${(error as Error).message}` }]);
  }
}

/** What the spec needs from the machine: a rootfs, overlay layers and bind sources that exist. */
function hostProblems(spec: OciSpec, bundle: string): SpecProblem[] {
  const problems: SpecProblem[] = [];
  if (!spec.root?.path) return problems;
  const isDir = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const rootfs = rootfsPath(spec, bundle);
  if (!isDir(rootfs))
    problems.push({ path: 'root.path', message: `rootfs ${rootfs} does not exist or is not a directory` });
  const overlay = overlayFromAnnotations(spec.annotations);
  for (const [i, lower] of (overlay?.lowerDirs ?? []).entries())
    if (!isDir(lower))
      problems.push({ path: `annotations (lower dir ${i})`, message: `layer ${lower} does not exist` });
  (spec.mounts ?? []).forEach((m, i) => {
    if (isBindMount(m.type, m.options) && !fs.existsSync(path.resolve(bundle, m.source ?? '')))
      problems.push({ path: `mounts[${i}].source`, message: `bind source ${m.source} does not exist` });
  });
  return problems;
}

/** The shim said something other than what was awaited: its error, or an unexpected event. */
function startError(id: string, event: ShimEvent): ContainerStartError {
  if (event.kind === 'error') return new ContainerStartError(id, event.message, event.exitCode);
  return new ContainerStartError(
    id,
    `the process ended before it started (shim reported "${event.kind}")`,
    1,
  );
}

function killQuietly(pid: number, signal: NodeJS.Signals | number): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

function collect(stream: Readable | null): Promise<string> {
  if (!stream) return Promise.resolve('');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}
