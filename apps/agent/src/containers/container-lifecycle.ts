/**
 * A container's life on this machine: start (or ready ahead, then start), stop, kill, pause,
 * restart, remove; its exits, handled once each, with the restart policy; and live restore of
 * what the last agent left (live-restore.ts decides). Changes to one container are serialised.
 */
import { Logger } from '@nestjs/common';
import type { Images } from '@berth/image';
import { ContainerNotFoundError, type ExitInfo, type Runtime } from '@berth/runtime';
import { ConflictError } from '../errors';
import type { EventsService } from '../events/events.service';
import type { NetworksService } from '../networks/networks.service';
import type { VolumesService } from '../volumes/volumes.service';
import type { ContainerRepository } from './container.repository';
import { emitContainerEvent } from './container-events';
import type { HealthMonitor } from './health-monitor';
import { KeyedLock } from './keyed-lock';
import { restoreStep } from './live-restore';
import { isRunning, shouldRestart, type ContainerRecord } from './model';
import type { RestartTimers } from './restart-timers';
import type { RunSetup } from './run-setup';

export type LifecycleRuntime = Pick<
  Runtime,
  'start' | 'wait' | 'stop' | 'kill' | 'delete' | 'state' | 'pause' | 'resume' | 'resize'
>;
export type LifecycleNetworks = Pick<
  NetworksService,
  'releaseOrPark' | 'release' | 'detachOverlays' | 'stoppingContainer' | 'rehold' | 'serveDns' | 'adopt'
>;
type ConsoleSize = { rows: number; cols: number };
type Final = ContainerRecord['state'] | null;

export interface LifecycleDeps {
  repo: Pick<ContainerRepository, 'all' | 'find' | 'get' | 'save' | 'delete'>;
  runtime: LifecycleRuntime;
  setup: Pick<RunSetup, 'prepare' | 'undo' | 'unprepare'>;
  networks: LifecycleNetworks;
  volumes: Pick<VolumesService, 'use' | 'release' | 'remove'>;
  images: Pick<Images, 'release' | 'holdAll'>;
  health: Pick<HealthMonitor, 'watch' | 'unwatch' | 'stopAll'>;
  restarts: Pick<RestartTimers, 'schedule' | 'cancel' | 'forget' | 'stopAll'>;
  events: Pick<EventsService, 'emit'>;
}

export class ContainerLifecycle {
  private readonly log = new Logger('containers');
  /** Resolves when the container's current run has ended and been handled, with how it ended. */
  private readonly exits = new Map<string, Promise<Final>>();
  /** Containers whose --rm removal waits until someone has read them to the end (run's output). */
  private readonly removalHolds = new Map<string, Promise<void>>();
  /** containers readied to start (network, runtime container held before its program) */
  private readonly readied = new Set<string>();
  private readonly locks = new KeyedLock();
  private shuttingDown = false;

  constructor(private readonly deps: LifecycleDeps) {}

  async start(ref: string, consoleSize?: ConsoleSize): Promise<ContainerRecord> {
    const { id } = this.deps.repo.get(ref);
    return this.locks.inTurn(id, () => this.startNow(id, consoleSize));
  }

  private async startNow(id: string, consoleSize?: ConsoleSize): Promise<ContainerRecord> {
    const c = this.deps.repo.get(id);
    if (c.state.status === 'running') return c;
    if (c.state.status === 'paused')
      throw new ConflictError(`cannot start a paused container ${c.id}; try unpause instead`);
    if (c.state.status === 'removing')
      throw new ConflictError(`container ${c.id} is marked for removal and cannot be started`);
    this.cancelRestart(c);
    c.manuallyStopped = false;
    await this.launch(c, consoleSize);
    return c;
  }

  /**
   * Everything a start does but letting the program run, done ahead (a task's container while
   * the one it replaces stops). start() then only lets it go; stop and remove undo it.
   */
  async ready(ref: string): Promise<void> {
    const { id } = this.deps.repo.get(ref);
    await this.locks.inTurn(id, async () => {
      const c = this.deps.repo.get(id);
      if (c.state.status !== 'created' || this.readied.has(id)) return;
      await this.deps.setup.prepare(c, undefined, { waitForParking: true });
      this.deps.repo.save(c); // its attachments: a new agent undoes what this one readied
      this.readied.add(id);
    });
  }

  /** Prepared (unless readied), then the runtime starts it; on failure everything set up is undone. */
  private async launch(c: ContainerRecord, consoleSize?: ConsoleSize): Promise<void> {
    if (!this.readied.delete(c.id)) await this.deps.setup.prepare(c, consoleSize);
    else if (consoleSize?.rows && consoleSize.cols)
      this.deps.runtime.resize(c.id, consoleSize.rows, consoleSize.cols);
    try {
      const info = await this.deps.runtime.start(c.id);
      Object.assign(c.state, {
        status: 'running',
        pid: info.pid ?? 0,
        exitCode: 0,
        oomKilled: false,
        error: '',
        startedAt: new Date().toISOString(),
        health: c.config.healthcheck ? { status: 'starting', failingStreak: 0, log: [] } : null,
      });
      this.deps.repo.save(c);
    } catch (error) {
      await this.deps.setup.undo(c, true, c.networks, error);
    }
    this.emit(c, 'start');
    this.follow(c);
    this.deps.health.watch(c);
  }

  /** A readied container that will not start after all: back to only created. */
  private async unready(c: ContainerRecord): Promise<void> {
    this.readied.delete(c.id);
    await this.deps.setup.unprepare(c);
  }

  /** Wait for the run to end, then handle it once. */
  private follow(c: ContainerRecord): void {
    const done = this.deps.runtime.wait(c.id).then(
      (exit) => this.onExit(c.id, exit),
      (error: unknown) => {
        this.log.error({ msg: `waiting for ${c.name}: ${(error as Error).message}`, container: c.id });
        return null;
      },
    );
    this.exits.set(c.id, done);
  }

  private async onExit(id: string, exit: ExitInfo): Promise<Final> {
    const c = this.deps.repo.find(id);
    if (!c) return null;
    this.deps.health.unwatch(c.id);
    await this.deps.runtime.delete(c.id, { force: true }).catch(() => undefined);
    // in the background (journaled), or parked for the task that replaces it: the exit status need not wait
    void this.deps.networks.releaseOrPark(c);
    c.networks = c.networks.map((n) => ({ ...n, cniResult: undefined }));
    const ranFor = Date.now() - Date.parse(c.state.startedAt || new Date().toISOString());
    Object.assign(c.state, {
      status: c.state.status === 'removing' ? 'removing' : 'exited',
      pid: 0,
      exitCode: exit.exitCode,
      oomKilled: exit.oomKilled,
      finishedAt: exit.finishedAt.toISOString(),
    });
    if (c.state.health) c.state.health = null;
    this.deps.repo.save(c);
    if (exit.oomKilled) this.emit(c, 'oom');
    this.emit(c, 'die', { exitCode: String(exit.exitCode) });
    const final = { ...c.state };
    if (c.state.status === 'removing' || this.shuttingDown) return final;
    if (c.hostConfig.autoRemove) {
      await this.removalHolds.get(c.id);
      // not locked: a stop that holds the lock may be waiting for this very exit
      await this.removeNow(c.id, { force: true, volumes: true });
      return final;
    }
    if (shouldRestart(c.hostConfig.restart, exit.exitCode, c.restartCount, c.manuallyStopped)) {
      c.state.status = 'restarting';
      this.deps.repo.save(c);
      this.deps.restarts.schedule(
        c.id,
        ranFor,
        () => void this.locks.inTurn(c.id, () => this.restartNow(c.id)),
      );
    }
    return final;
  }

  /** The restart policy's restart, when its back-off is over (unless stopped or removed meanwhile). */
  private async restartNow(id: string): Promise<void> {
    const current = this.deps.repo.find(id);
    if (!current || current.state.status !== 'restarting') return;
    current.restartCount++;
    try {
      await this.launch(current);
      this.emit(current, 'restart');
    } catch (error) {
      this.log.warn({
        msg: `restarting ${current.name}: ${(error as Error).message}`,
        container: current.id,
      });
      current.state.status = 'exited';
      this.deps.repo.save(current);
    }
  }

  private cancelRestart(c: ContainerRecord): void {
    this.deps.restarts.cancel(c.id);
    if (c.state.status === 'restarting') c.state.status = 'exited';
  }

  async stop(ref: string, timeoutS?: number, signal?: string): Promise<void> {
    const { id } = this.deps.repo.get(ref);
    await this.locks.inTurn(id, () => this.stopNow(id, timeoutS, signal));
  }

  private async stopNow(id: string, timeoutS?: number, signal?: string): Promise<void> {
    const c = this.deps.repo.get(id);
    c.manuallyStopped = true;
    this.cancelRestart(c);
    this.deps.repo.save(c);
    if (this.readied.has(c.id)) await this.unready(c);
    if (!isRunning(c)) return;
    const graceMs = timeoutS !== undefined ? timeoutS * 1000 : c.config.stopTimeoutMs;
    // its namespace may be parked for a container readied meanwhile, which waits for it
    const exited = this.deps.networks.stoppingContainer(c);
    try {
      await this.deps.runtime
        .stop(c.id, { graceMs: Math.max(0, graceMs), signal: signal || c.config.stopSignal })
        .catch((error: unknown) => {
          // it ended meanwhile and its exit handler already cleaned up after it
          if (!(error instanceof ContainerNotFoundError)) throw error;
        });
      await this.exits.get(c.id);
    } finally {
      exited();
    }
    this.emit(c, 'stop');
  }

  async kill(ref: string, signal = 'SIGKILL'): Promise<void> {
    const c = this.deps.repo.get(ref);
    if (!isRunning(c))
      throw new ConflictError(`Cannot kill container: ${ref}: Container ${c.id} is not running`);
    if (/^(SIG)?(KILL|TERM|INT|9|15|2)$/i.test(signal)) {
      c.manuallyStopped = true;
      this.deps.repo.save(c);
    }
    if (c.state.status === 'paused') await this.deps.runtime.resume(c.id);
    this.deps.runtime.kill(c.id, signal);
    this.emit(c, 'kill', { signal });
  }

  async restart(ref: string, timeoutS?: number): Promise<void> {
    const { id } = this.deps.repo.get(ref);
    await this.locks.inTurn(id, async () => {
      await this.stopNow(id, timeoutS);
      this.emit(await this.startNow(id), 'restart');
    });
  }

  async pause(ref: string): Promise<void> {
    const c = this.deps.repo.get(ref);
    if (c.state.status !== 'running') throw new ConflictError(`Container ${c.id} is not running`);
    await this.deps.runtime.pause(c.id);
    c.state.status = 'paused';
    this.deps.repo.save(c);
    this.emit(c, 'pause');
  }

  async unpause(ref: string): Promise<void> {
    const c = this.deps.repo.get(ref);
    if (c.state.status !== 'paused') throw new ConflictError(`Container ${c.id} is not paused`);
    await this.deps.runtime.resume(c.id);
    c.state.status = 'running';
    this.deps.repo.save(c);
    this.emit(c, 'unpause');
  }

  async remove(ref: string, options: { force?: boolean; volumes?: boolean }): Promise<void> {
    const { id } = this.deps.repo.get(ref);
    await this.locks.inTurn(id, () => this.removeNow(id, options));
  }

  private async removeNow(id: string, options: { force?: boolean; volumes?: boolean }): Promise<void> {
    const c = this.deps.repo.find(id);
    if (!c) return; // removed while this waited its turn
    if ((isRunning(c) || c.state.status === 'restarting') && !options.force)
      throw new ConflictError(
        `You cannot remove a ${c.state.status} container ${c.id}. Stop the container before attempting removal or force remove`,
      );
    this.cancelRestart(c);
    this.deps.health.unwatch(c.id);
    this.readied.delete(c.id);
    const wasRunning = isRunning(c);
    c.state.status = 'removing';
    this.deps.repo.save(c);
    if (wasRunning) {
      await this.killForRemoval(c);
      await this.exits.get(c.id);
    }
    await this.deps.runtime.delete(c.id, { force: true }).catch((error: unknown) => {
      if (!(error instanceof ContainerNotFoundError))
        this.log.warn({ msg: `removing ${c.name}: ${(error as Error).message}`, container: c.id });
    });
    void this.deps.networks.release(c); // usually done already, by the exit handler
    void this.deps.networks.detachOverlays(c);
    for (const m of c.mounts) {
      if (m.type !== 'volume') continue;
      this.deps.volumes.release(m.source, c.id);
      if (m.anonymous && options.volumes) this.deps.volumes.remove(m.source, true);
    }
    this.deps.images.release(c.id);
    const deleted = this.deps.repo.delete(c.id);
    this.exits.delete(c.id);
    this.deps.restarts.forget(c.id);
    this.emit(c, 'destroy');
    await deleted;
  }

  private async killForRemoval(c: ContainerRecord): Promise<void> {
    try {
      if (this.deps.runtime.state(c.id).status === 'paused') await this.deps.runtime.resume(c.id);
      this.deps.runtime.kill(c.id, 'SIGKILL', { all: true });
    } catch {
      // already gone
    }
  }

  /**
   * Keeps an --rm container (its record and log) after it exits until the returned release is
   * called: `run` takes it before starting, so output of a container that exits at once is read.
   */
  holdRemoval(id: string): () => void {
    let release!: () => void;
    this.removalHolds.set(id, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.removalHolds.delete(id);
      release();
    };
  }

  /** Resolves with the exit status once the container is not running (at once if it is not). */
  async wait(ref: string): Promise<ContainerRecord['state']> {
    const c = this.deps.repo.get(ref);
    const ended = isRunning(c) ? await this.exits.get(c.id) : null;
    return ended ?? (this.deps.repo.find(c.id) ?? c).state;
  }

  /** What the last agent left, picked up: each container as restoreStep says. */
  async restoreAll(): Promise<void> {
    const all = this.deps.repo.all();
    // holds live in memory (Images.hold): made again from the records
    this.deps.images.holdAll(all.map((c) => ({ holder: c.id, image: c.imageManifest })));
    for (const c of all) {
      try {
        await this.restore(c);
      } catch (error) {
        this.log.error({ msg: `restoring ${c.name}: ${(error as Error).message}`, container: c.id });
      }
    }
  }

  private async restore(c: ContainerRecord): Promise<void> {
    for (const m of c.mounts) if (m.type === 'volume') this.deps.volumes.use(m.source, c.id);
    let trace = null;
    try {
      trace = this.deps.runtime.state(c.id);
    } catch {
      // the runtime has no trace of it (a reboot wiped the run root)
    }
    const step = restoreStep(c, trace, new Date());
    switch (step.kind) {
      case 'finish-removal':
        return this.removeNow(c.id, { force: true });
      case 'unready':
        return this.unready(c);
      case 'adopt':
        c.state.status = step.status;
        return this.adopt(c);
      case 'handle-exit':
        await this.onExit(c.id, step.exit);
        return;
      case 'start':
        return this.launch(c);
      case 'none':
        return;
    }
  }

  /** A container that kept running while no agent watched: its network holds, DNS and overlay hooks again. */
  private async adopt(c: ContainerRecord): Promise<void> {
    const warn = (error: unknown) => this.log.warn((error as Error).message);
    await this.deps.networks.rehold(c);
    await this.deps.networks.serveDns(c.networks.map((n) => n.network)).catch(warn);
    await this.deps.networks.adopt(c).catch(warn);
    this.deps.repo.save(c);
    this.follow(c);
    if (c.state.status === 'running' && c.state.health) this.deps.health.watch(c);
  }

  shutdown(): void {
    this.shuttingDown = true;
    this.deps.restarts.stopAll();
    this.deps.health.stopAll();
  }

  private emit(c: ContainerRecord, action: string, extra: Record<string, string> = {}): void {
    emitContainerEvent(this.deps.events, c, action, extra);
  }
}
