/** The Engine's system methods: version, info, disk usage, events and prune. */
import * as os from 'node:os';
import { Injectable } from '@nestjs/common';
import type { EngineHandlers } from '@berth/proto/server';
import { EventsService, eventMatches } from '../events/events.service';
import type { HandlerGroup } from '../grpc/handlers';
import { ContainersService } from '../containers/containers.service';
import { ImagesService } from '../images/images.service';
import { VolumesService, diskUsage } from '../volumes/volumes.service';
import { NetworksService } from '../networks/networks.service';
import { ENGINE_VERSION } from './version';
import { SystemInfoService } from './system-info.service';

export const API_VERSION = '1';

@Injectable()
export class SystemController implements HandlerGroup {
  constructor(
    private readonly containers: ContainersService,
    private readonly imagesService: ImagesService,
    private readonly volumes: VolumesService,
    private readonly networks: NetworksService,
    private readonly events: EventsService,
    private readonly systemInfo: SystemInfoService,
  ) {}

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
      Info: async () => ({ json: JSON.stringify(this.systemInfo.info()) }),
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
