/**
 * The Docker API's container streams: logs (the multiplexed format, or raw on a terminal),
 * exec instances (made here; run over a hijacked connection in hijack.ts, or here when
 * detached or not hijacked), a container's changes and its exported file system.
 */
import * as os from 'node:os';
import type { CgroupStats } from '@berth/runtime';
import { Readable } from 'node:stream';
import { Body, Controller, Get, Head, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ContainersService } from '../containers/containers.service';
import { ContainerFilesService } from '../containers/container-files.service';
import type { LogOptions } from '../containers/logs';
import { networkCounters, systemCpuNs } from '../containers/stats';
import { ConflictError, InvalidArgumentError } from '../errors';
import { EventsService } from '../events/events.service';
import { terminalSize } from './docker-containers.controller';
import { flag } from './query';
import { ExecStore, execInspect } from './exec-store';
import { dockerStats, type StatsSample } from './docker-stats';
import { execStartOf } from './hijack';
import { streamAnswer } from './json-stream';
import { pathStatHeader } from './path-stat';
import { apiVersionOf } from './request-version';
import { attachSession, execSession } from './sessions';
import { logText, outputChunk, outputContentType } from './stream-frames';

/** Docker's `since`/`until`: Unix seconds, with a fraction; 0 or absent: no bound. */
function unixMs(v: string | undefined, name: string): number {
  if (!v) return 0;
  const n = Number(v);
  if (!Number.isFinite(n))
    throw new InvalidArgumentError(`invalid value for ${name}: "${v}": use Unix seconds`);
  return Math.round(n * 1000);
}

/** Resolves after MS, or at once when SIGNAL aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

/** Aborts when the client of REPLY goes away. */
function whenGone(reply: FastifyReply): AbortSignal {
  const gone = new AbortController();
  reply.raw.on('close', () => gone.abort());
  return gone.signal;
}

interface ExecConfig {
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  DetachKeys?: string;
  Tty?: boolean;
  Env?: string[] | null;
  Cmd?: string[] | null;
  Privileged?: boolean;
  User?: string;
  WorkingDir?: string;
}

const strings = (v: unknown, field: string): string[] => {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string'))
    throw new InvalidArgumentError(`${field} must be a list of strings`);
  return v as string[];
};

@Controller()
export class DockerContainerIoController {
  constructor(
    private readonly containers: ContainersService,
    private readonly files: ContainerFilesService,
    private readonly execs: ExecStore,
    private readonly events: EventsService,
  ) {}

  @Get('containers/:id/logs')
  logs(
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query() q: Record<string, string | undefined>,
  ): void {
    const c = this.containers.repo.get(id);
    if (!flag(q.stdout) && !flag(q.stderr))
      throw new InvalidArgumentError('Bad parameters: you must choose at least one stream');
    const tail = !q.tail || q.tail === 'all' ? -1 : Number(q.tail);
    if (!Number.isInteger(tail))
      throw new InvalidArgumentError(`invalid value for tail: "${q.tail}": use a number or all`);
    const options: LogOptions = {
      follow: flag(q.follow),
      sinceMs: unixMs(q.since, 'since'),
      untilMs: unixMs(q.until, 'until'),
      tail,
      stdout: flag(q.stdout),
      stderr: flag(q.stderr),
    };
    const signal = whenGone(reply);
    const entries = this.containers.logs(c.id, options, signal);
    const tty = c.config.tty;
    const timestamps = flag(q.timestamps);
    async function* chunks() {
      for await (const e of entries) yield outputChunk(tty, e.stream, Buffer.from(logText(e, timestamps)));
    }
    streamAnswer(reply, outputContentType(tty, apiVersionOf(req.originalUrl)), Readable.from(chunks()));
  }

  /**
   * Attach without a hijacked connection (dockerode's default): the output as the answer's
   * body, from the container's next start when it is not running; no input.
   */
  @Post('containers/:id/attach')
  @HttpCode(200)
  attach(
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query() q: Record<string, string | undefined>,
  ): void {
    const c = this.containers.repo.get(id);
    const out = new Readable({ read() {} });
    const signal = whenGone(reply);
    streamAnswer(reply, outputContentType(c.config.tty, apiVersionOf(req.originalUrl)), out);
    const options = {
      logs: flag(q.logs),
      stream: flag(q.stream),
      stdin: false,
      stdout: flag(q.stdout),
      stderr: flag(q.stderr),
    };
    void attachSession(this.containers, this.events, c.id, options, {
      write: (chunk) => out.push(chunk),
      input: null,
      signal,
    })
      .catch(() => undefined)
      .finally(() => out.push(null));
  }

  /** Samples each second (with `stream=false`, one, after a second's look so its CPU share means something). */
  @Get('containers/:id/stats')
  stats(
    @Param('id') id: string,
    @Res() reply: FastifyReply,
    @Query('stream') stream?: string,
    @Query('one-shot') oneShot?: string,
  ): void {
    const c = this.containers.repo.get(id);
    const streaming = stream === undefined || flag(stream);
    const signal = whenGone(reply);
    const sampleNow = () => this.sample(c.id);
    async function* documents() {
      let before = streaming || flag(oneShot) ? null : sampleNow();
      if (before) await pause(1000, signal);
      while (!signal.aborted) {
        const now = sampleNow();
        yield `${JSON.stringify(dockerStats(c, now, before))}\n`;
        if (!streaming) return;
        before = now;
        await pause(1000, signal);
      }
    }
    streamAnswer(reply, 'application/json', Readable.from(documents()));
  }

  private sample(id: string): StatsSample {
    const c = this.containers.repo.find(id);
    let cgroup: CgroupStats | null;
    try {
      cgroup =
        c && (c.state.status === 'running' || c.state.status === 'paused')
          ? this.containers.runtime.stats(id)
          : null;
    } catch {
      cgroup = null; // it ended meanwhile
    }
    return {
      at: new Date(),
      cgroup,
      systemCpuNs: systemCpuNs(),
      onlineCpus: os.cpus().length,
      hostMemoryBytes: os.totalmem(),
      net: cgroup && c ? networkCounters(c.state.pid) : { rx: 0, tx: 0 },
    };
  }

  @Post('containers/:id/exec')
  @HttpCode(201)
  execCreate(@Param('id') id: string, @Body() body: ExecConfig | undefined) {
    const c = this.containers.repo.get(id);
    if (c.state.status !== 'running') throw new ConflictError(`Container ${c.id} is not running`);
    const o = body ?? {};
    const cmd = strings(o.Cmd, 'Cmd');
    if (!cmd.length) throw new InvalidArgumentError('No exec command specified');
    const e = this.execs.add({
      containerId: c.id,
      request: {
        cmd,
        env: strings(o.Env, 'Env'),
        workingDir: typeof o.WorkingDir === 'string' ? o.WorkingDir : '',
        user: typeof o.User === 'string' ? o.User : '',
        terminal: null,
      },
      tty: o.Tty === true,
      attachStdin: o.AttachStdin === true,
      attachStdout: o.AttachStdout === true,
      attachStderr: o.AttachStderr === true,
      privileged: o.Privileged === true,
      detachKeys: typeof o.DetachKeys === 'string' ? o.DetachKeys : '',
    });
    return { Id: e.id };
  }

  @Get('exec/:id/json')
  execJson(@Param('id') id: string) {
    return execInspect(this.execs.get(id));
  }

  @Post('exec/:id/resize')
  @HttpCode(201)
  execResize(@Param('id') id: string, @Query('h') h?: string, @Query('w') w?: string): void {
    const size = terminalSize(h, w);
    const e = this.execs.get(id);
    if (!e.running) throw new ConflictError(`exec ${e.id} is not running`);
    e.resize?.(size.rows, size.cols);
  }

  /**
   * Exec start without a hijacked connection: detached (nothing to stream), or its output as
   * the answer's body (a client that reads but does not type).
   */
  @Post('exec/:id/start')
  @HttpCode(200)
  async execStart(
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<void> {
    const e = this.execs.get(id);
    const start = execStartOf(Buffer.from(body === undefined ? '' : JSON.stringify(body)));
    if (e.started) throw new ConflictError(`exec command ${e.id} has already run`);
    if (start.detach) {
      await execSession(this.containers, e, start.size, null);
      return void reply.status(200).send();
    }
    const out = new Readable({ read() {} });
    const signal = whenGone(reply);
    streamAnswer(reply, outputContentType(e.tty, apiVersionOf(req.originalUrl)), out);
    await execSession(this.containers, e, start.size, {
      write: (chunk) => out.push(chunk),
      input: null,
      signal,
    }).catch((error: unknown) =>
      out.push(outputChunk(e.tty, 'stdout', Buffer.from(`${(error as Error).message}\r\n`))),
    );
    out.push(null);
  }

  /** `docker top`: ps's rows for the container's processes (ps_args as ps takes them). */
  @Get('containers/:id/top')
  async top(@Param('id') id: string, @Query('ps_args') psArgs?: string) {
    const t = await this.containers.top(id, psArgs ? psArgs.split(/\s+/).filter(Boolean) : undefined);
    return { Titles: t.titles, Processes: t.processes };
  }

  /** `docker cp`'s first look: the path's stat in a header (HEAD before GET: Fastify would add its own). */
  @Head('containers/:id/archive')
  archiveStat(@Param('id') id: string, @Res() reply: FastifyReply, @Query('path') p?: string): void {
    if (!p) throw new InvalidArgumentError('archive needs a path: ?path=/in/the/container');
    const stat = this.files.statPath(id, p);
    void reply.header('X-Docker-Container-Path-Stat', pathStatHeader(stat)).status(200).send();
  }

  @Get('containers/:id/archive')
  archive(@Param('id') id: string, @Res() reply: FastifyReply, @Query('path') p?: string): void {
    if (!p) throw new InvalidArgumentError('archive needs a path: ?path=/in/the/container');
    const stat = this.files.statPath(id, p);
    const tar = this.files.copyFrom(id, p);
    void reply
      .header('X-Docker-Container-Path-Stat', pathStatHeader(stat))
      .header('Content-Type', 'application/x-tar')
      .send(tar);
  }

  /** `docker cp SRC CONTAINER:DIR`: the tar's entries go into DIR. */
  @Put('containers/:id/archive')
  @HttpCode(200)
  async extract(@Param('id') id: string, @Body() tar: Readable, @Query('path') p?: string): Promise<void> {
    if (!p) throw new InvalidArgumentError('archive needs a path: ?path=/in/the/container');
    if (!(tar instanceof Readable)) throw new InvalidArgumentError('the archive must be the request body');
    await this.files.copyTo(id, p, tar);
  }

  /** `docker commit`: the container's changes as a new image (repo, tag, comment, author, changes, pause). */
  @Post('commit')
  @HttpCode(201)
  async commit(@Query() q: Record<string, string | string[] | undefined>) {
    const one = (k: string) => {
      const v = q[k];
      return (Array.isArray(v) ? v[v.length - 1] : v) ?? '';
    };
    if (!one('container')) throw new InvalidArgumentError('commit needs a container: ?container=NAME');
    const repo = one('repo');
    const image = await this.files.commit(one('container'), {
      reference: repo ? `${repo}:${one('tag') || 'latest'}` : '',
      message: one('comment'),
      author: one('author'),
      changes: ([] as string[]).concat(q.changes ?? []),
      pause: one('pause') !== '0' && one('pause') !== 'false',
    });
    return { Id: image.configDigest };
  }

  @Get('containers/:id/changes')
  changes(@Param('id') id: string) {
    const kinds: Record<string, number> = { C: 0, A: 1, D: 2 };
    return this.files.diff(id).map((c) => ({ Path: c.path, Kind: kinds[c.kind] ?? 0 }));
  }

  @Get('containers/:id/export')
  export(@Param('id') id: string, @Res() reply: FastifyReply): void {
    const tar = this.files.export(id);
    void reply.header('Content-Type', 'application/x-tar').send(tar);
  }
}
