/**
 * The container verbs that list containers and change their state: ps, stop, restart, kill,
 * pause, unpause, rm, rename, wait — each one engine call and Docker's output. Their siblings:
 * container-logs.ts, container-inspect.ts (inspect, top, diff, port, stats) and
 * container-files.ts (commit, export, cp).
 */
import { timeAgo, UsageError } from '@berth/cli-support/args';
import type { berth } from '@berth/proto';
import { command, engine, forEach, type Command } from '../context';
import { filtersOf, printListing } from '../output';

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
