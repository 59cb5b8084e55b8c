/** berth service create|ls|ps|inspect|scale|update|rm|logs — Docker's service verbs, on the manager. */
import * as fs from 'node:fs';
import { keyValues, UsageError, type Options, type Values } from '@berth/cli-support/args';
import {
  DEFAULT_ROLLBACK_CONFIG,
  DEFAULT_UPDATE_CONFIG,
  isTaskDirty,
  type Network,
  type Node,
  type Service,
  type ServiceSpec,
  type Task,
} from '@berth/cluster';
import { RpcError } from '@berth/proto/status';
import { command, ExitError, forEach, warn, write, type Globals } from '../context';
import { manager } from '../manager';
import { lastLogLines } from './task-log';
import { printDocuments, printListing } from '../output';
import { crashLoopReport, currentCrashLoop, waitingLines } from '../cluster-views/progress';
import { servicePretty } from '../cluster-views/service-pretty';
import { replicasColumn, sameRunningTasks, serviceRow, taskRows } from '../cluster-views/views';
import {
  SERVICE_FLAGS,
  parsePlacementPref,
  updateConfigFromFlags,
  rolloutFlags,
  serviceSpec,
  parseFileReference,
} from './service-flags';

const parse = <T>(json: string) => JSON.parse(json) as T;

async function getService(g: Globals, ref: string): Promise<Service> {
  return parse<Service>((await manager(g).call('GetService', { ref })).json);
}

async function tasksOf(g: Globals, service: string, desiredState = ''): Promise<Task[]> {
  return (await manager(g).call('ListTasks', { service, node: '', desiredState })).json.map((j) =>
    parse<Task>(j),
  );
}

async function nodesById(g: Globals): Promise<Map<string, Node>> {
  const nodes = (await manager(g).call('ListNodes', { filters: {} })).json.map((j) => parse<Node>(j));
  return new Map(nodes.map((n) => [n.id, n]));
}

function randomName(image: string): string {
  const base =
    image
      .split('/')
      .pop()!
      .split(/[:@]/)[0]
      .replace(/[^a-zA-Z0-9_.-]/g, '') || 'service';
  return `${base}-${Math.random().toString(36).slice(2, 7)}`;
}

export const create = command(
  {
    name: 'service create',
    options: SERVICE_FLAGS,
    operands: ['image', 'command?', 'arg...'],
    interspersed: false,
  },
  async ({ values, positionals }, g) => {
    const spec = serviceSpec(values, positionals, {
      env: process.env,
      readFile: (f) => fs.readFileSync(f, 'utf8'),
      cwd: process.cwd(),
      durationNs: () => 0,
    });
    if (!spec.name) spec.name = randomName(spec.task.container.image);
    const service = parse<Service>(
      (await manager(g).call('CreateService', { specJson: JSON.stringify(spec) })).json,
    );
    write(`${service.id}\n`);
    if (values.detach) return 0;
    return converge(g, service.id, !!values.quiet);
  },
);

/**
 * Waits until the service runs what it asks for, showing progress as `docker service create`
 * does: one line per task on a terminal, overall counts otherwise. Pending reasons are shown.
 */
async function converge(g: Globals, ref: string, quiet: boolean): Promise<number> {
  const tty = process.stdout.isTTY && !quiet;
  let lastLine = '';
  let drawn = 0;
  for await (const state of watchService(g, ref, true)) {
    const { service, tasks } = state;
    // every running task counts: replacing out-of-date tasks is the rolling update's (issue 7)
    const [running, desired] = replicasColumn(service, tasks).split('/').map(Number);
    // and why tasks wait: depends_on, or no node to run them
    const lines = [`overall progress: ${running} out of ${desired} tasks`, ...waitingLines(tasks)];
    if (tty) {
      if (drawn) write(`\x1b[${drawn}A\x1b[J`);
      write(`${lines.join('\n')}\n`);
      drawn = lines.length;
    } else if (!quiet && lines.join('\n') !== lastLine) {
      write(`${lines.join('\n')}\n`);
      lastLine = lines.join('\n');
    }
    if (running === desired && (await stillRunning(g, service, tasks))) {
      if (!quiet) write('verify: Service converged\n');
      return 0;
    }
    const loop = currentCrashLoop(service, tasks);
    if (loop) return reportCrashLoop(g, service, loop);
  }
  throw removedMeanwhile(ref);
}

/**
 * Whether the tasks of SERVICE running at the first look (SEEN) all still run SETTLE_MS later, and
 * no others: a crash-looping task replaced meanwhile by a new one that runs is not converged (the
 * watch's news meanwhile waits for the next turn).
 */
async function stillRunning(g: Globals, service: Service, seen: readonly Task[]): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return sameRunningTasks(seen, await tasksOf(g, service.id));
}

/**
 * How long every task must keep running before a service counts as converged: a task that exits
 * at once is first seen running (docker waits 5 s; this is enough to see such a task end, as the
 * manager sends task changes at most every 100 ms).
 */
const SETTLE_MS = 300;

/** Says that SERVICE's tasks keep ending (how the last ended, what it wrote): waiting on is pointless; exit 1. */
export async function reportCrashLoop(
  g: Globals,
  service: Service,
  loop: NonNullable<ReturnType<typeof currentCrashLoop>>,
): Promise<number> {
  // its agent sends the last lines with its end; its container (and so its log) may be gone
  const logTail = loop.last.status.logTail?.length
    ? loop.last.status.logTail
    : await lastLogLines(g, service.id, loop.last.id);
  warn(crashLoopReport(service, loop, logTail));
  return 1;
}

/** The service and (WITH_TASKS) its tasks that should run, now and after each change: the manager pushes them. */
async function* watchService(
  g: Globals,
  ref: string,
  withTasks: boolean,
): AsyncGenerator<{ service: Service; tasks: Task[] }> {
  for await (const state of manager(g).stream('WatchService', { ref, withTasks }))
    yield { service: parse<Service>(state.json), tasks: state.taskJson.map((j) => parse<Task>(j)) };
}

function removedMeanwhile(ref: string): ExitError {
  return new ExitError(`service ${ref} was removed meanwhile`, 1);
}

/** `service ls`'s flags, and `stack services`'s. */
export const LIST_OPTIONS = {
  quiet: { type: 'boolean', short: 'q' },
  format: { type: 'string' },
  filter: { type: 'string', short: 'f', multiple: true },
} satisfies Options;

/** `service ps`'s flags, and `stack ps`'s. */
export const TASK_OPTIONS = {
  quiet: { type: 'boolean', short: 'q' },
  format: { type: 'string' },
  filter: { type: 'string', short: 'f', multiple: true },
  'no-trunc': { type: 'boolean' },
} satisfies Options;

export const ls = command(
  { name: 'service ls', options: LIST_OPTIONS, operands: [] },
  async ({ values }, g) => listServices(g, values),
);

/** The services (those ONLY takes) as `service ls` prints them, by the flags in VALUES. */
export async function listServices(
  g: Globals,
  values: Values,
  only: (s: Service) => boolean = () => true,
): Promise<number> {
  const services = (await manager(g).call('ListServices', { filters: {} })).json.map((j) =>
    parse<Service>(j),
  );
  const tasks = (
    await manager(g).call('ListTasks', { service: '', node: '', desiredState: 'running' })
  ).json.map((j) => parse<Task>(j));
  const filters = keyValues(values.filter);
  const rows = services
    .filter(only)
    .filter((s) => !filters.name || s.spec.name.startsWith(filters.name))
    .filter((s) => !filters.id || s.id.startsWith(filters.id))
    .filter((s) => !filters.mode || ('replicated' in s.spec.mode ? 'replicated' : 'global') === filters.mode)
    .filter((s) => {
      if (!filters.label) return true;
      const [key, value] = filters.label.split(/=(.*)/s);
      return value === undefined ? key in s.spec.labels : s.spec.labels[key] === value;
    })
    .map((s) => serviceRow(s, tasks));
  printListing(
    rows,
    { table: 'table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}' },
    {
      format: values.format as string | undefined,
      quiet: !!values.quiet,
    },
  );
  return 0;
}

export const ps = command(
  { name: 'service ps', options: TASK_OPTIONS, operands: ['service+'] },
  async ({ values, positionals }, g) => listTasks(g, values, positionals),
);

/** The tasks of the services REFS as `service ps` prints them, by the flags in VALUES. */
export async function listTasks(g: Globals, values: Values, refs: string[]): Promise<number> {
  const filters = keyValues(values.filter);
  const nodes = await nodesById(g);
  const tasks: Task[] = [];
  for (const ref of refs) tasks.push(...(await tasksOf(g, ref, filters['desired-state'] ?? '')));
  const rows = taskRows(
    tasks.filter(
      (t) =>
        !filters.node ||
        nodes.get(t.nodeId)?.description.hostname === filters.node ||
        t.nodeId === filters.node,
    ),
    nodes,
    Date.now(),
    { noTrunc: !!values['no-trunc'] },
  );
  printListing(
    rows,
    {
      table:
        'table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}',
      headers: { DesiredState: 'DESIRED STATE', CurrentState: 'CURRENT STATE' },
    },
    { format: values.format as string | undefined, quiet: !!values.quiet },
  );
  return 0;
}

export const inspect = command(
  {
    name: 'service inspect',
    options: { format: { type: 'string', short: 'f' }, pretty: { type: 'boolean' } },
    operands: ['service+'],
  },
  async ({ values, positionals }, g) => {
    if (values.pretty && values.format)
      throw new UsageError('--format is incompatible with human friendly format');
    const services: Service[] = [];
    const code = await forEach(positionals, async (ref) => {
      services.push(await getService(g, ref));
      return null;
    });
    if (!services.length) return code;
    if (!values.pretty) printDocuments(services, values.format as string | undefined);
    else {
      const context = { networkNames: await networkNames(g, services), now: Date.now() };
      write(services.map((s) => servicePretty(s, context)).join(''));
    }
    return code;
  },
);

/** The names of the networks SERVICES are on, by id, as `--pretty` shows them. */
async function networkNames(g: Globals, services: Service[]): Promise<Map<string, string>> {
  if (!services.some((s) => s.spec.networks?.length)) return new Map();
  const networks = (await manager(g).call('ListNetworks', { filters: {} })).json.map((j) =>
    parse<Network>(j),
  );
  return new Map(networks.map((n) => [n.id, n.spec.name]));
}

async function updateSpec(g: Globals, ref: string, change: (spec: ServiceSpec) => void): Promise<Service> {
  const service = await getService(g, ref);
  const spec = structuredClone(service.spec);
  change(spec);
  return parse<Service>(
    (
      await manager(g).call('UpdateService', {
        ref: service.id,
        specJson: JSON.stringify(spec),
        version: service.meta.version,
      })
    ).json,
  );
}

export const scale = command(
  {
    name: 'service scale',
    options: { detach: { type: 'boolean', short: 'd' } },
    operands: ['service=replicas+'],
  },
  async ({ values, positionals }, g) => {
    let failed = 0;
    const scaled: string[] = [];
    for (const pair of positionals) {
      const m = /^([^=]+)=(\d+)$/.exec(pair);
      if (!m) throw new UsageError(`service scale: invalid scale specifier '${pair}': use SERVICE=REPLICAS`);
      try {
        await updateSpec(g, m[1], (spec) => {
          if (!('replicated' in spec.mode))
            throw new UsageError(`scale can only be used with replicated mode (${m[1]} is global)`);
          spec.mode = { replicated: { replicas: Number(m[2]) } };
        });
        write(`${m[1]} scaled to ${m[2]}\n`);
        scaled.push(m[1]);
      } catch (error) {
        if (!(error instanceof RpcError) && !(error instanceof UsageError)) throw error;
        process.stderr.write(`${error.message}\n`);
        failed++;
      }
    }
    if (!values.detach) for (const name of scaled) await converge(g, name, false);
    return failed ? 1 : 0;
  },
);

export const update = command(
  {
    name: 'service update',
    options: {
      replicas: { type: 'string' },
      'constraint-add': { type: 'string', multiple: true },
      'constraint-rm': { type: 'string', multiple: true },
      'placement-pref-add': { type: 'string', multiple: true },
      'placement-pref-rm': { type: 'string', multiple: true },
      'max-replicas': { type: 'string' },
      'label-add': { type: 'string', multiple: true },
      'label-rm': { type: 'string', multiple: true },
      image: { type: 'string' },
      'env-add': { type: 'string', multiple: true },
      'env-rm': { type: 'string', multiple: true },
      'secret-add': { type: 'string', multiple: true },
      'secret-rm': { type: 'string', multiple: true },
      'config-add': { type: 'string', multiple: true },
      'config-rm': { type: 'string', multiple: true },
      args: { type: 'string' },
      force: { type: 'boolean' },
      ...rolloutFlags('update'),
      ...rolloutFlags('rollback'),
      detach: { type: 'boolean', short: 'd' },
      quiet: { type: 'boolean', short: 'q' },
    },
    operands: ['service'],
  },
  async ({ values, positionals }, g) => {
    const list = (flag: string) => (values[flag] as string[] | undefined) ?? [];
    const service = await updateSpec(g, positionals[0], (spec) => {
      if (values.replicas !== undefined) {
        if (!('replicated' in spec.mode))
          throw new UsageError('replicas can only be used with replicated mode');
        spec.mode = { replicated: { replicas: Number(values.replicas) } };
      }
      const placement = spec.task.placement;
      placement.constraints = [
        ...placement.constraints.filter((c) => !list('constraint-rm').includes(c)),
        ...list('constraint-add'),
      ];
      const prefsRm = list('placement-pref-rm').map((p) => parsePlacementPref(p).spread);
      placement.preferences = [
        ...placement.preferences.filter((p) => !prefsRm.includes(p.spread)),
        ...list('placement-pref-add').map(parsePlacementPref),
      ];
      if (values['max-replicas'] !== undefined) placement.maxReplicasPerNode = Number(values['max-replicas']);
      for (const key of list('label-rm')) delete spec.labels[key];
      Object.assign(spec.labels, keyValues(values['label-add']));
      const container = spec.task.container;
      if (values.image !== undefined) container.image = values.image as string;
      if (values.args !== undefined) container.args = (values.args as string).split(/\s+/).filter(Boolean);
      const envNames = (entries: string[]) => new Set(entries.map((e) => e.split('=')[0]));
      const removed = envNames([...list('env-rm'), ...list('env-add')]);
      container.env = [...container.env.filter((e) => !removed.has(e.split('=')[0])), ...list('env-add')];
      for (const [field, flag] of [
        ['secrets', 'secret'],
        ['configs', 'config'],
      ] as const) {
        if (!list(`${flag}-add`).length && !list(`${flag}-rm`).length) continue; // untouched stays as it is
        const added = list(`${flag}-add`).map((t) => parseFileReference(flag, t));
        const gone = new Set([...list(`${flag}-rm`), ...added.map((r) => r.source)]);
        const kept = (container[field] ?? []).filter((r) => !gone.has(r.source));
        container[field] = [...kept, ...added];
      }
      if (values.force) spec.task.forceUpdate += 1;
      spec.updateConfig = updateConfigFromFlags(values, 'update', spec.updateConfig ?? DEFAULT_UPDATE_CONFIG);
      spec.rollbackConfig = updateConfigFromFlags(
        values,
        'rollback',
        spec.rollbackConfig ?? DEFAULT_ROLLBACK_CONFIG,
      );
    });
    write(`${positionals[0]}\n`);
    if (values.detach) return 0;
    return service.updateStatus?.state === 'updating'
      ? followRollout(g, service.id, service.specVersion, !!values.quiet)
      : converge(g, service.id, !!values.quiet);
  },
);

export const rollback = command(
  {
    name: 'service rollback',
    options: { detach: { type: 'boolean', short: 'd' }, quiet: { type: 'boolean', short: 'q' } },
    operands: ['service'],
  },
  async ({ values, positionals }, g) => {
    const service = parse<Service>((await manager(g).call('RollbackService', { ref: positionals[0] })).json);
    write(`${positionals[0]}\n`);
    if (values.detach) return 0;
    return followRollout(g, service.id, service.specVersion, !!values.quiet);
  },
);

/**
 * Shows a rollout until it ends, as `docker service update` does: how many tasks run the new
 * spec, and the update status; exit 1 when it paused or was rolled back.
 */
async function followRollout(g: Globals, ref: string, specVersion: number, quiet: boolean): Promise<number> {
  const tty = process.stdout.isTTY && !quiet;
  let last = '';
  // quiet, the service's status is enough; the progress line needs its tasks
  for await (const { service, tasks } of watchService(g, ref, !quiet)) {
    const status = service.updateStatus;
    if (!quiet) {
      const current = tasks.filter(
        (t) => !isTaskDirty(t, service) && t.status.state === 'running' && t.desiredState === 'running',
      );
      const [, desired] = replicasColumn(service, tasks).split('/').map(Number);
      const line = `overall progress: ${Math.min(current.length, desired)} out of ${desired} tasks updated — ${status?.state ?? 'updating'}${status?.message ? `: ${status.message}` : ''}`;
      if (line !== last) {
        write(tty && last ? `\x1b[1A\x1b[J${line}\n` : `${line}\n`);
        last = line;
      }
    }
    // a rollback is a newer spec version too; any other newer version is someone else's update
    if (service.specVersion !== specVersion && !status?.state.startsWith('rollback')) {
      if (!quiet) write('verify: a newer update superseded this one\n');
      return 0;
    }
    const loop = quiet ? null : currentCrashLoop(service, tasks);
    if (loop && status?.state !== 'completed') return reportCrashLoop(g, service, loop);
    if (status?.state === 'completed' || status?.state === 'rollback_completed') {
      if (!quiet)
        write(`verify: Service converged${status.state === 'rollback_completed' ? ' (rolled back)' : ''}\n`);
      return status.state === 'completed' ? 0 : 1;
    }
    if (status?.state === 'paused' || status?.state === 'rollback_paused') return 1;
  }
  throw removedMeanwhile(ref);
}

export const rm = command(
  { name: 'service rm', options: {}, operands: ['service+'] },
  async ({ positionals }, g) => {
    return forEach(positionals, async (ref) => {
      await manager(g).call('RemoveService', { ref, force: false });
      return ref;
    });
  },
);

export const logs = command(
  {
    name: 'service logs',
    options: {
      follow: { type: 'boolean', short: 'f' },
      tail: { type: 'string', short: 'n' },
      since: { type: 'string' },
      timestamps: { type: 'boolean', short: 't' },
      raw: { type: 'boolean' },
      'no-task-ids': { type: 'boolean' },
    },
    operands: ['service'],
  },
  async ({ values, positionals }, g) => {
    const tail = values.tail === undefined || values.tail === 'all' ? -1 : Number(values.tail);
    const nodes = await nodesById(g);
    const service = await getService(g, positionals[0]);
    for await (const record of manager(g).stream('ServiceLogs', {
      service: service.id,
      follow: !!values.follow,
      tail,
      sinceUnixMs: 0,
      timestamps: !!values.timestamps,
    })) {
      const when = values.timestamps ? `${new Date(Number(record.timeUnixNano) / 1e6).toISOString()} ` : '';
      const task = values['no-task-ids'] ? '' : `.${record.taskId.slice(0, 12)}`;
      const prefix = values.raw
        ? ''
        : `${service.spec.name}.${record.slot || record.nodeId}${task}@${nodes.get(record.nodeId)?.description.hostname ?? record.nodeId}    | `;
      (record.stream === 2 ? process.stderr : process.stdout).write(
        `${when}${prefix}${Buffer.from(record.data).toString()}`,
      );
    }
    return 0;
  },
);
