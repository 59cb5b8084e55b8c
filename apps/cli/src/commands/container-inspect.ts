/** Looking into containers: inspect, top, diff, port, stats — each one engine call (or stream) and Docker's output. */
import { formatSize } from '@berth/cli-support/progress';
import type { berth } from '@berth/proto';
import { RpcError, Status } from '@berth/proto/status';
import { command, engine, write, type Globals } from '../context';
import { inspectEach, printListing } from '../output';

const short = (id: string) => id.slice(0, 12);

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
