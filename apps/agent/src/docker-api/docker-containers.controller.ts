/**
 * The Docker API's container routes (paths without their `/v1.xx` prefix): create, list,
 * inspect, the lifecycle, wait, rename and resize — thin translations to the engine's
 * ContainersService. Streams (logs, exec, files) are in docker-container-io.controller.ts;
 * attach and exec start over a hijacked connection in hijack.ts.
 */
import { flag } from './query';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ContainersService } from '../containers/containers.service';
import { isRunning, matchesFilters } from '../containers/model';
import { inspectOf } from '../containers/views';
import { InvalidArgumentError } from '../errors';
import { EventsService } from '../events/events.service';
import { diskUsage } from '../volumes/volumes.service';
import { ENGINE_VERSION } from '../system/version';
import { containerRequestFromDocker } from './create-request';
import { DockerFilters, parseTimestamp } from './docker-filters';
import { containerSummary, filterList } from './docker-views';
import { apiVersionOf, dockerAnswerHeaders } from './request-version';
import { parseWaitCondition, waitFor } from './wait-condition';

/** A `t` query (seconds); absent: the container's own stop timeout. */
function seconds(t: string | undefined): number | undefined {
  if (t === undefined || t === '') return undefined;
  const n = Number(t);
  if (!Number.isInteger(n))
    throw new InvalidArgumentError(`invalid value for t: "${t}": it must be whole seconds`);
  return n < 0 ? undefined : n;
}

/** A terminal size from `h` and `w`. */
export function terminalSize(h: string | undefined, w: string | undefined): { rows: number; cols: number } {
  const rows = Number(h);
  const cols = Number(w);
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0)
    throw new InvalidArgumentError(`invalid terminal size h=${h} w=${w}: both must be whole numbers`);
  return { rows, cols };
}

@Controller('containers')
export class DockerContainersController {
  constructor(
    private readonly containers: ContainersService,
    private readonly events: EventsService,
  ) {}

  @Post('create')
  @HttpCode(201)
  async create(@Body() body: unknown, @Query('name') name?: string, @Query('platform') platform?: string) {
    const record = await this.containers.create(containerRequestFromDocker(body, { name, platform }));
    return { Id: record.id, Warnings: [] };
  }

  @Get('json')
  list(@Query('all') all?: string, @Query('limit') limit?: string, @Query('filters') filters?: string) {
    const wanted = filterList(filters);
    const n = Number(limit ?? -1);
    const rows = this.containers
      .list(flag(all) || n > 0)
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

  /** Removes every container that is not running (filters `until` and `label`, as dockerd). */
  @Post('prune')
  @HttpCode(200)
  async prune(@Query('filters') filters?: string) {
    const f = DockerFilters.parse(filters, ['until', 'label', 'label!']);
    const until = f.get('until').map((t) => parseTimestamp(t));
    const gone = this.containers.repo.all().filter((c) => {
      if (isRunning(c) || ['restarting', 'removing'].includes(c.state.status)) return false;
      if (until.some((ms) => Date.parse(c.created) >= ms)) return false;
      const labels = c.config.labels;
      return f.labels('label', labels) && !(f.has('label!') && f.labels('label!', labels));
    });
    const deleted: string[] = [];
    let reclaimed = 0;
    for (const c of gone) {
      const size = diskUsage(this.containers.layout.upperDir(c));
      try {
        await this.containers.remove(c.id, { volumes: false });
      } catch {
        continue; // started or removed meanwhile
      }
      deleted.push(c.id);
      reclaimed += size;
    }
    return { ContainersDeleted: deleted, SpaceReclaimed: reclaimed };
  }

  /** 204 when started, 304 when it was running already (as dockerd). */
  @Post(':id/start')
  async start(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const before = this.containers.repo.get(id);
    if (before.state.status === 'running') return void reply.status(304);
    await this.containers.start(before.id);
    reply.status(204);
  }

  @Post(':id/stop')
  async stop(
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('t') t?: string,
    @Query('signal') signal?: string,
  ): Promise<void> {
    const c = this.containers.repo.get(id);
    if (!isRunning(c) && c.state.status !== 'restarting') return void reply.status(304);
    await this.containers.stop(c.id, seconds(t), signal || undefined);
    reply.status(204);
  }

  @Post(':id/restart')
  @HttpCode(204)
  async restart(@Param('id') id: string, @Query('t') t?: string): Promise<void> {
    await this.containers.restart(id, seconds(t));
  }

  @Post(':id/kill')
  @HttpCode(204)
  async kill(@Param('id') id: string, @Query('signal') signal?: string): Promise<void> {
    await this.containers.kill(id, signal || 'SIGKILL');
  }

  @Post(':id/pause')
  @HttpCode(204)
  async pause(@Param('id') id: string): Promise<void> {
    await this.containers.pause(id);
  }

  @Post(':id/unpause')
  @HttpCode(204)
  async unpause(@Param('id') id: string): Promise<void> {
    await this.containers.unpause(id);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(
    @Param('id') id: string,
    @Query('force') force?: string,
    @Query('v') volumes?: string,
  ): Promise<void> {
    await this.containers.remove(id, { force: flag(force), volumes: flag(volumes) });
  }

  @Post(':id/rename')
  @HttpCode(204)
  async rename(@Param('id') id: string, @Query('name') name?: string): Promise<void> {
    if (!name) throw new InvalidArgumentError('rename needs a new name: ?name=NEW');
    await this.containers.rename(id, name);
  }

  /**
   * Answers once the condition holds. Its headers go out at once, as dockerd's do: `docker run`
   * waits for them before it starts the container.
   */
  @Post(':id/wait')
  async wait(
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('condition') condition?: string,
  ): Promise<void> {
    const wanted = parseWaitCondition(condition);
    const c = this.containers.repo.get(id);
    const version = apiVersionOf(req.originalUrl);
    void reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...dockerAnswerHeaders(version, ENGINE_VERSION),
      'Content-Type': 'application/json',
    });
    res.flushHeaders();
    const left = new AbortController();
    res.on('close', () => left.abort());
    const code = await waitFor(c, wanted, this.events, left.signal);
    if (code !== null) res.end(`${JSON.stringify({ StatusCode: code })}\n`);
  }

  @Post(':id/resize')
  @HttpCode(200)
  resize(@Param('id') id: string, @Query('h') h?: string, @Query('w') w?: string): void {
    const size = terminalSize(h, w);
    const c = this.containers.repo.get(id);
    this.containers.attachment(c).resize(size.rows, size.cols);
  }
}
