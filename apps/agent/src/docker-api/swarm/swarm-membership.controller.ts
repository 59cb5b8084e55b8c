/**
 * `docker swarm init/join/leave` against berthd: this engine's membership of the cluster, done
 * by the same ClusterAgentService as `berth cluster init/join/leave` (the manager beside it makes
 * the cluster; the engine joins as a node). What Berth's cluster does not have — changing the
 * cluster's settings, autolock — answers 501 naming it.
 */
import { flag } from '../query';
import {
  All,
  Body,
  Controller,
  Header,
  HttpCode,
  NotImplementedException,
  Post,
  Query,
} from '@nestjs/common';
import { ClusterAgentService } from '../../cluster/cluster-agent.service';
import { InvalidArgumentError } from '../../errors';

/** A field of a request body that must be a string when given. */
function text(body: Record<string, unknown>, field: string): string {
  const v = body[field];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new InvalidArgumentError(`${field} must be a string`);
  return v;
}

@Controller('swarm')
export class DockerSwarmMembershipController {
  constructor(private readonly cluster: ClusterAgentService) {}

  /** Answers the new node's id, as dockerd does (a JSON string). */
  @Post('init')
  @HttpCode(200)
  @Header('Content-Type', 'application/json')
  async init(@Body() body: Record<string, unknown> | undefined): Promise<string> {
    const made = await this.cluster.init(text(body ?? {}, 'AdvertiseAddr'));
    return JSON.stringify(made.nodeId);
  }

  @Post('join')
  @HttpCode(200)
  async join(@Body() body: Record<string, unknown> | undefined): Promise<void> {
    const b = body ?? {};
    const remotes = b.RemoteAddrs;
    if (!Array.isArray(remotes) || !remotes.length || remotes.some((r) => typeof r !== 'string'))
      throw new InvalidArgumentError('RemoteAddrs must name at least one manager (host:port)');
    const token = text(b, 'JoinToken');
    if (!token)
      throw new InvalidArgumentError(
        'a JoinToken is needed to join: docker swarm join --token TOKEN HOST:PORT',
      );
    await this.cluster.join(remotes[0] as string, token);
  }

  @Post('leave')
  @HttpCode(200)
  async leave(@Query('force') force?: string): Promise<void> {
    await this.cluster.leave(flag(force));
  }

  @All(['update', 'unlock', 'unlockkey'])
  unsupported(): never {
    throw new NotImplementedException(
      "changing the cluster's settings and autolock (/swarm/update, /swarm/unlock) are not implemented by Berth",
    );
  }
}
