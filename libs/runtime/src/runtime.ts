/**
 * The executor's lifecycle over the shim: create → start → running → stopped,
 * plus kill, stop, pause, resume, delete, wait, exec, stats, state and list.
 * It validates, decides (through plan/compile.ts) and keeps the state dir;
 * the shim does the kernel work. A container outlives the process that made
 * it: any Runtime over the same state root finds, inspects and stops it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openCgroupDriver, type CgroupDriver } from './cgroups';
import { normaliseCgroupPath } from './cgroups/layout';
import { ContainerStates } from './container-states';
import { checkedCreateSpec } from './create-checks';
import {
  ContainerExistsError,
  ContainerStartError,
  InvalidIdError,
  InvalidSpecError,
  InvalidStateError,
} from './errors';
import { collectOutput, execHandle, execInstructions } from './exec';
import { untilStopped } from './exit-watch';
import { hookStateBase, runStateHooks, warnOnStderr } from './hooks';
import { tellMonitor } from './monitor-control';
import type { OciSpec } from './oci/spec';
import { compileCreate, deviceRules, rootfsPath } from './plan/compile';
import { cgroupOwner } from './plan/userns';
import { encodeInstructions } from './plan/instructions';
import { pollFor, pollUntil } from './poll';
import { recordRunPlan } from './run-plans';
import type {
  ContainerInfo,
  ContainerStats,
  CreateOptions,
  ExecOptions,
  ExecProcess,
  ExitInfo,
  RuntimeOptions,
} from './runtime-types';
import { NativeShimLauncher, type ShimHandle, type ShimLauncher } from './shim/launcher';
import { startError } from './shim/start-error';
import { killQuietly, parseSignal } from './signals';
import type { StateDir, StoredState } from './state/files';
import { readProcStat } from './state/proc';
import { isValidId } from './state/status';
import { killAll, killCreated, monitorGone, removeCgroup, shimExitWithin, unmountShared } from './stopping';

let execCounter = 0;

export class Runtime {
  /** Shims this instance started, for waiting without polling. */
  private readonly shims = new Map<string, ShimHandle>();
  private readonly cgroupNamespaces = fs.existsSync('/proc/self/ns/cgroup');

  private constructor(
    readonly stateRoot: string,
    private readonly cgroupParent: string,
    readonly cgroups: CgroupDriver,
    private readonly shim: ShimLauncher,
    /** Each container's state, read back from its state dir. */
    private readonly states: ContainerStates,
    private readonly warn: (message: string) => void, // failed poststart and poststop hooks
  ) {}

  static open(options: RuntimeOptions): Runtime {
    fs.mkdirSync(options.stateRoot, { recursive: true, mode: 0o700 });
    const cgroups = options.cgroups ?? openCgroupDriver();
    return new Runtime(
      options.stateRoot,
      normaliseCgroupPath(options.cgroupParent ?? 'berth'),
      cgroups,
      options.shim ?? new NativeShimLauncher(),
      new ContainerStates(options.stateRoot, cgroups),
      options.warn ?? warnOnStderr,
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

  /**
   * Leave berth-runtime a compiled plan for running BUNDLE in the foreground (run-plans.ts);
   * CGROUP_PARENT_ARG is the parent as the command line gave it. Returns why it cannot, or null.
   */
  recordRunPlan(bundle: string, cgroupParentArg: string): string | null {
    if (!(this.shim instanceof NativeShimLauncher)) return 'not the native shim';
    return recordRunPlan(
      {
        stateRoot: this.stateRoot,
        cgroupParent: this.cgroupParent,
        cgroupParentArg,
        cgroups: this.cgroups,
        cgroupNamespaces: this.cgroupNamespaces,
        shimPath: this.shim.shimPath,
      },
      bundle,
    );
  }

  /** Resize the container's terminal (created with process.terminal). */
  resize(id: string, rows: number, cols: number): void {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows <= 0 || cols <= 0) return;
    tellMonitor(this.dir(id), id, `resize ${rows} ${cols}`);
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
    tellMonitor(this.dir(id), id, 'start');
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
    await runStateHooks('poststart', this.states.read(id, dir), this.warn);
    return this.state(id);
  }

  private async launch(id: string, options: CreateOptions, autostart: boolean): Promise<ShimHandle> {
    if (!isValidId(id)) throw new InvalidIdError(id);
    const spec = checkedCreateSpec(options);

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
      this.states.write(dir, stored, 1);
      this.cgroups.create(cgroupPath, spec.linux?.resources, deviceRules(spec));
      const cgroupOwnerIds = cgroupOwner(spec, this.cgroups.layout);
      if (cgroupOwnerIds) this.cgroups.delegate?.(cgroupPath, cgroupOwnerIds.uid, cgroupOwnerIds.gid);
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
        hookState: hookStateBase(stored),
        ...(options.consoleSocket ? { consoleSocket: path.resolve(options.consoleSocket) } : {}),
      });
      fs.writeFileSync(dir.file('instructions'), encodeInstructions(instructions));
      shim = await this.shim.launch('create', dir.file('instructions'), log ? 'log' : 'inherit');
      stored.shimPid = shim.pid; // from here a crashed creator shows as gone, not "creating" forever
      this.states.write(dir, stored, 2);
      const created = await shim.next('created');
      if (created.kind !== 'created') throw startError(id, created);
      // read at once: a short-lived init may be gone after 'started', and its pid reused later
      const initStartTime = readProcStat(created.pid)?.startTime;
      if (autostart) {
        const started = await shim.next('started');
        if (started.kind !== 'started') throw startError(id, started);
      }
      this.states.write(
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
      if (autostart) await runStateHooks('poststart', { ...stored, pid: created.pid }, this.warn);
      return shim;
    } catch (error) {
      // a failed create leaves nothing: no process, no cgroup, no state dir
      await killCreated(dir, shim);
      await this.removeRemains(id, dir, cgroupPath, stored);
      throw error;
    }
  }

  /** What is left of a container once its monitor is gone: stray processes, its cgroup, its state (dir and memory). */
  private async removeRemains(
    id: string,
    dir: StateDir,
    cgroupPath: string,
    stored?: StoredState,
  ): Promise<void> {
    if (stored) await unmountShared(stored);
    await removeCgroup(this.cgroups, cgroupPath);
    this.shims.delete(id);
    this.states.forget(id);
    await dir.remove();
  }

  // ---- observe ---------------------------------------------------------------

  state(id: string): ContainerInfo {
    return this.states.state(id);
  }

  list(): ContainerInfo[] {
    return this.states.list();
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
    } else await untilStopped(this.dir(id).dir, () => this.state(id).status === 'stopped');
    await pollUntil(() => this.state(id).status === 'stopped', Infinity, `"${id}" to exit`);
    const info = this.state(id);
    return info.exit ?? { exitCode: 255, signal: 0, finishedAt: new Date(), oomKilled: false };
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

  /** SIGTERM (or SIGNAL), then SIGKILL after GRACE_MS, as `docker stop`. */
  async stop(id: string, options: { graceMs?: number; signal?: string } = {}): Promise<ExitInfo> {
    const info = this.state(id);
    if (info.status === 'paused') await this.resume(id);
    if (info.status !== 'stopped') {
      this.kill(id, options.signal ?? 'SIGTERM');
      const grace = options.graceMs ?? 10000;
      if (!(await this.stoppedWithin(id, grace))) killAll(this.cgroups, info, 'SIGKILL');
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
    await shimExitWithin(shim, graceMs);
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
    const stored = this.states.read(id, dir);
    if ((info.status === 'running' || info.status === 'paused') && !options.force)
      throw new InvalidStateError(id, info.status, 'delete', 'stop it first or use --force');
    if (info.status !== 'stopped') {
      killAll(this.cgroups, info, 'SIGKILL');
      if (this.cgroups.isFrozen(info.cgroupPath)) await this.cgroups.thaw(info.cgroupPath);
      await pollUntil(() => this.state(id).status === 'stopped', 10000, `"${id}" to die`);
    }
    await monitorGone(this.shims.get(id), stored);
    await this.removeRemains(id, dir, info.cgroupPath, stored);
    await runStateHooks('poststop', stored, this.warn);
  }

  /** The spec the container was created from. */
  containerSpec(id: string): OciSpec {
    return this.states.read(id, this.dir(id)).spec;
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
    const instructions = execInstructions(this.containerSpec(id), options, {
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
      return execHandle(shim, started, options);
    } finally {
      fs.rmSync(file, { force: true });
    }
  }

  /** exec and collect its output. */
  async exec(
    id: string,
    options: ExecOptions,
  ): Promise<{ exitCode: number; stdout: string; stderr: string }> {
    return collectOutput(await this.spawnExec(id, options));
  }

  private dir(id: string): StateDir {
    return this.states.dir(id);
  }
}
