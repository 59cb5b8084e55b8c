/**
 * The engine's containers, as its API and the cluster's task runner use them. Each concern is a
 * class of its own — making (container-creator.ts), the life of a run (container-lifecycle.ts),
 * health (health-monitor.ts), restarts (restart-timers.ts), the first half of a start
 * (run-setup.ts), files (container-layout.ts); the rules are pure (model.ts, plan.ts,
 * live-restore.ts). This service is their one door, plus the reads and small edits that need
 * no lifecycle: list, logs, exec, attach, rename, connect and disconnect.
 */
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { resolveUser } from '@berth/image';
import { runChecked, runDirect } from '@berth/process';
import { Runtime } from '@berth/runtime';
import { ConflictError, InvalidArgumentError } from '../errors';
import { EventsService } from '../events/events.service';
import { ImagesService } from '../images/images.service';
import { NetworksService } from '../networks/networks.service';
import { ContainerRepository } from './container.repository';
import { ContainerCreator, type PullListener } from './container-creator';
import { emitContainerEvent } from './container-events';
import { ContainerLayout } from './container-layout';
import { ContainerLifecycle } from './container-lifecycle';
import { streamLog, type LogOptions } from './logs';
import { isRunning, isValidName, type ContainerRecord } from './model';
import type { ContainerRequest, ExecRequest } from './request';
import { topTable, type TopTable } from './top';

type ConsoleSize = { rows: number; cols: number };

@Injectable()
export class ContainersService implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    readonly repo: ContainerRepository,
    @Inject(Runtime) readonly runtime: Runtime,
    readonly layout: ContainerLayout,
    private readonly creator: ContainerCreator,
    private readonly lifecycle: ContainerLifecycle,
    private readonly imagesService: ImagesService,
    private readonly networks: NetworksService,
    private readonly events: EventsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.lifecycle.restoreAll();
  }

  onApplicationShutdown(): void {
    this.lifecycle.shutdown();
  }

  // ---- the lifecycle ---------------------------------------------------------------

  create(request: ContainerRequest, onPull?: PullListener): Promise<ContainerRecord> {
    return this.creator.create(request, onPull);
  }

  start(ref: string, consoleSize?: ConsoleSize): Promise<ContainerRecord> {
    return this.lifecycle.start(ref, consoleSize);
  }

  ready(ref: string): Promise<void> {
    return this.lifecycle.ready(ref);
  }

  stop(ref: string, timeoutS?: number, signal?: string): Promise<void> {
    return this.lifecycle.stop(ref, timeoutS, signal);
  }

  kill(ref: string, signal?: string): Promise<void> {
    return this.lifecycle.kill(ref, signal);
  }

  restart(ref: string, timeoutS?: number): Promise<void> {
    return this.lifecycle.restart(ref, timeoutS);
  }

  pause(ref: string): Promise<void> {
    return this.lifecycle.pause(ref);
  }

  unpause(ref: string): Promise<void> {
    return this.lifecycle.unpause(ref);
  }

  remove(ref: string, options: { force?: boolean; volumes?: boolean }): Promise<void> {
    return this.lifecycle.remove(ref, options);
  }

  wait(ref: string): Promise<ContainerRecord['state']> {
    return this.lifecycle.wait(ref);
  }

  holdRemoval(id: string): () => void {
    return this.lifecycle.holdRemoval(id);
  }

  // ---- names and networks ----------------------------------------------------------

  async rename(ref: string, name: string): Promise<void> {
    const c = this.repo.get(ref);
    const wanted = name.replace(/^\//, '');
    if (!isValidName(wanted))
      throw new InvalidArgumentError(
        `Invalid container name (${wanted}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
      );
    const holder = this.repo.all().find((x) => x.name === wanted && x.id !== c.id);
    if (holder)
      throw new ConflictError(
        `Error when allocating new name: The container name "/${wanted}" is already in use by container "${holder.id}"`,
      );
    const old = c.name;
    c.name = wanted;
    this.repo.save(c);
    emitContainerEvent(this.events, c, 'rename', { oldName: `/${old}` });
  }

  async connect(ref: string, network: string, aliases: string[]): Promise<void> {
    const c = this.repo.get(ref);
    const n = this.networks.get(network);
    if (c.hostConfig.network === 'host' || c.hostConfig.network === 'none')
      throw new ConflictError(
        `container ${c.name} shares the ${c.hostConfig.network} network and cannot be connected to other networks`,
      );
    if (c.hostConfig.network === n.name || c.networks.some((a) => a.network === n.name))
      throw new ConflictError(`endpoint with name ${c.name} already exists in network ${n.name}`);
    const attachment = isRunning(c)
      ? await this.networks.connect(c, n.name, aliases)
      : { network: n.name, ip: '', prefixLength: 0, gateway: '', mac: '', aliases };
    c.networks.push(attachment);
    this.repo.save(c);
    this.events.emit('network', 'connect', n.id, { container: c.id, name: n.name });
  }

  async disconnect(ref: string, network: string, force: boolean): Promise<void> {
    const c = this.repo.get(ref);
    const n = this.networks.get(network);
    const a = c.networks.find((x) => x.network === n.name);
    if (!a && c.hostConfig.network !== n.name)
      throw new ConflictError(`container ${c.name} is not connected to network ${n.name}`);
    if (c.hostConfig.network === n.name && !force)
      throw new ConflictError(
        `container ${c.name} was created on network ${n.name}; it cannot leave its first network`,
      );
    if (a && isRunning(c) && a.cniResult) await this.networks.disconnect(c, a);
    c.networks = c.networks.filter((x) => x !== a);
    this.repo.save(c);
    this.events.emit('network', 'disconnect', n.id, { container: c.id, name: n.name });
  }

  // ---- observing -------------------------------------------------------------------

  list(all: boolean): ContainerRecord[] {
    return this.repo
      .all()
      .filter((c) => all || isRunning(c) || c.state.status === 'restarting')
      .sort((a, b) => b.created.localeCompare(a.created));
  }

  /**
   * How the health of running container REF settles: healthy or unhealthy once its check says
   * so, ended if it stops first, none when it has no health check.
   */
  healthSettled(ref: string): Promise<'healthy' | 'unhealthy' | 'ended' | 'none'> {
    const c = this.repo.get(ref);
    if (!c.config.healthcheck) return Promise.resolve('none');
    const settled = () => {
      const now = this.repo.find(c.id);
      if (!now || !isRunning(now)) return 'ended';
      const health = now.state.health?.status;
      return health === 'healthy' || health === 'unhealthy' ? health : null;
    };
    return new Promise((resolve) => {
      const first = settled();
      if (first) return resolve(first);
      const off = this.events.on((e) => {
        if (e.id !== c.id) return;
        const now = settled();
        if (now) {
          off();
          resolve(now);
        }
      });
    });
  }

  logs(ref: string, options: LogOptions, signal: AbortSignal, fromOffset?: number) {
    const c = this.repo.get(ref);
    return streamLog(
      this.layout.logPath(c),
      options,
      () => {
        const now = this.repo.find(c.id);
        return !!now && (isRunning(now) || now.state.status === 'restarting');
      },
      signal,
      fromOffset,
      options.follow ? this.nextExit(c.id, signal) : undefined,
    );
  }

  /** Resolves when container ID's process next ends (its state saved), or when SIGNAL aborts. */
  private nextExit(id: string, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        off();
        signal.removeEventListener('abort', done);
        resolve();
      };
      const off = this.events.on((e) => {
        if (e.type === 'container' && e.id === id && (e.action === 'die' || e.action === 'destroy')) done();
      });
      signal.addEventListener('abort', done);
    });
  }

  /** A process in the running container; its stdio as pipes, or a terminal (then stdout carries it all). */
  async exec(ref: string, request: ExecRequest) {
    const c = this.repo.get(ref);
    if (c.state.status !== 'running') throw new ConflictError(`Container ${c.id} is not running`);
    let user: { uid: number; gid: number; additionalGids: number[] } | undefined;
    if (request.user) {
      const image = this.imagesService.images.resolve(c.imageManifest);
      user = resolveUser(this.layout.layeredRoot(image, this.layout.upperDir(c)), request.user);
    }
    emitContainerEvent(this.events, c, 'exec_start', { execID: request.cmd.join(' ') });
    return this.runtime.spawnExec(c.id, {
      args: request.cmd,
      env: request.env,
      ...(request.workingDir ? { cwd: request.workingDir } : {}),
      ...(user ? { user } : {}),
      ...(request.terminal ? { terminal: request.terminal } : {}),
    });
  }

  /** `docker top`: the host's `ps` rows (with PS_ARGS, default -ef) of the running container's processes. */
  async top(ref: string, psArgs: string[] = ['-ef']): Promise<TopTable> {
    const c = this.repo.get(ref);
    if (c.state.status !== 'running' && c.state.status !== 'paused')
      throw new ConflictError(`Container ${c.id} is not running`);
    const pids = new Set(this.runtime.stats(c.id).pids);
    try {
      return topTable(await runChecked(runDirect, ['ps', ...psArgs]), pids);
    } catch (error) {
      throw new InvalidArgumentError(`ps ${psArgs.join(' ')}: ${(error as Error).message}`);
    }
  }

  /** Where a client attaching to C writes its input, and how it resizes C's terminal. */
  attachment(c: ContainerRecord): { stdinPath: string | null; resize(rows: number, cols: number): void } {
    return {
      stdinPath: c.config.openStdin ? this.runtime.stdinPath(c.id) : null,
      resize: (rows, cols) => {
        if (c.config.tty && isRunning(c)) this.runtime.resize(c.id, rows, cols);
      },
    };
  }
}
