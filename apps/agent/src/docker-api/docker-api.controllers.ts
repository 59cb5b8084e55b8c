/**
 * The Docker Engine API's system routes (paths without their `/v1.xx` prefix): ping, version
 * and info, the shapes from docker-views.ts.
 */
import * as os from 'node:os';
import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { SystemInfoService } from '../system/system-info.service';
import { ENGINE_VERSION } from '../system/version';
import { versionDocument } from './docker-views';

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
