/** berth node ls|inspect|update|rm|ps|promote|demote — Docker's node verbs, on the manager. */
import { keyValues, UsageError } from '@berth/cli-support/args';
import { decodeAnswer, decodeAnswers } from '../decode-answers';
import { decodeNode, decodeTask, dockerNode, type Node, type NodeSpec, type Task } from '@berth/cluster';
import { command, forEach, write, type Command, type Globals } from '../context';
import { manager } from '../manager';
import { printDocuments, printListing } from '../output';
import { nodeRow, taskRows } from '../cluster-views/views';

async function getNode(g: Globals, ref: string): Promise<Node> {
  return decodeAnswer((await manager(g).call('GetNode', { ref })).json, decodeNode);
}

async function allNodes(g: Globals): Promise<Node[]> {
  return decodeAnswers((await manager(g).call('ListNodes', { filters: {} })).json, decodeNode);
}

export const ls = command(
  {
    name: 'node ls',
    options: {
      quiet: { type: 'boolean', short: 'q' },
      format: { type: 'string' },
      filter: { type: 'string', short: 'f', multiple: true },
    },
    operands: [],
  },
  async ({ values }, g) => {
    const filters = keyValues(values.filter);
    const rows = (await allNodes(g))
      .filter((n) => !filters.role || n.spec.role === filters.role)
      .filter((n) => !filters.name || n.description.hostname.startsWith(filters.name))
      .filter((n) => !filters.id || n.id.startsWith(filters.id))
      .filter((n) => !filters['node.label'] || matchesLabel(n.spec.labels, filters['node.label']))
      .map((n) => nodeRow(n));
    printListing(
      rows,
      {
        table:
          'table {{.ID}}\t{{.Hostname}}\t{{.Status}}\t{{.Availability}}\t{{.ManagerStatus}}\t{{.EngineVersion}}',
        headers: { ManagerStatus: 'MANAGER STATUS', EngineVersion: 'ENGINE VERSION' },
      },
      { format: values.format as string | undefined, quiet: !!values.quiet },
    );
    return 0;
  },
);

function matchesLabel(labels: Record<string, string>, filter: string): boolean {
  const [key, value] = filter.split(/=(.*)/s, 2);
  return key in labels && (value === undefined || labels[key] === value);
}

export const inspect = command(
  {
    name: 'node inspect',
    options: { format: { type: 'string', short: 'f' }, pretty: { type: 'boolean' } },
    operands: ['node+'],
  },
  async ({ values, positionals }, g) => {
    const documents: unknown[] = [];
    const code = await forEach(positionals, async (ref) => {
      documents.push(dockerNode(await getNode(g, ref)));
      return null;
    });
    if (documents.length) printDocuments(documents, values.format as string | undefined);
    return code;
  },
);

async function updateNode(g: Globals, ref: string, change: (spec: NodeSpec) => void): Promise<void> {
  const node = await getNode(g, ref);
  const spec = structuredClone(node.spec);
  change(spec);
  await manager(g).call('UpdateNode', {
    ref: node.id,
    specJson: JSON.stringify(spec),
    version: node.meta.version,
  });
}

export const update = command(
  {
    name: 'node update',
    options: {
      availability: { type: 'string' },
      role: { type: 'string' },
      'label-add': { type: 'string', multiple: true },
      'label-rm': { type: 'string', multiple: true },
    },
    operands: ['node'],
  },
  async ({ values, positionals }, g) => {
    const availability = values.availability as string | undefined;
    if (availability && !['active', 'pause', 'drain'].includes(availability))
      throw new UsageError(`node update: invalid availability "${availability}" (active, pause or drain)`);
    const role = values.role as string | undefined;
    if (role && role !== 'worker' && role !== 'manager')
      throw new UsageError(`node update: invalid role "${role}" (worker or manager)`);
    await updateNode(g, positionals[0], (spec) => {
      if (availability) spec.availability = availability as NodeSpec['availability'];
      if (role) spec.role = role as NodeSpec['role'];
      for (const key of (values['label-rm'] as string[] | undefined) ?? []) {
        if (!(key in spec.labels))
          throw new UsageError(`node update: key ${key} doesn't exist in node's labels`);
        delete spec.labels[key];
      }
      Object.assign(spec.labels, keyValues(values['label-add']));
    });
    write(`${positionals[0]}\n`);
    return 0;
  },
);

function setRole(role: NodeSpec['role'], verb: string): Command {
  return command({ name: `node ${verb}`, options: {}, operands: ['node+'] }, async ({ positionals }, g) =>
    forEach(positionals, async (ref) => {
      await updateNode(g, ref, (spec) => (spec.role = role));
      return `Node ${ref} ${verb}d ${role === 'manager' ? 'to a manager in the cluster' : 'in the cluster'}.`;
    }),
  );
}

export const promote = setRole('manager', 'promote');
export const demote = setRole('worker', 'demote');

export const rm = command(
  { name: 'node rm', options: { force: { type: 'boolean', short: 'f' } }, operands: ['node+'] },
  async ({ values, positionals }, g) => {
    return forEach(positionals, async (ref) => {
      await manager(g).call('RemoveNode', { ref, force: !!values.force });
      return ref;
    });
  },
);

export const ps = command(
  {
    name: 'node ps',
    options: {
      quiet: { type: 'boolean', short: 'q' },
      format: { type: 'string' },
      filter: { type: 'string', short: 'f', multiple: true },
      'no-trunc': { type: 'boolean' },
    },
    operands: ['node+'],
  },
  async ({ values, positionals }, g) => {
    const filters = keyValues(values.filter);
    const nodes = new Map((await allNodes(g)).map((n) => [n.id, n]));
    const tasks: Task[] = [];
    for (const ref of positionals) {
      const node = await getNode(g, ref);
      const found = await manager(g).call('ListTasks', {
        service: '',
        node: node.id,
        desiredState: filters['desired-state'] ?? '',
      });
      tasks.push(...decodeAnswers(found.json, decodeTask));
    }
    printListing(
      taskRows(tasks, nodes, Date.now(), { noTrunc: !!values['no-trunc'] }),
      {
        table:
          'table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}',
        headers: { DesiredState: 'DESIRED STATE', CurrentState: 'CURRENT STATE' },
      },
      { format: values.format as string | undefined, quiet: !!values.quiet },
    );
    return 0;
  },
);
