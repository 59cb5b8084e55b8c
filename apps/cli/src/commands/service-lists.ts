/** berth service ls|ps, and the listings `stack services` and `stack ps` share with them. */
import { keyValues, type Options, type Values } from '@berth/cli-support/args';
import {
  decodeService,
  decodeTask,
  serviceStatus,
  serviceStatusOfCounts,
  type Service,
  type Task,
} from '@berth/cluster';
import { command, type Globals } from '../context';
import { decodeAnswers } from '../decode-answers';
import { manager } from '../manager';
import { printListing } from '../output';
import { serviceRow, taskRows, type ServiceCounts } from '../cluster-views/views';
import { nodesById, tasksOf } from './service-calls';

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
  const { services, counts } = await servicesWithCounts(g);
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
    .map((s) => serviceRow(s, counts.get(s.id) ?? serviceStatus(s, [])));
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

/**
 * The services with their task counts, counted by the manager; one that does not count them (an
 * older one) is asked for every running task instead.
 */
async function servicesWithCounts(
  g: Globals,
): Promise<{ services: Service[]; counts: Map<string, ServiceCounts> }> {
  const reply = await manager(g).call('ListServices', { filters: {}, withStatus: true });
  const services = decodeAnswers(reply.json, decodeService);
  if (reply.statuses.length === services.length) {
    return {
      services,
      counts: new Map(services.map((s, i) => [s.id, serviceStatusOfCounts(reply.statuses[i])])),
    };
  }
  const tasks = decodeAnswers(
    (await manager(g).call('ListTasks', { service: '', node: '', desiredState: 'running' })).json,
    decodeTask,
  );
  return { services, counts: new Map(services.map((s) => [s.id, serviceStatus(s, tasks)])) };
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
