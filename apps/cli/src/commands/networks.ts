/** berth network create|ls|inspect|rm|connect|disconnect|prune */
import { keyValues } from '@berth/cli-support/args';
import { decodeAnswer } from '../decode-answers';
import { decodeNetwork } from '@berth/cluster';
import { RpcError, Status } from '@berth/proto/status';
import { command, engine, forEach, write, type Globals } from '../context';
import { currentContextName, manager } from '../manager';
import { inspectEach, printListing } from '../output';

export const create = command(
  {
    name: 'network create',
    options: {
      driver: { type: 'string', short: 'd' },
      subnet: { type: 'string' },
      gateway: { type: 'string' },
      label: { type: 'string', multiple: true },
      internal: { type: 'boolean' },
      attachable: { type: 'boolean' },
    },
    operands: ['name'],
  },
  async ({ values, positionals }, g) => {
    const labels = keyValues(values.label);
    if (values.driver === 'overlay') {
      // overlay networks span machines: the cluster's manager makes them
      const spec = {
        name: positionals[0],
        driver: 'overlay',
        labels,
        attachable: values.attachable === true,
        ingress: false,
        subnet: (values.subnet as string | undefined) ?? '',
      };
      const network = decodeAnswer(
        (await manager(g).call('CreateNetwork', { specJson: JSON.stringify(spec) })).json,
        decodeNetwork,
      );
      write(`${network.id}\n`);
      return 0;
    }
    const doc = JSON.parse(
      (
        await engine(g).call('CreateNetwork', {
          name: positionals[0],
          driver: (values.driver as string | undefined) ?? '',
          subnet: (values.subnet as string | undefined) ?? '',
          gateway: (values.gateway as string | undefined) ?? '',
          labels,
          internal: values.internal === true,
          attachable: values.attachable === true,
        })
      ).json,
    ) as { Id: string };
    write(`${doc.Id}\n`);
    return 0;
  },
);

export const ls = command(
  {
    name: 'network ls',
    options: {
      quiet: { type: 'boolean', short: 'q' },
      format: { type: 'string' },
      'no-trunc': { type: 'boolean' },
      filter: { type: 'string', short: 'f', multiple: true },
    },
    operands: [],
  },
  async ({ values }, g) => {
    const local = await orInCluster(
      g,
      async () => (await engine(g).call('ListNetworks', {})).networks,
      async () => [],
    );
    const known = new Set(local.map((n) => n.id));
    const cluster = (await clusterNetworks(g)).filter((n) => !known.has(n.id)); // a machine lists those it carries too
    const rows = [...local, ...cluster].map((n) => ({
      ID: values['no-trunc'] ? n.id : n.id.slice(0, 12),
      Name: n.name,
      Driver: n.driver,
      Scope: n.scope,
      Subnet: n.subnet,
      CreatedAt: new Date(n.createdMs).toISOString(),
    }));
    printListing(
      rows,
      { table: 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}', headers: { ID: 'NETWORK ID' } },
      { format: values.format as string | undefined, quiet: values.quiet === true },
    );
    return 0;
  },
);

export const inspect = command(
  { name: 'network inspect', options: { format: { type: 'string', short: 'f' } }, operands: ['network+'] },
  async ({ values, positionals }, g) => {
    return inspectEach(positionals, values.format as string | undefined, async (name) => {
      const answer = await orInCluster(
        g,
        () => engine(g).call('InspectNetwork', { name }),
        (m) => m.call('GetNetwork', { ref: name }),
      );
      return JSON.parse(answer.json);
    });
  },
);

export const rm = command(
  { name: 'network rm', options: { force: { type: 'boolean', short: 'f' } }, operands: ['network+'] },
  async ({ positionals }, g) => {
    return forEach(positionals, async (name) => {
      await orInCluster(
        g,
        () => engine(g).call('RemoveNetwork', { name }),
        (m) => m.call('RemoveNetwork', { ref: name, force: false }),
      );
      return name;
    });
  },
);

export const connect = command(
  {
    name: 'network connect',
    options: { alias: { type: 'string', multiple: true } },
    operands: ['network', 'container'],
  },
  async ({ values, positionals }, g) => {
    await engine(g).call('ConnectNetwork', {
      network: positionals[0],
      container: positionals[1],
      aliases: (values.alias as string[] | undefined) ?? [],
    });
    return 0;
  },
);

export const disconnect = command(
  {
    name: 'network disconnect',
    options: { force: { type: 'boolean', short: 'f' } },
    operands: ['network', 'container'],
  },
  async ({ values, positionals }, g) => {
    await engine(g).call('DisconnectNetwork', {
      network: positionals[0],
      container: positionals[1],
      force: values.force === true,
    });
    return 0;
  },
);

export const prune = command(
  { name: 'network prune', options: { force: { type: 'boolean', short: 'f' } }, operands: [] },
  async (_, g) => {
    const [{ networks }, { containers }] = await Promise.all([
      engine(g).call('ListNetworks', {}),
      engine(g).call('ListContainers', { all: true }),
    ]);
    const used = new Set(containers.flatMap((c) => c.networks));
    const removed: string[] = [];
    for (const n of networks) {
      if (['bridge', 'host', 'none'].includes(n.name) || used.has(n.name)) continue;
      await engine(g).call('RemoveNetwork', { name: n.name });
      removed.push(n.name);
    }
    if (removed.length) write(`Deleted Networks:\n${removed.map((n) => `${n}\n`).join('')}`);
    return 0;
  },
);

type Manager = ReturnType<typeof manager>;

/** The engine does not know it (or there is no engine here): the cluster may. */
function elsewhere(error: unknown): boolean {
  return (
    error instanceof RpcError && (error.status === Status.NOT_FOUND || error.kind === 'EngineUnavailable')
  );
}

/** The cluster's overlay networks as `network ls` rows, when the CLI has a cluster context. */
async function clusterNetworks(g: Globals) {
  if (!currentContextName(g)) return [];
  const found = await manager(g).call('ListNetworks', { filters: {} });
  return found.json.map((json) => {
    const n = decodeAnswer(json, decodeNetwork);
    return {
      id: n.id,
      name: n.spec.name,
      driver: n.spec.driver,
      scope: 'swarm',
      subnet: n.subnet,
      createdMs: n.meta.createdAt,
    };
  });
}

/** Docker's engine knows a manager's overlay networks; here the engine answers first, then the cluster. */
async function orInCluster<T>(
  g: Globals,
  onEngine: () => Promise<T>,
  onManager: (m: Manager) => Promise<T>,
): Promise<T> {
  try {
    return await onEngine();
  } catch (error) {
    if (!elsewhere(error) || !currentContextName(g)) throw error;
    return onManager(manager(g));
  }
}
