/**
 * The Docker Engine API's routes (paths without their `/v1.xx` prefix): thin translations to the
 * engine's services, the shapes from docker-views.ts. The first slice: ping, version, info, the
 * container list and a container's inspect document.
 */
import * as os from 'node:os';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ContainersService } from '../containers/containers.service';
import { matchesFilters } from '../containers/model';
import { inspectOf } from '../containers/views';
import { SystemInfoService } from '../system/system-info.service';
import { ENGINE_VERSION } from '../system/version';
import { containerSummary, filterList, versionDocument } from './docker-views';

const truthy = (v: string | undefined) => v === '1' || v === 'true' || v === 'True';

@Controller()
export class DockerSystemController {
  constructor(private readonly system: SystemInfoService) {}

  @Get('info')
  info() {
    return this.system.info();
  }

  /** GET, and HEAD (which Fastify answers from the GET route, without the body) */
  @Get('_ping')
  ping(@Res({ passthrough: true }) reply: FastifyReply): string {
    return pong(reply);
  }

  @Get('version')
  version() {
    return versionDocument({
      engineVersion: ENGINE_VERSION,
      kernelVersion: os.release(),
      arch: process.arch,
      nodeVersion: process.version,
    });
  }
}

/** dockerd's ping: OK, never cached. */
function pong(reply: FastifyReply): string {
  reply.header('Cache-Control', 'no-cache, no-store, must-revalidate').header('Pragma', 'no-cache');
  reply.type('text/plain; charset=utf-8');
  return 'OK';
}

@Controller('containers')
export class DockerContainersController {
  constructor(private readonly containers: ContainersService) {}

  @Get('json')
  list(@Query('all') all?: string, @Query('limit') limit?: string, @Query('filters') filters?: string) {
    const wanted = filterList(filters);
    const n = Number(limit ?? -1);
    const rows = this.containers
      .list(truthy(all) || n > 0)
      .filter((c) => matchesFilters(c, wanted))
      .map((c) => containerSummary(c));
    return n > 0 ? rows.slice(0, n) : rows;
  }

  /** `docker container inspect`: the document `berth inspect` prints, already in Docker's shape. */
  @Get(':id/json')
  inspect(@Param('id') id: string) {
    const record = this.containers.repo.get(id);
    return inspectOf(record, this.containers.layout.filesOf(record));
  }
}
