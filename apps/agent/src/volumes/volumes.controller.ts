/** The Engine's volume methods. */
import { Injectable } from '@nestjs/common';
import type { EngineHandlers } from '@berth/proto/server';
import { InvalidArgumentError } from '../errors';
import type { HandlerGroup } from '../grpc/handlers';
import { VolumesService } from './volumes.service';

@Injectable()
export class VolumesController implements HandlerGroup {
  constructor(private readonly volumes: VolumesService) {}

  handlers(): Partial<EngineHandlers> {
    const v = this.volumes;
    return {
      CreateVolume: async (req) => {
        if (req.driver && req.driver !== 'local')
          throw new InvalidArgumentError(`volume driver "${req.driver}" is not available; only "local" is`);
        const { volume } = v.ensure(req.name || null, req.labels);
        return { json: JSON.stringify(v.inspect(volume.name)) };
      },
      ListVolumes: async () => ({
        volumes: v.list().map((x) => ({
          name: x.name,
          driver: x.driver,
          mountpoint: v.dataDir(x.name),
          createdMs: Date.parse(x.created),
          labels: x.labels,
        })),
      }),
      InspectVolume: async (req) => ({ json: JSON.stringify(v.inspect(req.name)) }),
      RemoveVolume: async (req) => {
        v.remove(req.name, req.force);
        return {};
      },
      PruneVolumes: async () => v.prune(),
    };
  }
}
