/**
 * The container verbs after run: ps, stop, start's siblings, rm, logs,
 * inspect, top, diff, commit, export, cp, port, rename, wait, stats — each
 * one engine call (or stream) and Docker's output.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { timeAgo, UsageError } from '@berth/cli-support/args';
import { formatSize } from '@berth/cli-support/progress';
import type { berth } from '@berth/proto';
import { RpcError, Status } from '@berth/proto/status';
import { command, engine, forEach, write, type Command, type Globals } from '../context';
import { filtersOf, inspectEach, printListing, writeChunks } from '../output';

const short = (id: string) => id.slice(0, 12);
const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export function portsText(ports: berth.engine.v1.IPortBinding[]): string {
  return ports
    .map((p) => `${p.hostIp || '0.0.0.0'}:${p.hostPort}->${p.containerPort}/${p.protocol || 'tcp'}`)
    .join(', ');
}

/** berth ps [-a] [-q] [-n N] [-l] [-f KEY=VALUE]... [--format F] [--no-trunc] */
export const ps = command(
  {
    name: 'ps',
    options: {
      all: { type: 'boolean', short: 'a' },
      quiet: { type: 'boolean', short: 'q' },
      last: { type: 'string', short: 'n' },
      latest: { type: 'boolean', short: 'l' },
      filter: { type: 'string', short: 'f', multiple: true },
      format: { type: 'string' },
      'no-trunc': { type: 'boolean' },
      size: { type: 'boolean', short: 's' },
    },
    operands: [],
  },
  async ({ values }, g) => {
    const filters = filtersOf(
      values.filter,
      ['name', 'id', 'status', 'label', 'ancestor', 'exited', 'health', 'network', 'volume'],
      'ps',
    );
    const last = values.latest ? 1 : values.last !== undefined ? Number(values.last) : 0;
    if (!Number.isInteger(last))
      throw new UsageError(`ps: invalid argument "${String(values.last)}" for "-n": not a number`);
    const { containers } = await engine(g).call('ListContainers', {
      all: values.all === true,
      filters,
      last,
    });
    const full = values['no-trunc'] === true;
    const rows = containers.map((c) => ({
      ID: full ? c.id : short(c.id),
      Image: c.image,
      Command: full ? c.command : truncate(c.command, 20) + (c.command.length > 20 ? '"' : ''),
      CreatedAt: new Date(c.createdMs).toISOString(),
      RunningFor: timeAgo(new Date(c.createdMs).toISOString()),
      Ports: portsText(c.ports),
      State: c.state,
      Status: c.status,
      Names: c.names.map((n) => n.replace(/^\//, '')).join(','),
      Labels: Object.entries(c.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
      Mounts: c.mounts.join(','),
      Networks: c.networks.join(','),
    }));
    printListing(
      rows,
      {
        table:
          'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}',
        headers: { ID: 'CONTAINER ID', RunningFor: 'CREATED' },
      },
      { format: values.format as string | undefined, quiet: values.quiet === true },
    );
    return 0;
  },
);

/** berth stop|restart [-t SECONDS] [-s SIGNAL] CONTAINER... */
function stopLike(verb: 'stop' | 'restart'): Command {
  const options = {
    time: { type: 'string', short: 't' },
    timeout: { type: 'string' },
    signal: { type: 'string', short: 's' },
  } as const;
  return command({ name: verb, options, operands: ['container+'] }, async ({ values, positionals }, g) => {
    const timeText = (values.time ?? values.timeout) as string | undefined;
    const timeoutS = timeText === undefined ? 0 : Number(timeText);
    if (!Number.isInteger(timeoutS))
      throw new UsageError(`${verb}: invalid argument "${timeText}" for "-t": not a number of seconds`);
    return forEach(positionals, async (id) => {
      const request = {
        id,
        timeoutS,
        timeoutSet: timeText !== undefined,
        signal: (values.signal as string | undefined) ?? '',
      };
      await engine(g).call(verb === 'stop' ? 'StopContainer' : 'RestartContainer', request);
      return id;
    });
  });
}
export const stop = stopLike('stop');
export const restart = stopLike('restart');

/** berth kill [-s SIGNAL] CONTAINER... */
export const kill = command(
  { name: 'kill', options: { signal: { type: 'string', short: 's' } }, operands: ['container+'] },
  async ({ values, positionals }, g) => {
    return forEach(positionals, async (id) => {
      await engine(g).call('KillContainer', { id, signal: (values.signal as string | undefined) ?? 'KILL' });
      return id;
    });
  },
);

/** berth pause|unpause CONTAINER... */
function pauseLike(verb: 'pause' | 'unpause'): Command {
  return command({ name: verb, options: {}, operands: ['container+'] }, async ({ positionals }, g) =>
    forEach(positionals, async (id) => {
      await engine(g).call(verb === 'pause' ? 'PauseContainer' : 'UnpauseContainer', { id });
      return id;
    }),
  );
}
export const pause = pauseLike('pause');
export const unpause = pauseLike('unpause');

/** berth rm [-f] [-v] CONTAINER... */
export const rm = command(
  {
    name: 'rm',
    options: { force: { type: 'boolean', short: 'f' }, volumes: { type: 'boolean', short: 'v' } },
    operands: ['container+'],
  },
  async ({ values, positionals }, g) => {
    return forEach(positionals, async (id) => {
      await engine(g).call('RemoveContainer', {
        id,
        force: values.force === true,
        volumes: values.volumes === true,
      });
      return id;
    });
  },
);

/** berth rename OLD NEW */
export const rename = command(
  { name: 'rename', options: {}, operands: ['container', 'new-name'] },
  async ({ positionals }, g) => {
    await engine(g).call('RenameContainer', { id: positionals[0], name: positionals[1] });
    return 0;
  },
);

/** berth wait CONTAINER... — prints each exit code. */
export const wait = command(
  { name: 'wait', options: {}, operands: ['container+'] },
  async ({ positionals }, g) => {
    return forEach(positionals, async (id) =>
      String((await engine(g).call('WaitContainer', { id })).exitCode),
    );
  },
);

/** "10m", "2h30m", RFC 3339 or unix seconds → unix milliseconds (docker logs --since/--until). */
export function parseTimeFlag(text: string, now = Date.now()): number {
  const relative = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text);
  if (relative)
    return now - Number(relative[1]) * { ms: 1, s: 1000, m: 60000, h: 3600000 }[relative[2] as 'ms']!;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const t = Date.parse(text);
  if (Number.isNaN(t))
    throw new UsageError(`invalid time "${text}": use a duration (10m), RFC 3339, or unix seconds`);
  return t;
}

/** berth logs [-f] [--tail N] [--since T] [--until T] [-t] CONTAINER */
export const logs = command(
  {
    name: 'logs',
    options: {
      follow: { type: 'boolean', short: 'f' },
      tail: { type: 'string', short: 'n' },
      since: { type: 'string' },
      until: { type: 'string' },
      timestamps: { type: 'boolean', short: 't' },
      details: { type: 'boolean' },
    },
    operands: ['container'],
  },
  async ({ values, positionals }, g) => {
    const tailText = (values.tail as string | undefined) ?? 'all';
    const tail = tailText === 'all' ? -1 : Number(tailText);
    if (!Number.isInteger(tail) || tail < -1)
      throw new UsageError(`logs: invalid --tail "${tailText}": a number of lines, or all`);
    const stream = engine(g).stream('ContainerLogs', {
      id: positionals[0],
      follow: values.follow === true,
      timestamps: values.timestamps === true,
      sinceMs: values.since ? parseTimeFlag(values.since as string) : 0,
      untilMs: values.until ? parseTimeFlag(values.until as string) : 0,
      tail,
      stdout: true,
      stderr: true,
    });
    for await (const e of stream) {
      const out = e.stream === 'stderr' ? process.stderr : process.stdout;
      if (values.timestamps) out.write(`${e.time} `);
      out.write(e.data);
    }
    return 0;
  },
);

async function inspectOne(g: Globals, name: string, type: string | undefined): Promise<unknown> {
  const kinds: [string, () => Promise<{ json: string }>][] = [
    ['container', () => engine(g).call('InspectContainer', { id: name })],
    ['image', () => engine(g).call('InspectImage', { name })],
    ['volume', () => engine(g).call('InspectVolume', { name })],
    ['network', () => engine(g).call('InspectNetwork', { name })],
  ];
  for (const [kind, call] of kinds) {
    if (type && type !== kind) continue;
    try {
      return JSON.parse((await call()).json);
    } catch (error) {
      if (!(error instanceof RpcError) || error.status !== Status.NOT_FOUND) throw error;
    }
  }
  throw new RpcError(Status.NOT_FOUND, `No such object: ${name}`);
}

/** berth inspect [-f FORMAT] [--type container|image|volume|network] NAME... */
export const inspect = command(
  {
    name: 'inspect',
    options: { format: { type: 'string', short: 'f' }, type: { type: 'string' } },
    operands: ['name+'],
  },
  async ({ values, positionals }, g) =>
    inspectObjects(g, positionals, values.format as string | undefined, values.type as string | undefined),
);

/** berth container inspect [-f FORMAT] CONTAINER... */
export const containerInspect = command(
  {
    name: 'container inspect',
    options: { format: { type: 'string', short: 'f' } },
    operands: ['container+'],
  },
  async ({ values, positionals }, g) =>
    inspectObjects(g, positionals, values.format as string | undefined, 'container'),
);

function inspectObjects(g: Globals, names: string[], format: string | undefined, type: string | undefined) {
  return inspectEach(names, format, async (name) => await inspectOne(g, name, type));
}

/** berth top CONTAINER */
export const top = command(
  { name: 'top', options: {}, operands: ['container', 'ps-options...'], interspersed: false },
  async ({ positionals }, g) => {
    const { titles, processes } = await engine(g).call('ContainerTop', { id: positionals[0] });
    const { formatTable } = await import('@berth/cli-support/args');
    write(
      formatTable(
        titles,
        processes.map((p) => p.columns),
      ),
    );
    return 0;
  },
);

/** berth diff CONTAINER */
export const diff = command(
  { name: 'diff', options: {}, operands: ['container'] },
  async ({ positionals }, g) => {
    const { changes } = await engine(g).call('ContainerDiff', { id: positionals[0] });
    write(changes.map((c) => `${c.kind} ${c.path}\n`).join(''));
    return 0;
  },
);

/** berth commit [-a AUTHOR] [-m MESSAGE] [-c CHANGE]... [-p] CONTAINER [REPOSITORY[:TAG]] */
export const commit = command(
  {
    name: 'commit',
    options: {
      author: { type: 'string', short: 'a' },
      message: { type: 'string', short: 'm' },
      change: { type: 'string', short: 'c', multiple: true },
      pause: { type: 'boolean', short: 'p', default: true },
      'no-pause': { type: 'boolean' },
    },
    operands: ['container', 'reference?'],
  },
  async ({ values, positionals }, g) => {
    const { id } = await engine(g).call('CommitContainer', {
      id: positionals[0],
      reference: positionals[1] ?? '',
      message: (values.message as string | undefined) ?? '',
      author: (values.author as string | undefined) ?? '',
      changes: (values.change as string[] | undefined) ?? [],
      pause: values['no-pause'] !== true,
    });
    write(`${id}\n`);
    return 0;
  },
);

/** berth export [-o FILE] CONTAINER */
export const exportContainer = command(
  { name: 'export', options: { output: { type: 'string', short: 'o' } }, operands: ['container'] },
  async ({ values, positionals }, g) => {
    await writeChunks(
      engine(g).stream('ExportContainer', { id: positionals[0] }),
      values.output as string | undefined,
      'a tar stream',
    );
    return 0;
  },
);

/** "name:/path" → ["name", "/path"]; a local path → null. */
function containerPath(arg: string): [string, string] | null {
  const colon = arg.indexOf(':');
  if (colon <= 0 || arg.startsWith('/') || arg.startsWith('.')) return null;
  return [arg.slice(0, colon), arg.slice(colon + 1)];
}

/** berth cp CONTAINER:SRC DEST|-  or  berth cp SRC|- CONTAINER:DEST */
export const cp = command(
  {
    name: 'cp',
    options: { archive: { type: 'boolean', short: 'a' }, 'follow-link': { type: 'boolean', short: 'L' } },
    operands: ['src', 'dest'],
  },
  async ({ positionals }, g) => {
    const [src, dest] = positionals;
    const from = containerPath(src);
    const to = containerPath(dest);
    if (!!from === !!to)
      throw new UsageError('cp: one of the paths must be CONTAINER:PATH and the other local');
    const { extractLayer, treeEntries, DirectoryTree } = await import('@berth/image/archive/layer');
    const { packTar } = await import('@berth/image/archive/tar');
    if (from) {
      const chunks = engine(g).stream('CopyFromContainer', { id: from[0], path: from[1] });
      if (dest === '-') {
        await writeChunks(chunks, undefined, 'a tar stream');
        return 0;
      }
      const bytes = (async function* () {
        for await (const c of chunks) yield Buffer.from(c.data);
      })();
      const target = path.resolve(dest);
      if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory())
        await extractLayer(bytes, target, { intoExisting: true });
      else {
        const parent = path.dirname(target);
        if (!fs.statSync(parent, { throwIfNoEntry: false })?.isDirectory())
          throw new UsageError(`cp: ${parent}: no such directory`);
        const name = path.basename(target);
        await extractLayer(bytes, parent, {
          intoExisting: true,
          rename: (n) => n.replace(/^(\.\/)?[^/]+/, name),
        });
      }
      return 0;
    }
    const call = engine(g).duplex('CopyToContainer');
    call.send({ target: { id: to![0], path: to![1] } });
    let source: AsyncIterable<Buffer>;
    if (src === '-') source = process.stdin;
    else {
      const local = path.resolve(src);
      if (!fs.lstatSync(local, { throwIfNoEntry: false }))
        throw new UsageError(`cp: ${src}: no such file or directory`);
      source = Readable.from(
        packTar(
          treeEntries(new DirectoryTree(path.dirname(local)), path.basename(local), path.basename(local)),
        ),
      );
    }
    const sending = (async () => {
      for await (const chunk of source) call.send({ data: chunk });
      call.end();
    })();
    for await (const _ of call) void _;
    await sending;
    return 0;
  },
);

/** berth port CONTAINER — published ports as "80/tcp -> 0.0.0.0:8080". */
export const port = command(
  { name: 'port', options: {}, operands: ['container', 'private-port?'] },
  async ({ positionals }, g) => {
    const doc = JSON.parse((await engine(g).call('InspectContainer', { id: positionals[0] })).json) as {
      NetworkSettings: { Ports: Record<string, { HostIp: string; HostPort: string }[] | null> };
    };
    for (const [key, bindings] of Object.entries(doc.NetworkSettings.Ports ?? {})) {
      if (positionals[1] && key !== positionals[1] && key !== `${positionals[1]}/tcp`) continue;
      for (const b of bindings ?? []) write(`${key} -> ${b.HostIp || '0.0.0.0'}:${b.HostPort}\n`);
    }
    return 0;
  },
);

/** berth stats [--no-stream] [-a] [--format F] [CONTAINER...] */
export const stats = command(
  {
    name: 'stats',
    options: {
      'no-stream': { type: 'boolean' },
      all: { type: 'boolean', short: 'a' },
      format: { type: 'string' },
      'no-trunc': { type: 'boolean' },
    },
    operands: ['container...'],
  },
  async ({ values, positionals }, g) => {
    const stream = values['no-stream'] !== true;
    const tty = process.stdout.isTTY === true && stream;
    const row = (s: berth.engine.v1.ContainerStats) => ({
      ID: short(s.id),
      Container: short(s.id),
      Name: s.name,
      CPUPerc: `${s.cpuPercent.toFixed(2)}%`,
      MemUsage: `${formatSize(s.memoryUsageBytes)} / ${formatSize(s.memoryLimitBytes)}`,
      MemPerc: `${s.memoryPercent.toFixed(2)}%`,
      NetIO: `${formatSize(s.netRxBytes)} / ${formatSize(s.netTxBytes)}`,
      BlockIO: `${formatSize(s.blockReadBytes)} / ${formatSize(s.blockWriteBytes)}`,
      PIDs: String(s.pids),
    });
    const style = {
      table:
        'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}',
      headers: {
        ID: 'CONTAINER ID',
        CPUPerc: 'CPU %',
        MemUsage: 'MEM USAGE / LIMIT',
        MemPerc: 'MEM %',
        NetIO: 'NET I/O',
        BlockIO: 'BLOCK I/O',
      },
    };
    let round: ReturnType<typeof row>[] = [];
    let seen = new Set<string>();
    const flush = () => {
      if (tty) write('\x1b[2J\x1b[H');
      printListing(round, style, { format: values.format as string | undefined });
      round = [];
      seen = new Set();
    };
    for await (const s of engine(g).stream('ContainerStats', { ids: positionals, stream })) {
      if (seen.has(s.id)) flush(); // a container seen twice: the next round began
      seen.add(s.id);
      round.push(row(s));
    }
    if (round.length || !stream) flush();
    return 0;
  },
);
