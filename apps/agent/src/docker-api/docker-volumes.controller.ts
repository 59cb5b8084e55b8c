/**
 * The Docker Engine API's volume routes: the engine's local volumes, through VolumesService (the
 * same the engine API's volume methods use); shapes from docker-volume-views.ts.
 */
import { flag } from './query';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ContainersService } from '../containers/containers.service';
import { NotFoundError } from '../errors';
import { EventsService } from '../events/events.service';
import { VolumesService } from '../volumes/volumes.service';
import { DockerFilters } from './docker-filters';
import {
  VOLUME_LIST_FILTERS,
  VOLUME_PRUNE_FILTERS,
  volumeDocument,
  volumeMatches,
  volumePruning,
  volumeRequestOf,
  volumeUsers,
  type DockerVolumeCreate,
} from './docker-volume-views';
import { RequestApiVersion } from './request-version';

@Controller('volumes')
export class DockerVolumesController {
  constructor(
    private readonly volumes: VolumesService,
    private readonly containers: ContainersService,
    private readonly events: EventsService,
  ) {}

  @Get()
  list(@Query('filters') filters?: string) {
    const wanted = DockerFilters.parse(filters, VOLUME_LIST_FILTERS);
    const users = volumeUsers(this.containers.repo.all());
    return {
      Volumes: this.volumes
        .list()
        .filter((v) => volumeMatches(v, wanted, users.get(v.name)?.length ?? 0))
        .map((v) => volumeDocument(v, this.volumes.dataDir(v.name))),
      Warnings: [],
    };
  }

  @Get(':name')
  inspect(@Param('name') name: string) {
    return volumeDocument(this.volumes.get(name), this.volumes.dataDir(name));
  }

  /** An existing volume of that name is answered as it is, as dockerd does. */
  @Post('create')
  @HttpCode(201)
  create(@Body() body: DockerVolumeCreate | null) {
    const { name, labels } = volumeRequestOf(body);
    const { volume } = this.volumes.ensure(name, labels);
    return volumeDocument(volume, this.volumes.dataDir(volume.name));
  }

  /** FORCE, as dockerd's: a volume that is not there is no error. One in use is never removed. */
  @Delete(':name')
  @HttpCode(204)
  remove(@Param('name') name: string, @Query('force') force?: string): void {
    try {
      this.volumes.remove(name, false);
    } catch (error) {
      if (!(error instanceof NotFoundError && flag(force))) throw error;
    }
  }

  @Post('prune')
  @HttpCode(200)
  prune(@Query('filters') filters: string | undefined, @RequestApiVersion() version: string) {
    const { all, which } = volumePruning(DockerFilters.parse(filters, VOLUME_PRUNE_FILTERS), version);
    const { deleted, reclaimedBytes } = this.volumes.prune(all, which);
    this.events.emit('volume', 'prune', '', { reclaimed: String(reclaimedBytes) });
    return { VolumesDeleted: deleted, SpaceReclaimed: reclaimedBytes };
  }
}
