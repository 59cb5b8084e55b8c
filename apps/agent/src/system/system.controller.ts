/** The Engine's system methods: version, info, disk usage, events and prune. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { Inject, Injectable } from '@nestjs/common';
import type { EngineHandlers } from '@berth/proto/server';
import { AGENT_CONFIG } from '../tokens';
import type { AgentConfig } from '../config';
import { EventsService, eventMatches } from '../events/events.service';
import type { HandlerGroup } from '../grpc/handlers';
import { ContainersService } from '../containers/containers.service';
import { ImagesService } from '../images/images.service';
import { VolumesService, diskUsage } from '../volumes/volumes.service';
import { NetworksService } from '../networks/networks.service';
import { ENGINE_VERSION } from './version';
import { ClusterAgentService } from '../cluster/cluster-agent.service';

export const API_VERSION = '1';

@Injectable()
export class SystemController implements HandlerGroup {
  private readonly startedAt = new Date();

  constructor(
    @Inject(AGENT_CONFIG) private readonly config: AgentConfig,
    private readonly containers: ContainersService,
    private readonly imagesService: ImagesService,
    private readonly volumes: VolumesService,
    private readonly networks: NetworksService,
    private readonly events: EventsService,
    private readonly cluster: ClusterAgentService,
  ) {}

  /** Docker's `Swarm` section: whether this machine is in a cluster, and as which node. */
  private swarm(): Record<string, unknown> {
    const membership = this.cluster.membership();
    if (!membership) return { LocalNodeState: 'inactive', NodeID: '', ClusterID: '', ManagerAddr: '' };
    return {
      LocalNodeState: 'active',
      NodeID: membership.nodeId,
      ClusterID: membership.clusterId,
      Role: membership.role,
      ManagerAddr: membership.managerAddr,
    };
  }

  private info(): Record<string, unknown> {
    const all = this.containers.repo.all();
    const count = (s: string) => all.filter((c) => c.state.status === s).length;
    const cgroupVersion = this.containers.runtime.cgroups.version;
    return {
      ID: this.config.dataRoot,
      Containers: all.length,
      ContainersRunning: count('running'),
      ContainersPaused: count('paused'),
      ContainersStopped: all.length - count('running') - count('paused'),
      Images: this.imagesService.images.list().length,
      Driver: 'overlay2',
      CgroupDriver: 'cgroupfs',
      CgroupVersion: String(cgroupVersion),
      KernelVersion: os.release(),
      OperatingSystem: osName(),
      OSType: 'linux',
      Architecture: os.machine(),
      NCPU: os.cpus().length,
      MemTotal: os.totalmem(),
      Name: os.hostname(),
      ServerVersion: ENGINE_VERSION,
      DockerRootDir: this.config.dataRoot,
      ExecRoot: this.config.execRoot,
      LoggingDriver: 'json-file',
      DefaultRuntime: 'berth-shim',
      LiveRestoreEnabled: true,
      InsecureRegistries: this.config.insecureRegistries,
      Networks: this.networks.list().map((n) => n.name),
      Swarm: this.swarm(),
      SystemTime: new Date().toISOString(),
      StartedAt: this.startedAt.toISOString(),
    };
  }

  private diskUsageDoc(): Record<string, unknown> {
    const images = this.imagesService.images;
    const containers = this.containers.repo.all();
    return {
      LayersSize: images.diskUsage(),
      Images: images.list().map((i) => ({ Id: i.id, Size: i.size, Repository: i.repository, Tag: i.tag })),
      Containers: containers.map((c) => ({
        Id: c.id,
        Names: [`/${c.name}`],
        SizeRw: diskUsage(this.containers.layout.upperDir(c)),
        State: c.state.status,
      })),
      Volumes: this.volumes
        .list()
        .map((v) => ({ Name: v.name, Size: diskUsage(this.volumes.dataDir(v.name)) })),
    };
  }

  handlers(): Partial<EngineHandlers> {
    return {
      Version: async () => ({
        version: ENGINE_VERSION,
        apiVersion: API_VERSION,
        os: 'linux',
        arch: os.machine(),
        kernel: os.release(),
        cgroupMode: `v${this.containers.runtime.cgroups.version}`,
        nodeVersion: process.version,
      }),
      Info: async () => ({ json: JSON.stringify(this.info()) }),
      DiskUsage: async () => ({ json: JSON.stringify(this.diskUsageDoc()) }),
      Events: (req, ctx) => this.eventStream(req.sinceMs, req.untilMs, req.filters, ctx.signal),
      SystemPrune: async (req) => {
        const deleted: string[] = [];
        let reclaimedBytes = 0;
        for (const c of this.containers.repo.all()) {
          if (c.state.status !== 'exited' && c.state.status !== 'created' && c.state.status !== 'dead')
            continue;
          reclaimedBytes += diskUsage(this.containers.layout.upperDir(c));
          await this.containers.remove(c.id, {});
          deleted.push(c.id);
        }
        const inUse = new Set(
          this.containers.repo
            .all()
            .flatMap((c) => [c.hostConfig.network, ...c.networks.map((n) => n.network)]),
        );
        for (const n of this.networks.list()) {
          if (n.builtin || inUse.has(n.name)) continue;
          await this.networks.remove(n.name, []);
          deleted.push(n.name);
        }
        if (req.volumes) {
          const v = this.volumes.prune();
          deleted.push(...v.deleted);
          reclaimedBytes += v.reclaimedBytes;
        }
        const images = this.imagesService.images.prune({ all: req.all });
        deleted.push(...images.deleted);
        reclaimedBytes += images.reclaimedBytes;
        this.imagesService.images.pruneBuildCache();
        return { deleted, reclaimedBytes };
      },
    };
  }

  private async *eventStream(sinceMs: number, untilMs: number, filters: string[], signal: AbortSignal) {
    for await (const e of this.events.stream(sinceMs, untilMs, signal))
      if (eventMatches(e, filters))
        yield { type: e.type, action: e.action, id: e.id, attributes: e.attributes, timeNano: e.timeNano };
  }
}

function osName(): string {
  try {
    return /PRETTY_NAME="?([^"\n]*)"?/.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] ?? 'Linux';
  } catch {
    return 'Linux';
  }
}
