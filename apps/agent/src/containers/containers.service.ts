/**
 * Containers on this machine: create, start, stop, remove and the rest,
 * with their restart policies, health checks, and live restore (containers
 * outlive the agent; a new agent picks them up). The rules live in model.ts
 * and plan.ts; this service sequences them over the runtime, the image
 * store, networks and volumes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  copyEntry,
  LayeredFs,
  LayeredTree,
  resolveUser,
  type ImageRecord,
  type ProgressEvent,
} from '@berth/image';
import {
  buildSpec,
  ContainerNotFoundError,
  ensureInitLayer,
  overwriteFile,
  NativeShimLauncher,
  Runtime,
  type ExitInfo,
} from '@berth/runtime';
import type { berth } from '@berth/proto';
import { AGENT_CONFIG } from '../tokens';
import type { AgentConfig } from '../config';
import { ConflictError, InvalidArgumentError, NotFoundError } from '../errors';
import { EventsService } from '../events/events.service';
import { ImagesService } from '../images/images.service';
import { NetworksService } from '../networks/networks.service';
import { ProgramsService } from '../system/programs.service';
import { VolumesService } from '../volumes/volumes.service';
import { ContainerRepository } from './container.repository';
import { streamLog, type LogOptions } from './logs';
import {
  generateName,
  isValidName,
  newContainerId,
  restartDelayMs,
  shouldRestart,
  type ContainerRecord,
} from './model';
import {
  hostsFile,
  planContainer,
  resolvConf,
  runtimeOptions,
  type ContainerSpecMsg,
  type Resolved,
} from './plan';

export type ExecStart = berth.engine.v1.ExecStart;

@Injectable()
export class ContainersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('containers');
  readonly runtime: Runtime;
  private readonly initLayer: string;
  /** Resolves when the container's current run has ended and been handled, with how it ended. */
  private readonly exits = new Map<string, Promise<ContainerRecord['state'] | null>>();
  /** Containers whose --rm removal waits until someone has read them to the end (run's output). */
  private readonly removalHolds = new Map<string, Promise<void>>();
  private readonly restartTimers = new Map<string, NodeJS.Timeout>();
  private readonly restartDelays = new Map<string, number>();
  private readonly healthTimers = new Map<string, NodeJS.Timeout>();
  /** containers ready() made ready to start (network, runtime container held before its program) */
  private readonly readied = new Set<string>();
  private shuttingDown = false;
  /** One change at a time per container: a restart the policy began and an `rm -f` must not interleave. */
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    @Inject(AGENT_CONFIG) config: AgentConfig,
    private readonly imagesService: ImagesService,
    private readonly networks: NetworksService,
    private readonly volumes: VolumesService,
    private readonly events: EventsService,
    programs: ProgramsService,
    readonly repo: ContainerRepository,
  ) {

    this.runtime = Runtime.open({
      stateRoot: path.join(config.execRoot, 'containers'),
      cgroupParent: config.cgroupParent,
      shim: new NativeShimLauncher(programs.spawner.shimPath, programs.spawner),
    });
    this.initLayer = ensureInitLayer(path.join(config.dataRoot, 'init'));
  }

  private get images() {
    return this.imagesService.images;
  }

  /** Runs FN once every earlier change of container ID has finished. */
  private async locked<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const run = (this.locks.get(id) ?? Promise.resolve()).catch(() => undefined).then(fn);
    this.locks.set(id, run);
    try {
      return await run;
    } finally {
      if (this.locks.get(id) === run) this.locks.delete(id);
    }
  }

  private emit(c: ContainerRecord, action: string, extra: Record<string, string> = {}): void {
    this.events.emit('container', action, c.id, { name: c.name, image: c.image, ...extra });
  }

  private dir(c: ContainerRecord, ...parts: string[]): string {
    return path.join(this.repo.containerDir(c.id), ...parts);
  }

  logPath(c: ContainerRecord): string {
    return this.dir(c, `${c.id}-json.log`);
  }

  // ---- create --------------------------------------------------------------------

  /** ON_PULL hears a pull's progress, then its closing words, when the image is not here yet. */
  async create(
    spec: ContainerSpecMsg,
    onPull?: (e: ProgressEvent | { digest: string; status: string }) => void,
  ): Promise<ContainerRecord> {
    const taken = new Set(this.repo.all().map((c) => c.name));
    let name = spec.name.replace(/^\//, '');
    if (name) {
      if (!isValidName(name))
        throw new InvalidArgumentError(
          `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
        );
      const holder = this.repo.all().find((c) => c.name === name);
      if (holder)
        throw new ConflictError(
          `The container name "/${name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`,
        );
    } else name = generateName(taken);

    let image = this.images.tryResolve(spec.image);
    if (!image) {
      if (!spec.pullMissing) throw new NotFoundError(`No such image: ${spec.image}`);
      const pulled = await this.imagesService.pull(spec.image, {
        onProgress: onPull,
        auth: spec.auth?.username
          ? { username: spec.auth.username, password: spec.auth.password ?? '' }
          : undefined,
      });
      onPull?.({ digest: pulled.digest, status: pulled.status });
      image = pulled.image;
    }
    const record = planContainer(
      spec,
      {
        reference: spec.image,
        configDigest: image.configDigest,
        manifestDigest: image.manifestDigest,
        config: this.images.containerConfig(image.manifestDigest),
      },
      newId(this.repo),
      name,
      new Date(),
    );
    const cluster = await this.networks.attachOverlay(record.hostConfig.network, record.id);
    if (cluster) {
      // an attachable overlay of the cluster: on it with the manager's address, out through the bridge
      record.networks.unshift({
        network: cluster.networkName,
        ip: '',
        prefixLength: 0,
        gateway: '',
        mac: '',
        aliases: record.hostConfig.networkAliases,
        requestedAddress: cluster.address,
        cluster,
      });
      record.hostConfig.network = 'bridge';
      record.hostConfig.networkAliases = [];
    }
    try {
      if (record.hostConfig.network !== 'bridge' || this.networks.find(record.hostConfig.network))
        this.networks.get(record.hostConfig.network);
      for (const a of record.networks) this.networks.get(a.network);
      await this.networks.checkPorts(record.hostConfig.ports);
      // a --mount bind (a service's too) needs its source; only -v makes a missing one
      for (const m of record.mounts)
        if (m.type === 'bind' && !m.createHostPath && !fs.existsSync(m.source))
          throw new InvalidArgumentError(
            `invalid mount config for type "bind": bind source path does not exist: ${m.source}`,
          );
    } catch (error) {
      await this.networks.detachOverlays(record);
      throw error;
    }

    for (const m of record.mounts) {
      if (m.type === 'volume') {
        const { volume, created } = this.volumes.ensure(m.source || null);
        m.source = volume.name;
        m.hostPath = this.volumes.dataDir(volume.name);
        if (created) await this.copyImageContent(image, m.destination, m.hostPath);
        this.volumes.use(volume.name, record.id);
      } else if (m.type === 'bind' && !fs.existsSync(m.source)) {
        fs.mkdirSync(m.source, { recursive: true }); // as -v does for a missing host directory
      }
    }
    for (const d of ['upper', 'work', 'merged'])
      fs.mkdirSync(this.dir(record, 'rootfs', d), { recursive: true });
    this.images.hold(
      record.id,
      [image.manifestDigest],
      image.layers.map((l) => l.chainId),
    );
    this.repo.save(record);
    this.emit(record, 'create');
    return record;
  }

  /** A new volume mounted over image content starts as a copy of it. */
  private async copyImageContent(image: ImageRecord, destination: string, target: string): Promise<void> {
    const root = this.layeredRoot(image, null);
    const rel = root.resolve(destination.replace(/^\/+/, ''));
    const found = root.lookup(rel);
    if (!found?.stat.isDirectory()) return;
    const tree = new LayeredTree(`image ${image.configDigest}`, root);
    for (const name of tree.readdir(rel)) {
      const st = tree.lstat(`${rel}/${name}`)!;
      copyEntry(tree, `${rel}/${name}`, target, name, { uid: st.uid, gid: st.gid });
    }
    fs.chownSync(target, found.stat.uid, found.stat.gid);
    fs.chmodSync(target, found.stat.mode & 0o7777);
  }

  /** The files the engine keeps for C, as inspect shows them. */
  filesOf(c: ContainerRecord) {
    return {
      logPath: this.logPath(c),
      hostsPath: this.dir(c, 'hosts'),
      hostnamePath: this.dir(c, 'hostname'),
      resolvConfPath: this.dir(c, 'resolv.conf'),
      upperDir: this.upperDir(c),
    };
  }

  upperDir(c: ContainerRecord): string {
    return this.dir(c, 'rootfs', 'upper');
  }

  /** The container's root as its processes see it, read from the layers (and its own upper dir). */
  layeredRoot(image: Pick<ImageRecord, 'layers'>, upper: string | null): LayeredFs {
    const layers = [...image.layers].reverse().map((l) => ({
      dir: this.images.layers.diffDir(l.chainId),
      opaqueDirs: new Set(
        this.images.layers.has(l.chainId) ? this.images.layers.record(l.chainId).opaqueDirs : [],
      ),
    }));
    return new LayeredFs(upper ? [{ dir: upper, opaqueDirs: new Set<string>() }, ...layers] : layers);
  }

  // ---- start ---------------------------------------------------------------------

  async start(ref: string, consoleSize?: { rows: number; cols: number }): Promise<ContainerRecord> {
    const { id } = this.repo.get(ref);
    return this.locked(id, () => this.startNow(id, consoleSize));
  }

  private async startNow(id: string, consoleSize?: { rows: number; cols: number }): Promise<ContainerRecord> {
    const c = this.repo.get(id);
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
   * the one it replaces stops): its network plumbed, its files written, the runtime's container
   * made and held before its program. start() then only lets it go; stop and remove undo it.
   */
  async ready(ref: string): Promise<void> {
    const { id } = this.repo.get(ref);
    await this.locked(id, async () => {
      const c = this.repo.get(id);
      if (c.state.status !== 'created' || this.readied.has(id)) return;
      await this.readyRun(c, undefined, { waitForParking: true });
      this.repo.save(c); // its attachments: a new agent undoes what this one readied
      this.readied.add(id);
    });
  }

  /** Network, files and rootfs ready, then the runtime starts it; on failure everything set up is undone. */
  private async launch(c: ContainerRecord, consoleSize?: { rows: number; cols: number }): Promise<void> {
    if (!this.readied.delete(c.id)) await this.readyRun(c, consoleSize);
    else if (consoleSize?.rows && consoleSize.cols)
      this.runtime.resize(c.id, consoleSize.rows, consoleSize.cols);
    try {
      const info = await this.runtime.start(c.id);
      Object.assign(c.state, {
        status: 'running',
        pid: info.pid ?? 0,
        exitCode: 0,
        oomKilled: false,
        error: '',
        startedAt: new Date().toISOString(),
        health: c.config.healthcheck ? { status: 'starting', failingStreak: 0, log: [] } : null,
      });
      this.repo.save(c);
    } catch (error) {
      await this.undoRun(c, true, c.networks, error);
    }
    this.emit(c, 'start');
    this.follow(c);
    this.scheduleHealth(c);
  }

  /** What readyRun made, undone after ERROR (rethrown): the runtime's container (if CREATED), the network. */
  private async undoRun(
    c: ContainerRecord,
    created: boolean,
    previous: ContainerRecord['networks'],
    error: unknown,
  ): Promise<never> {
    if (created) await this.runtime.delete(c.id, { force: true }).catch(() => undefined);
    await this.networks.release(c);
    c.networks = c.networks.length ? c.networks.map((n) => ({ ...n, cniResult: undefined })) : previous;
    c.state.error = (error as Error).message;
    if (c.state.status === 'running') c.state.status = 'exited';
    this.repo.save(c);
    throw error;
  }

  /** A readied container that will not start after all (stopped, or found by a new agent): back to only created. */
  private async unready(c: ContainerRecord): Promise<void> {
    this.readied.delete(c.id);
    await this.runtime.delete(c.id, { force: true }).catch(() => undefined);
    if (!c.networks.some((n) => n.cniResult)) return;
    await this.networks.release(c);
    c.networks = c.networks.map((n) => ({ ...n, cniResult: undefined }));
    this.repo.save(c);
  }

  /** The first half of a start: network, files, rootfs and the runtime's container, held before its program. */
  private async readyRun(
    c: ContainerRecord,
    consoleSize?: { rows: number; cols: number },
    options: { waitForParking?: boolean } = {},
  ): Promise<void> {
    const image = this.images.resolve(c.imageManifest);
    try {
      this.runtime.state(c.id);
      await this.runtime.delete(c.id, { force: true }); // what is left of the last run
    } catch {
      // nothing left: the usual case
    }
    const upper = this.dir(c, 'rootfs', 'upper');
    const lowerDirs = [this.initLayer, ...(await this.images.lowerDirs(image))];
    const root = this.layeredRoot(image, upper);
    let user: Resolved['user'];
    try {
      user = resolveUser(root, c.config.user);
    } catch (error) {
      throw new InvalidArgumentError(`unable to start container ${c.name}: ${(error as Error).message}`);
    }
    const cwd = root.resolve(c.config.workingDir.replace(/^\/+/, ''));
    if (!root.lookup(cwd)) fs.mkdirSync(path.join(upper, cwd), { recursive: true, mode: 0o755 });

    const names = [
      c.hostConfig.network,
      ...c.networks.map((n) => n.network).filter((n) => n !== c.hostConfig.network),
    ];
    const previous = c.networks;
    const endpoint = (network: string, index: number) => {
      const before = previous.find((x) => x.network === network);
      return {
        aliases: index === 0 ? c.hostConfig.networkAliases : (before?.aliases ?? []),
        address: before?.requestedAddress,
      };
    };
    const { netns, ports } = await this.networks.prepare(c, names, options);
    c.boundPorts = ports;
    c.networks = [];
    let created = false;
    try {
      const etc = {
        hosts: this.dir(c, 'hosts'),
        hostname: this.dir(c, 'hostname'),
        resolvConf: this.dir(c, 'resolv.conf'),
      };
      overwriteFile(etc.hosts, hostsFile(c)); // the container's own address is added once it has one
      overwriteFile(etc.hostname, `${c.config.hostname}\n`);
      const own = this.networks.nameserverFor(names);
      overwriteFile(
        etc.resolvConf,
        resolvConf(readOr('/etc/resolv.conf', ''), {
          nameservers: c.hostConfig.dns,
          // user networks resolve their containers' names through the agent's server on the gateway
          embeddedDns: (netns && !c.hostConfig.dns.length && own) || undefined,
        }),
      );
      const volumeDirs = Object.fromEntries(
        c.mounts.filter((m) => m.type === 'volume').map((m) => [m.destination, m.hostPath!]),
      );
      const options = runtimeOptions(c, {
        lowerDirs,
        upperDir: upper,
        workDir: this.dir(c, 'rootfs', 'work'),
        mergedDir: this.dir(c, 'rootfs', 'merged'),
        user,
        netnsPath: netns,
        etcFiles: etc,
        volumeDirs,
        ...(consoleSize?.rows && consoleSize.cols ? { consoleSize } : {}),
      });
      // the container is made (held before its command) while its interfaces are plumbed
      const [plumbed, made] = await Promise.allSettled([
        netns ? this.networks.plumb(c.id, names, netns, ports, endpoint) : Promise.resolve([]),
        this.runtime.create(c.id, {
          bundle: this.repo.containerDir(c.id),
          spec: buildSpec(options),
          log: { path: this.logPath(c) },
          stdin: c.config.openStdin,
        }),
      ]);
      created = made.status === 'fulfilled';
      if (plumbed.status === 'fulfilled')
        c.networks = plumbed.value.map((a) => {
          const cluster = previous.find((x) => x.network === a.network)?.cluster;
          return cluster ? { ...a, cluster } : a;
        });
      if (plumbed.status === 'rejected') throw plumbed.reason;
      if (made.status === 'rejected') throw made.reason;
      overwriteFile(etc.hosts, hostsFile(c)); // in place: the bind mount shows the new content
    } catch (error) {
      await this.undoRun(c, created, previous, error);
    }
  }

  /** Wait for the run to end, then handle it once. */
  private follow(c: ContainerRecord): void {
    const done = this.runtime.wait(c.id).then(
      (exit) => this.onExit(c.id, exit),
      (error: unknown) => {
        this.log.error(`waiting for ${c.name}: ${(error as Error).message}`);
        return null;
      },
    );
    this.exits.set(c.id, done);
  }

  private async onExit(id: string, exit: ExitInfo): Promise<ContainerRecord['state'] | null> {
    const c = this.repo.find(id);
    if (!c) return null;
    this.stopHealth(c);
    await this.runtime.delete(c.id, { force: true }).catch(() => undefined);
    // in the background (journaled), or parked for the task that replaces it: the exit status need not wait
    void this.networks.releaseOrPark(c);
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
    this.repo.save(c);
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
      const delay = restartDelayMs(this.restartDelays.get(c.id) ?? 0, ranFor);
      this.restartDelays.set(c.id, delay);
      c.state.status = 'restarting';
      this.repo.save(c);
      const timer = setTimeout(() => {
        this.restartTimers.delete(c.id);
        void this.locked(c.id, async () => {
          const current = this.repo.find(c.id);
          if (!current || current.state.status !== 'restarting') return; // stopped or removed meanwhile
          current.restartCount++;
          try {
            await this.launch(current);
            this.emit(current, 'restart');
          } catch (error) {
            this.log.warn(`restarting ${current.name}: ${(error as Error).message}`);
            current.state.status = 'exited';
            this.repo.save(current);
          }
        });
      }, delay);
      this.restartTimers.set(c.id, timer);
    }
    return final;
  }

  private cancelRestart(c: ContainerRecord): void {
    const timer = this.restartTimers.get(c.id);
    if (timer) clearTimeout(timer);
    this.restartTimers.delete(c.id);
    if (c.state.status === 'restarting') c.state.status = 'exited';
  }

  // ---- health --------------------------------------------------------------------

  private scheduleHealth(c: ContainerRecord): void {
    const check = c.config.healthcheck;
    if (!check) return;
    const started = Date.now();
    const tick = async () => {
      const current = this.repo.find(c.id);
      if (!current || current.state.status !== 'running' || !current.state.health) return;
      const args =
        check.test[0] === 'CMD-SHELL'
          ? ['/bin/sh', '-c', check.test.slice(1).join(' ')]
          : check.test.slice(1);
      const begin = new Date().toISOString();
      let exitCode: number;
      let output: string;
      try {
        ({ exitCode, output } = await this.probe(c.id, args, check.timeoutMs));
      } catch (error) {
        exitCode = -1;
        output = (error as Error).message;
      }
      const health = current.state.health;
      health.log = [...health.log, { start: begin, end: new Date().toISOString(), exitCode, output }].slice(
        -5,
      );
      const before = health.status;
      if (exitCode === 0) {
        health.status = 'healthy';
        health.failingStreak = 0;
      } else if (Date.now() - started >= check.startPeriodMs) {
        health.failingStreak++;
        if (health.failingStreak >= check.retries) health.status = 'unhealthy';
      }
      this.repo.save(current);
      if (health.status !== before) this.emit(current, `health_status: ${health.status}`);
      this.healthTimers.set(c.id, setTimeout(tick, check.intervalMs));
    };
    this.healthTimers.set(c.id, setTimeout(tick, check.intervalMs));
  }

  /** Runs a health check command in the container; -1 when it outlives TIMEOUT_MS. */
  private async probe(
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
    return { exitCode, output: output.slice(0, 4096) };
  }

  private stopHealth(c: ContainerRecord): void {
    const timer = this.healthTimers.get(c.id);
    if (timer) clearTimeout(timer);
    this.healthTimers.delete(c.id);
  }

  // ---- stop, kill, restart, pause -----------------------------------------------------

  private running(c: ContainerRecord): boolean {
    return c.state.status === 'running' || c.state.status === 'paused';
  }

  async stop(ref: string, timeoutS?: number, signal?: string): Promise<void> {
    const { id } = this.repo.get(ref);
    await this.locked(id, () => this.stopNow(id, timeoutS, signal));
  }

  private async stopNow(id: string, timeoutS?: number, signal?: string): Promise<void> {
    const c = this.repo.get(id);
    c.manuallyStopped = true;
    this.cancelRestart(c);
    this.repo.save(c);
    if (this.readied.has(c.id)) await this.unready(c);
    if (!this.running(c)) return;
    const graceMs = timeoutS !== undefined ? timeoutS * 1000 : c.config.stopTimeoutMs;
    // its namespace may be parked for a container readied meanwhile, which waits for it
    const exited = this.networks.stoppingContainer(c);
    try {
      await this.runtime
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
    const c = this.repo.get(ref);
    if (!this.running(c))
      throw new ConflictError(`Cannot kill container: ${ref}: Container ${c.id} is not running`);
    if (/^(SIG)?(KILL|TERM|INT|9|15|2)$/i.test(signal)) {
      c.manuallyStopped = true;
      this.repo.save(c);
    }
    if (c.state.status === 'paused') await this.runtime.resume(c.id);
    this.runtime.kill(c.id, signal);
    this.emit(c, 'kill', { signal });
  }

  async restart(ref: string, timeoutS?: number): Promise<void> {
    const { id } = this.repo.get(ref);
    await this.locked(id, async () => {
      await this.stopNow(id, timeoutS);
      this.emit(await this.startNow(id), 'restart');
    });
  }

  async pause(ref: string): Promise<void> {
    const c = this.repo.get(ref);
    if (c.state.status !== 'running') throw new ConflictError(`Container ${c.id} is not running`);
    await this.runtime.pause(c.id);
    c.state.status = 'paused';
    this.repo.save(c);
    this.emit(c, 'pause');
  }

  async unpause(ref: string): Promise<void> {
    const c = this.repo.get(ref);
    if (c.state.status !== 'paused') throw new ConflictError(`Container ${c.id} is not paused`);
    await this.runtime.resume(c.id);
    c.state.status = 'running';
    this.repo.save(c);
    this.emit(c, 'unpause');
  }

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
    this.emit(c, 'rename', { oldName: `/${old}` });
  }

  // ---- networks -----------------------------------------------------------------

  async connect(ref: string, network: string, aliases: string[]): Promise<void> {
    const c = this.repo.get(ref);
    const n = this.networks.get(network);
    if (c.hostConfig.network === 'host' || c.hostConfig.network === 'none')
      throw new ConflictError(
        `container ${c.name} shares the ${c.hostConfig.network} network and cannot be connected to other networks`,
      );
    if (c.hostConfig.network === n.name || c.networks.some((a) => a.network === n.name))
      throw new ConflictError(`endpoint with name ${c.name} already exists in network ${n.name}`);
    const attachment = this.running(c)
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
    if (a && this.running(c) && a.cniResult) await this.networks.disconnect(c, a);
    c.networks = c.networks.filter((x) => x !== a);
    this.repo.save(c);
    this.events.emit('network', 'disconnect', n.id, { container: c.id, name: n.name });
  }

  // ---- remove --------------------------------------------------------------------

  async remove(ref: string, options: { force?: boolean; volumes?: boolean }): Promise<void> {
    const { id } = this.repo.get(ref);
    await this.locked(id, () => this.removeNow(id, options));
  }

  private async removeNow(id: string, options: { force?: boolean; volumes?: boolean }): Promise<void> {
    const c = this.repo.find(id);
    if (!c) return; // removed while this waited its turn
    if ((this.running(c) || c.state.status === 'restarting') && !options.force)
      throw new ConflictError(
        `You cannot remove a ${c.state.status} container ${c.id}. Stop the container before attempting removal or force remove`,
      );
    this.cancelRestart(c);
    this.stopHealth(c);
    this.readied.delete(c.id);
    const wasRunning = this.running(c);
    c.state.status = 'removing';
    this.repo.save(c);
    if (wasRunning) {
      try {
        if (this.runtime.state(c.id).status === 'paused') await this.runtime.resume(c.id);
        this.runtime.kill(c.id, 'SIGKILL', { all: true });
      } catch {
        // already gone
      }
      await this.exits.get(c.id);
    }
    await this.runtime.delete(c.id, { force: true }).catch((error: unknown) => {
      if (!(error instanceof ContainerNotFoundError))
        this.log.warn(`removing ${c.name}: ${(error as Error).message}`);
    });
    void this.networks.release(c); // usually done already, by the exit handler
    void this.networks.detachOverlays(c);
    for (const m of c.mounts) {
      if (m.type !== 'volume') continue;
      this.volumes.release(m.source, c.id);
      if (m.anonymous && options.volumes) this.volumes.remove(m.source, true);
    }
    this.images.release(c.id);
    const deleted = this.repo.delete(c.id);
    this.exits.delete(c.id);
    this.restartDelays.delete(c.id);
    this.emit(c, 'destroy');
    await deleted;
  }

  // ---- observing -----------------------------------------------------------------

  list(all: boolean): ContainerRecord[] {
    return this.repo
      .all()
      .filter((c) => all || this.running(c) || c.state.status === 'restarting')
      .sort((a, b) => b.created.localeCompare(a.created));
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
  /**
   * How the health of running container REF settles: healthy or unhealthy once its check says
   * so, ended if it stops first, none when it has no health check.
   */
  healthSettled(ref: string): Promise<'healthy' | 'unhealthy' | 'ended' | 'none'> {
    const c = this.repo.get(ref);
    if (!c.config.healthcheck) return Promise.resolve('none');
    const settled = () => {
      const now = this.repo.find(c.id);
      if (!now || !this.running(now)) return 'ended';
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

  async wait(ref: string): Promise<ContainerRecord['state']> {
    const c = this.repo.get(ref);
    const ended = this.running(c) ? await this.exits.get(c.id) : null;
    return ended ?? (this.repo.find(c.id) ?? c).state;
  }

  logs(ref: string, options: LogOptions, signal: AbortSignal, fromOffset?: number) {
    const c = this.repo.get(ref);
    return streamLog(
      this.logPath(c),
      options,
      () => {
        const now = this.repo.find(c.id);
        return !!now && (this.running(now) || now.state.status === 'restarting');
      },
      signal,
      fromOffset,
    );
  }

  /** A process in the running container; its stdio as pipes, or a terminal (then stdout carries it all). */
  async exec(ref: string, start: ExecStart) {
    const c = this.repo.get(ref);
    if (c.state.status !== 'running') throw new ConflictError(`Container ${c.id} is not running`);
    let user: { uid: number; gid: number; additionalGids: number[] } | undefined;
    if (start.user) {
      const image = this.images.resolve(c.imageManifest);
      user = resolveUser(this.layeredRoot(image, this.dir(c, 'rootfs', 'upper')), start.user);
    }
    this.emit(c, 'exec_start', { execID: start.cmd.join(' ') });
    return this.runtime.spawnExec(c.id, {
      args: start.cmd,
      env: start.env,
      ...(start.workingDir ? { cwd: start.workingDir } : {}),
      ...(user ? { user } : {}),
      ...(start.tty ? { terminal: { rows: start.size?.rows || 24, cols: start.size?.cols || 80 } } : {}),
    });
  }

  /** Where a client attaching to C writes its input, and how it resizes C's terminal. */
  attachment(c: ContainerRecord): { stdinPath: string | null; resize(rows: number, cols: number): void } {
    return {
      stdinPath: c.config.openStdin ? this.runtime.stdinPath(c.id) : null,
      resize: (rows, cols) => {
        if (c.config.tty && this.running(c)) this.runtime.resize(c.id, rows, cols);
      },
    };
  }

  // ---- live restore ------------------------------------------------------------------

  async onApplicationBootstrap(): Promise<void> {
    // holds live in memory (Images.hold): made again from the records
    this.images.holdAll(this.repo.all().map((c) => ({ holder: c.id, image: c.imageManifest })));
    for (const c of this.repo.all()) {
      try {
        await this.restore(c);
      } catch (error) {
        this.log.error(`restoring ${c.name}: ${(error as Error).message}`);
      }
    }
  }

  private async restore(c: ContainerRecord): Promise<void> {
    for (const m of c.mounts) if (m.type === 'volume') this.volumes.use(m.source, c.id);
    if (c.state.status === 'removing') {
      await this.removeNow(c.id, { force: true });
      return;
    }
    let alive = false;
    let exit: ExitInfo | null = null;
    try {
      const info = this.runtime.state(c.id);
      alive = info.status === 'running' || info.status === 'paused';
      exit = info.exit;
      if (alive) c.state.status = info.status === 'paused' ? 'paused' : 'running';
    } catch {
      // the runtime has no trace of it (a reboot wiped the run root)
    }
    if (c.state.status === 'created') {
      await this.unready(c); // readied by the last agent: undone, as the new one knows nothing of it
      return;
    }
    if (alive) {
      await this.networks.rehold(c);
      await this.networks
        .serveDns(c.networks.map((n) => n.network))
        .catch((error: unknown) => this.log.warn((error as Error).message));
      await this.networks.adopt(c).catch((error: unknown) => this.log.warn((error as Error).message));
      this.repo.save(c);
      this.follow(c);
      if (c.state.status === 'running' && c.state.health) this.scheduleHealth(c);
      return;
    }
    if (c.state.status === 'running' || c.state.status === 'paused' || c.state.status === 'restarting') {
      // it ended while no agent watched: handle that exit now, restart policy included
      await this.onExit(c.id, exit ?? { exitCode: 255, signal: 0, finishedAt: new Date(), oomKilled: false });
      return;
    }
    // a daemon start restarts `always` containers even if stopped by hand, `unless-stopped` ones only if not
    const policy = c.hostConfig.restart.name;
    if (
      c.state.status === 'exited' &&
      (policy === 'always' || (policy === 'unless-stopped' && !c.manuallyStopped))
    )
      await this.launch(c);
  }

  onApplicationShutdown(): void {
    this.shuttingDown = true;
    for (const t of this.restartTimers.values()) clearTimeout(t);
    for (const t of this.healthTimers.values()) clearTimeout(t);
  }
}

function newId(repo: ContainerRepository): string {
  for (;;) {
    const id = newContainerId();
    if (!repo.find(id.slice(0, 12))) return id;
  }
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}
