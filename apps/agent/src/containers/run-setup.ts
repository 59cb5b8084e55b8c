/**
 * The first half of a start: the container's network plumbed, its /etc files and root written,
 * and the runtime's container made and held before its program — and the undoing of all that
 * when a start fails or a readied container will not start after all.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveUser, type Images } from '@berth/image';
import { buildSpec, overwriteFile, type Runtime } from '@berth/runtime';
import { InvalidArgumentError } from '../errors';
import type { NetworksService } from '../networks/networks.service';
import type { ContainerRepository } from './container.repository';
import type { ContainerLayout } from './container-layout';
import type { ContainerRecord } from './model';
import { hostsFile, resolvConf, runtimeOptions, type Resolved } from './plan';

export type SetupRuntime = Pick<Runtime, 'state' | 'delete' | 'create'>;
export type SetupNetworks = Pick<NetworksService, 'prepare' | 'plumb' | 'nameserverFor' | 'release'>;
type ConsoleSize = { rows: number; cols: number };

export class RunSetup {
  constructor(
    private readonly repo: Pick<ContainerRepository, 'save'>,
    private readonly runtime: SetupRuntime,
    private readonly networks: SetupNetworks,
    private readonly layout: ContainerLayout,
    private readonly images: Pick<Images, 'resolve'>,
    /** the host's resolv.conf, read when a container's is written */
    private readonly hostResolvConf: () => string,
  ) {}

  /** Network, files, rootfs and the runtime's container, held before its program; undone if any fails. */
  async prepare(
    c: ContainerRecord,
    consoleSize?: ConsoleSize,
    options: { waitForParking?: boolean } = {},
  ): Promise<void> {
    const image = this.images.resolve(c.imageManifest);
    await this.clearLastRun(c);
    const overlay = await this.layout.overlay(c, image);
    const root = this.layout.layeredRoot(image, overlay.upperDir);
    let user: Resolved['user'];
    try {
      user = resolveUser(root, c.config.user);
    } catch (error) {
      throw new InvalidArgumentError(`unable to start container ${c.name}: ${(error as Error).message}`);
    }
    const cwd = root.resolve(c.config.workingDir.replace(/^\/+/, ''));
    const madeDirs: string[] = [];
    if (!root.lookup(cwd)) {
      const first = fs.mkdirSync(path.join(overlay.upperDir, cwd), { recursive: true, mode: 0o755 });
      for (let d = path.join(overlay.upperDir, cwd); first && d.length >= first.length; d = path.dirname(d))
        madeDirs.push(d);
    }

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
      const files = this.layout.filesOf(c);
      const etc = { hosts: files.hostsPath, hostname: files.hostnamePath, resolvConf: files.resolvConfPath };
      overwriteFile(etc.hosts, hostsFile(c)); // the container's own address is added once it has one
      overwriteFile(etc.hostname, `${c.config.hostname}\n`);
      const own = this.networks.nameserverFor(names);
      overwriteFile(
        etc.resolvConf,
        resolvConf(this.hostResolvConf(), {
          nameservers: c.hostConfig.dns,
          // user networks resolve their containers' names through the agent's server on the gateway
          embeddedDns: (netns && !c.hostConfig.dns.length && own) || undefined,
        }),
      );
      this.layout.shareWithRoot(c, madeDirs);
      const volumeDirs = Object.fromEntries(
        c.mounts.filter((m) => m.type === 'volume').map((m) => [m.destination, m.hostPath!]),
      );
      const spec = buildSpec(
        runtimeOptions(c, {
          ...overlay,
          user,
          netnsPath: netns,
          etcFiles: etc,
          volumeDirs,
          ...(consoleSize?.rows && consoleSize.cols ? { consoleSize } : {}),
        }),
      );
      // the container is made (held before its command) while its interfaces are plumbed
      const [plumbed, made] = await Promise.allSettled([
        netns ? this.networks.plumb(c.id, names, netns, ports, endpoint) : Promise.resolve([]),
        this.runtime.create(c.id, {
          bundle: this.layout.bundle(c),
          spec,
          log: { path: this.layout.logPath(c) },
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
      await this.undo(c, created, previous, error);
    }
  }

  /** What prepare made, undone after ERROR (rethrown): the runtime's container (if CREATED), the network. */
  async undo(
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

  /** A prepared container that will not start after all: back to only created. */
  async unprepare(c: ContainerRecord): Promise<void> {
    await this.runtime.delete(c.id, { force: true }).catch(() => undefined);
    if (!c.networks.some((n) => n.cniResult)) return;
    await this.networks.release(c);
    c.networks = c.networks.map((n) => ({ ...n, cniResult: undefined }));
    this.repo.save(c);
  }

  /** What is left of the container's last run in the runtime, if anything. */
  private async clearLastRun(c: ContainerRecord): Promise<void> {
    try {
      this.runtime.state(c.id);
    } catch {
      return; // nothing left: the usual case
    }
    await this.runtime.delete(c.id, { force: true }).catch(() => undefined);
  }
}
