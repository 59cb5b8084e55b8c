/**
 * The Engine's container methods: requests in, the containers service's
 * answers out, and the streams (run, logs, exec, stats, copies) assembled
 * from pipes, log files and timers.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import { Injectable } from '@nestjs/common';
import type { berth } from '@berth/proto';
import type { EngineHandlers, CallContext, HandlerRequest } from '@berth/proto/server';
import type { ProgressEvent } from '@berth/image';
import { ConflictError, InvalidArgumentError } from '../errors';
import { Channel } from '@berth/proto/channel';
import { bytesOf, dataChunks } from '../grpc/streams';
import type { HandlerGroup } from '../grpc/handlers';
import { ContainersService } from './containers.service';
import { ContainerFilesService } from './container-files.service';
import { matchesFilters, type ContainerRecord } from './model';
import { cpuPercent, memoryPercent, networkCounters, type Sample } from './stats';
import { inspectOf, summaryOf } from './views';
import type { LogOptions } from './logs';
import { execRequestFromProto, requestFromProto } from './request-proto';
import { relayExec } from './exec-session';

type RunEvent = berth.engine.v1.IRunEvent;
type ExecOutput = berth.engine.v1.IExecOutput;
type AttachOutput = berth.engine.v1.IAttachOutput;
type StatsMsg = berth.engine.v1.IContainerStats;

export function progressMessage(e: ProgressEvent): berth.engine.v1.IProgressEvent {
  return { id: e.id, action: e.action, current: e.current ?? 0, total: e.total ?? 0, detail: e.detail ?? '' };
}

function exitMessage(state: ContainerRecord['state']): berth.engine.v1.IExitStatus {
  return { exitCode: state.exitCode, oomKilled: state.oomKilled, error: state.error };
}

@Injectable()
export class ContainersController implements HandlerGroup {
  constructor(
    private readonly containers: ContainersService,
    private readonly files: ContainerFilesService,
  ) {}

  handlers(): Partial<EngineHandlers> {
    const c = this.containers;
    return {
      CreateContainer: async (req) => {
        if (!req.spec) throw new InvalidArgumentError('a container spec is required');
        const record = await c.create(requestFromProto(req.spec));
        return { id: record.id, warnings: [] };
      },
      StartContainer: async (req) => {
        await c.start(req.id);
        return {};
      },
      RunContainer: (req, ctx) => this.run(req, ctx),
      Attach: (requests, ctx) => this.attach(requests, ctx),
      StopContainer: async (req) => {
        await c.stop(req.id, req.timeoutSet ? req.timeoutS : undefined, req.signal || undefined);
        return {};
      },
      RestartContainer: async (req) => {
        await c.restart(req.id, req.timeoutSet ? req.timeoutS : undefined);
        return {};
      },
      KillContainer: async (req) => {
        await c.kill(req.id, req.signal || 'SIGKILL');
        return {};
      },
      PauseContainer: async (req) => {
        await c.pause(req.id);
        return {};
      },
      UnpauseContainer: async (req) => {
        await c.unpause(req.id);
        return {};
      },
      RemoveContainer: async (req) => {
        await c.remove(req.id, { force: req.force, volumes: req.volumes });
        return {};
      },
      RenameContainer: async (req) => {
        await c.rename(req.id, req.name);
        return {};
      },
      ListContainers: async (req) => {
        const now = Date.now();
        let list = c.list(req.all || req.last > 0).filter((x) => matchesFilters(x, req.filters));
        if (req.last > 0) list = list.slice(0, req.last);
        return { containers: list.map((x) => summaryOf(x, now)) };
      },
      InspectContainer: async (req) => {
        const record = c.repo.get(req.id);
        return { json: JSON.stringify(inspectOf(record, c.layout.filesOf(record))) };
      },
      ContainerLogs: (req, ctx) => this.logs(req, ctx),
      WaitContainer: async (req) => exitMessage(await c.wait(req.id)),
      Exec: (requests, ctx) => this.exec(requests, ctx),
      ContainerStats: (req, ctx) => this.stats(req, ctx),
      ContainerTop: async (req) => {
        const t = await this.containers.top(req.id);
        return { titles: t.titles, processes: t.processes.map((columns) => ({ columns })) };
      },
      ContainerDiff: async (req) => ({ changes: this.files.diff(req.id) }),
      CommitContainer: async (req) => {
        const image = await this.files.commit(req.id, {
          reference: req.reference,
          message: req.message,
          author: req.author,
          changes: req.changes,
          pause: req.pause,
        });
        return { id: image.configDigest };
      },
      ExportContainer: (req) => dataChunks(this.files.export(req.id)),
      CopyFromContainer: (req) => dataChunks(this.files.copyFrom(req.id, req.path)),
      CopyToContainer: async (requests) => {
        const it = requests[Symbol.asyncIterator]();
        const first = await it.next();
        const target = first.done ? null : (first.value.target as berth.engine.v1.CopyRequest | null);
        if (!target) throw new InvalidArgumentError('the first message must name the container and path');
        const rest = { [Symbol.asyncIterator]: () => it };
        await this.files.copyTo(
          target.id,
          target.path,
          bytesOf(rest, (m) => m.data),
        );
        return {};
      },
    };
  }

  /** Create (pulling if need be), start, then this run's output and its exit status. */
  private run(req: HandlerRequest<'RunContainer'>, ctx: CallContext): AsyncIterable<RunEvent> {
    const spec = req.spec;
    if (!spec) throw new InvalidArgumentError('a container spec is required');
    return Channel.of<RunEvent>(async (out) => {
      const request = requestFromProto(spec);
      const record = await this.containers.create(request, (e) =>
        out.push({ pull: 'status' in e ? e : progressMessage(e) }),
      );
      out.push({ created: record.id });
      // an --rm container that exits at once must still be there to be read
      const release = req.detach ? () => undefined : this.containers.holdRemoval(record.id);
      try {
        try {
          await this.containers.start(record.id);
        } catch (error) {
          release();
          if (record.hostConfig.autoRemove)
            await this.containers.remove(record.id, { force: true, volumes: true }).catch(() => undefined);
          throw error;
        }
        if (req.detach) return;
        await this.relay((m) => out.push(m), record.id, ctx.signal, 0);
      } finally {
        release();
      }
    });
  }

  /**
   * The container's output from byte OFFSET of its log until it exits, then
   * its exit status (unless the client went away). Call while it runs.
   */
  private async relay(
    push: (m: { stdout?: Buffer; stderr?: Buffer; exit?: berth.engine.v1.IExitStatus }) => void,
    id: string,
    signal: AbortSignal,
    offset: number,
  ): Promise<void> {
    const ended = this.containers.wait(id); // asked now, while it exists: --rm removes it at exit
    const options: LogOptions = {
      follow: true,
      sinceMs: 0,
      untilMs: 0,
      tail: -1,
      stdout: true,
      stderr: true,
    };
    for await (const entry of this.containers.logs(id, options, signal, offset)) {
      const data = Buffer.from(entry.log);
      push(entry.stream === 'stderr' ? { stderr: data } : { stdout: data });
    }
    if (signal.aborted) return;
    // the log ends once the record says it stopped; an --rm container held for us is still there
    const now = this.containers.repo.find(id);
    const stopped = now && !['running', 'paused', 'restarting'].includes(now.state.status);
    push({ exit: exitMessage(stopped ? now.state : await ended) });
  }

  /**
   * A client's session with a container's main process: its output from now
   * on, its stdin (with -i) and terminal size (with -t), then its exit status.
   * The first message names the container, and may start it.
   */
  private attach(
    requests: AsyncIterable<HandlerRequest<'Attach'>>,
    ctx: CallContext,
  ): AsyncIterable<AttachOutput> {
    return Channel.of<AttachOutput>(async (out) => {
      const it = requests[Symbol.asyncIterator]();
      const first = await it.next();
      const start = first.done ? null : (first.value.start as berth.engine.v1.AttachStart | null);
      if (!start) throw new InvalidArgumentError('the first attach message must name the container');
      const record = this.containers.repo.get(start.id);
      const offset =
        fs.statSync(this.containers.layout.logPath(record), { throwIfNoEntry: false })?.size ?? 0;
      const size =
        start.size?.rows && start.size.cols ? { rows: start.size.rows, cols: start.size.cols } : undefined;
      if (start.start) await this.containers.start(record.id, size);
      else if (!['running', 'paused', 'restarting'].includes(record.state.status))
        throw new ConflictError('You cannot attach to a stopped container, start it first');
      const session = this.containers.attachment(record);
      let stdin: net.Socket | null = null;
      if (session.stdinPath) {
        const fd = fs.openSync(session.stdinPath, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
        stdin = new net.Socket({ fd, readable: false, writable: true });
        stdin.on('error', () => undefined); // the container went away: its exit ends the session
      }
      const feed = async () => {
        for (;;) {
          const next = await it.next();
          if (next.done) break;
          const m = next.value;
          if (m.stdin?.length) stdin?.write(Buffer.from(m.stdin));
          if (m.resize) session.resize(m.resize.rows ?? 0, m.resize.cols ?? 0);
          if (m.closeStdin) break;
        }
        stdin?.end();
      };
      void feed().catch(() => stdin?.end());
      ctx.signal.addEventListener('abort', () => stdin?.end());
      try {
        await this.relay((m) => out.push(m), record.id, ctx.signal, offset);
      } finally {
        stdin?.destroy();
      }
    });
  }

  private async *logs(
    req: HandlerRequest<'ContainerLogs'>,
    ctx: CallContext,
  ): AsyncGenerator<berth.engine.v1.ILogEntry> {
    const both = !req.stdout && !req.stderr;
    const options: LogOptions = {
      follow: req.follow,
      sinceMs: req.sinceMs,
      untilMs: req.untilMs,
      tail: req.tail,
      stdout: both || req.stdout,
      stderr: both || req.stderr,
    };
    for await (const e of this.containers.logs(req.id, options, ctx.signal))
      yield { stream: e.stream, data: Buffer.from(e.log), time: e.time };
  }

  private exec(requests: AsyncIterable<HandlerRequest<'Exec'>>, ctx: CallContext): AsyncIterable<ExecOutput> {
    return Channel.of<ExecOutput>(async (out) => {
      const it = requests[Symbol.asyncIterator]();
      const first = await it.next();
      const start = first.done ? null : (first.value.start as berth.engine.v1.ExecStart | null);
      if (!start) throw new InvalidArgumentError('the first exec message must say what to run');
      if (!start.cmd.length) throw new InvalidArgumentError('exec needs a command');
      const proc = await this.containers.exec(start.id, execRequestFromProto(start));
      if (start.detach) {
        proc.stdin?.end();
        proc.stdout?.resume();
        proc.stderr?.resume();
        return;
      }
      const exitCode = await relayExec(
        proc,
        it,
        start.stdin,
        { stdout: (d) => out.push({ stdout: d }), stderr: (d) => out.push({ stderr: d }) },
        ctx.signal,
      );
      out.push({ exit: { exitCode, oomKilled: false, error: '' } });
    });
  }

  /** One sample per container each second (a single one, after a half-second look, without STREAM). */
  private async *stats(req: HandlerRequest<'ContainerStats'>, ctx: CallContext): AsyncGenerator<StatsMsg> {
    const previous = new Map<string, Sample>();
    const hostMemory = os.totalmem();
    const sample = (): StatsMsg[] => {
      const records = req.ids.length
        ? req.ids.map((id) => this.containers.repo.get(id))
        : this.containers.list(false);
      const out: StatsMsg[] = [];
      for (const r of records) {
        let s;
        try {
          s =
            r.state.status === 'running' || r.state.status === 'paused'
              ? this.containers.runtime.stats(r.id)
              : null;
        } catch {
          s = null;
        }
        const now: Sample = { cpuUsageNs: s?.cpuUsageNs ?? 0, atMs: Date.now() };
        const usage = s ? Math.max(0, s.memoryUsageBytes - s.memoryCacheBytes) : 0;
        const net = s ? networkCounters(r.state.pid) : { rx: 0, tx: 0 };
        out.push({
          id: r.id,
          name: r.name,
          cpuPercent: cpuPercent(previous.get(r.id) ?? null, now),
          memoryUsageBytes: usage,
          memoryLimitBytes: s?.memoryLimitBytes ?? hostMemory,
          memoryPercent: s ? memoryPercent(usage, s.memoryLimitBytes, hostMemory) : 0,
          netRxBytes: net.rx,
          netTxBytes: net.tx,
          blockReadBytes: 0,
          blockWriteBytes: 0,
          pids: s?.pidsCurrent ?? 0,
        });
        previous.set(r.id, now);
      }
      return out;
    };
    const pause = (ms: number) =>
      new Promise<void>((resolve) => {
        const t = setTimeout(resolve, ms);
        ctx.signal.addEventListener('abort', () => {
          clearTimeout(t);
          resolve();
        });
      });
    sample();
    await pause(req.stream ? 200 : 500);
    for (;;) {
      if (ctx.signal.aborted) return;
      yield* sample();
      if (!req.stream) return;
      await pause(1000);
    }
  }
}
