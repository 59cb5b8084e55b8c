/**
 * The Docker Engine API's system routes (paths without their `/v1.xx` prefix): ping, version,
 * info and a registry login's check, the shapes from docker-views.ts.
 */
import * as os from 'node:os';
import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { InvalidArgumentError } from '../errors';
import { ImagesService } from '../images/images.service';
import { SystemInfoService } from '../system/system-info.service';
import { ENGINE_VERSION } from '../system/version';
import { forDockerClient } from './docker-image-requests';
import { versionDocument } from './docker-views';

@Controller()
export class DockerSystemController {
  constructor(
    private readonly system: SystemInfoService,
    private readonly images: ImagesService,
  ) {}

  /**
   * `docker login`: the credentials checked against the registry. Kept by the client, as with
   * dockerd, which sends them with each pull and push.
   */
  @Post('auth')
  @HttpCode(200)
  async auth(@Body() body: { username?: unknown; password?: unknown; serveraddress?: unknown } | undefined) {
    const { username, password, serveraddress } = body ?? {};
    if (typeof username !== 'string' || !username || typeof password !== 'string')
      throw new InvalidArgumentError('login needs a username and a password');
    const server = typeof serveraddress === 'string' && serveraddress ? serveraddress : 'docker.io';
    const domain = server.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    try {
      await this.images.images.checkLogin(domain, { username, password });
    } catch (error) {
      throw forDockerClient(error);
    }
    return { Status: 'Login Succeeded', IdentityToken: '' };
  }

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
