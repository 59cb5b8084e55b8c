/**
 * The Docker Engine API's system routes (paths without their `/v1.xx` prefix): ping, version,
 * info and a registry login's check, the shapes from docker-views.ts.
 */
import * as os from 'node:os';
import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ClusterAgentService } from '../cluster/cluster-agent.service';
import { InvalidArgumentError } from '../errors';
import { ImagesService } from '../images/images.service';
import { SystemInfoService } from '../system/system-info.service';
import { ENGINE_VERSION } from '../system/version';
import { forDockerClient } from './docker-image-requests';
import { versionDocument } from './docker-views';
import { ManagerLink } from './swarm/manager-link';
import { swarmInfo, type ManagerFacts } from './swarm/swarm-info';

const INFO_WAIT_MS = 5000;

@Controller()
export class DockerSystemController {
  constructor(
    private readonly system: SystemInfoService,
    private readonly images: ImagesService,
    private readonly cluster: ClusterAgentService,
    private readonly manager: ManagerLink,
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

  /** The engine's info, its Swarm section as dockerd's: on a manager, with the cluster its manager shows. */
  @Get('info')
  async info() {
    const membership = this.cluster.membership();
    let facts: ManagerFacts | null = null;
    if (membership && this.manager.isManager()) {
      // a manager that does not answer leaves `docker info` waiting no longer than this
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(new Error(`the manager beside this engine did not answer in ${INFO_WAIT_MS / 1000} s`)),
          INFO_WAIT_MS,
        );
      });
      facts = await Promise.race([Promise.all([this.manager.cluster(), this.manager.nodes()]), late])
        .then(
          ([cluster, nodes]) => ({ cluster, nodes }),
          (error: Error) => ({ error: error.message }),
        )
        .finally(() => clearTimeout(timer));
    }
    return { ...this.system.info(), Swarm: swarmInfo(membership, facts) };
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
