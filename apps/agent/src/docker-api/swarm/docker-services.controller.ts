/**
 * The Docker Engine API's service routes, forwarded to the manager beside this engine: a
 * Docker ServiceSpec read into Berth's (serviceSpecFromDocker), services shown in Docker's
 * shape (dockerService, with ServiceStatus on `status=true`, which `docker service ls` and
 * `docker stack services` read), logs as dockerd's multiplexed frames (service-logs.ts).
 */
import { PassThrough } from 'node:stream';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { dockerService, serviceSpecFromDocker, type FileDirectory, type Service } from '@berth/cluster';
import { InvalidArgumentError } from '../../errors';
import { DockerFilters, parseTimestamp } from '../docker-filters';
import { streamAnswer } from '../json-stream';
import { RequestApiVersion } from '../request-version';
import { outputContentType } from '../stream-frames';
import { ManagerLink } from './manager-link';
import { logFrames, tailOf } from './service-logs';
import { SERVICE_FILTERS, serviceMatches } from './swarm-filters';

const yes = (v: string | undefined) => v === '1' || v === 'true';

@Controller('services')
export class DockerServicesController {
  constructor(private readonly manager: ManagerLink) {}

  @Get()
  async list(@Query('filters') filters?: string, @Query('status') status?: string) {
    const wanted = DockerFilters.parse(filters, SERVICE_FILTERS);
    // the manager counts each service's tasks: the cluster's tasks are never fetched for it
    const listed = yes(status)
      ? await this.manager.servicesWithStatus()
      : (await this.manager.services()).map((service) => ({ service, status: undefined }));
    const files = await this.directory(listed.map((l) => l.service));
    return listed
      .map(({ service, status }) => dockerService(service, { files, status }))
      .filter((s) => serviceMatches(s, wanted));
  }

  @Get(':id')
  async inspect(@Param('id') ref: string) {
    const service = await this.manager.service(ref);
    return dockerService(service, { files: await this.directory([service]) });
  }

  @Post('create')
  @HttpCode(201)
  async create(@Body() body: unknown) {
    const { spec, warnings } = serviceSpecFromDocker(body, { files: await this.allFiles() });
    if (!spec.name) spec.name = generatedName(spec.task.container.image);
    const created = await this.manager.call('CreateService', { specJson: JSON.stringify(spec) });
    const { id } = JSON.parse(created.json) as { id: string };
    return { ID: id, ...(warnings.length > 0 && { Warnings: warnings }) };
  }

  @Post(':id/update')
  @HttpCode(200)
  async update(
    @Param('id') ref: string,
    @Body() body: unknown,
    @Query('version') version?: string,
    @Query('rollback') rollback?: string,
  ) {
    if (rollback === 'previous') {
      await this.manager.call('RollbackService', { ref });
      return {};
    }
    if (version === undefined || !/^\d+$/.test(version))
      throw new InvalidArgumentError(
        `invalid service version '${version ?? ''}': send the Version.Index it was read at`,
      );
    const current = await this.manager.service(ref);
    const { spec, warnings } = serviceSpecFromDocker(body, {
      files: await this.allFiles(),
      current: current.spec,
    });
    if (!spec.name) spec.name = current.spec.name;
    await this.manager.call('UpdateService', {
      ref: current.id,
      specJson: JSON.stringify(spec),
      version: Number(version),
    });
    return warnings.length > 0 ? { Warnings: warnings } : {};
  }

  @Delete(':id')
  @HttpCode(200)
  async remove(@Param('id') ref: string): Promise<void> {
    await this.manager.call('RemoveService', { ref, force: false });
  }

  @Get(':id/logs')
  async logs(
    @Param('id') ref: string,
    @Query() query: Record<string, string | undefined>,
    @RequestApiVersion() apiVersion: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const stdout = yes(query.stdout);
    const stderr = yes(query.stderr);
    if (!stdout && !stderr)
      throw new InvalidArgumentError('Bad parameters: you must choose at least one stream');
    const service = await this.manager.service(ref);
    const format = { timestamps: yes(query.timestamps), details: yes(query.details) };
    const since = query.since && query.since !== '0' ? parseTimestamp(query.since) : 0;
    const records = this.manager.stream('ServiceLogs', {
      service: service.id,
      follow: yes(query.follow),
      tail: tailOf(query.tail),
      sinceUnixMs: Math.floor(since),
      timestamps: false,
    });
    // the first record (or the end) before the headers: a refusal is still an error answer
    const first = await records.next();
    const body = new PassThrough();
    body.on('error', () => undefined);
    streamAnswer(reply, outputContentType(false, apiVersion), body);
    let done = false;
    body.on('close', () => {
      if (!done) void records.return(undefined);
    });
    const write = (r: NonNullable<typeof first.value>) => {
      if ((r.stream === 2 ? stderr : stdout) && !body.destroyed)
        for (const frame of logFrames(
          { ...r, serviceId: service.id, timeUnixNano: BigInt(String(r.timeUnixNano)) },
          format,
        ))
          body.write(frame);
    };
    try {
      if (!first.done) {
        write(first.value);
        for await (const r of records) write(r);
      }
    } catch {
      // the manager went away mid-stream: what was sent stands, as a cut dockerd stream does
    } finally {
      done = true;
      body.end();
    }
  }

  /** The secrets and configs SERVICES use, for the ids of their references (asked only when they use some). */
  private async directory(services: readonly Service[]): Promise<FileDirectory> {
    const uses = (kind: 'secrets' | 'configs') =>
      services.some(
        (s) => s.spec.task.container[kind]?.length || s.previousSpec?.task.container[kind]?.length,
      );
    return {
      secrets: uses('secrets') ? await this.manager.files('secrets') : [],
      configs: uses('configs') ? await this.manager.files('configs') : [],
    };
  }

  private async allFiles(): Promise<FileDirectory> {
    const [secrets, configs] = await Promise.all([
      this.manager.files('secrets'),
      this.manager.files('configs'),
    ]);
    return { secrets, configs };
  }
}

/** A name for a service created without one, as dockerd picks one: from its image, made unique. */
export function generatedName(image: string): string {
  const base =
    image
      .split('/')
      .pop()!
      .split(/[:@]/)[0]
      .replace(/[^a-zA-Z0-9_.-]/g, '') || 'service';
  return `${base}-${Math.random().toString(36).slice(2, 7)}`;
}
