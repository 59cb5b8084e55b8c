/** berth cluster init|join|join-token|leave|inspect — Docker's `swarm` verbs. */
import { UsageError } from '@berth/cli-support/args';
import { decodeClusterView, dockerSwarm } from '@berth/cluster';
import { command, engine, write } from '../context';
import { decodeAnswer } from '../decode-answers';
import { localManager, manager, saveContext } from '../manager';
import { printDocuments } from '../output';

export const init = command(
  {
    name: 'cluster init',
    options: {
      'advertise-addr': { type: 'string' },
      'manager-socket': { type: 'string' },
      'context-name': { type: 'string' },
    },
    operands: [],
  },
  async ({ values }, g) => {
    const advertiseAddr = (values['advertise-addr'] as string | undefined) ?? '';
    const socket = (values['manager-socket'] as string | undefined) ?? process.env.BERTH_MANAGER_SOCKET;
    // on an engine (Swarm's way): its machine becomes the first manager node; on a manager's own
    // socket: a cluster with a manager and no node yet
    const made = socket
      ? await localManager(socket).call('Init', { advertiseAddr })
      : await engine(g)
          .call('InitCluster', { advertiseAddr })
          .then((a) => ({ ...a, client: { caPem: a.caPem, certPem: a.certPem, keyPem: a.keyPem } }));
    const addr = made.managerAddr;
    const name = (values['context-name'] as string | undefined) ?? 'default';
    saveContext(g, { name, managerAddr: addr, ...made.client! }, true);
    const node = 'nodeId' in made ? `; this node (${made.nodeId}) is its first manager` : '';
    write(
      `Cluster initialized: cluster ${made.clusterId}, manager at ${addr}${node}.\n\n` +
        `To add a worker to this cluster, run the following command on it:\n\n` +
        `    berth cluster join --token ${made.workerToken} ${addr}\n\n` +
        `To add a manager, run 'berth cluster join-token manager' and follow the instructions.\n` +
        `The CLI's context "${name}" now points at this cluster ('berth node ls' works from here).\n`,
    );
    return 0;
  },
);

export const join = command(
  { name: 'cluster join', options: { token: { type: 'string' } }, operands: ['host:port'] },
  async ({ values, positionals }, g) => {
    const token = values.token as string | undefined;
    if (!token)
      throw new UsageError(
        'cluster join: --token is required (see `berth cluster join-token worker` on a manager)',
      );
    const answer = await engine(g).call('JoinCluster', { managerAddr: positionals[0], token });
    write(`This node joined a cluster as a ${answer.role} (node ${answer.nodeId}).\n`);
    return 0;
  },
);

export const joinToken = command(
  {
    name: 'cluster join-token',
    options: { quiet: { type: 'boolean', short: 'q' }, rotate: { type: 'boolean' } },
    operands: ['worker|manager'],
  },
  async ({ values, positionals }, g) => {
    const role = positionals[0];
    if (role !== 'worker' && role !== 'manager')
      throw new UsageError(`cluster join-token: unknown role ${role} (worker or manager)`);
    const { token } = await manager(g).call('JoinToken', { role, rotate: !!values.rotate });
    if (values.quiet) write(`${token}\n`);
    else {
      const addr = manager(g).where;
      if (values.rotate) write(`Successfully rotated ${role} join token.\n\n`);
      write(
        `To add a ${role} to this cluster, run the following command:\n\n    berth cluster join --token ${token} ${addr}\n\n`,
      );
    }
    return 0;
  },
);

export const leave = command(
  { name: 'cluster leave', options: { force: { type: 'boolean', short: 'f' } }, operands: [] },
  async ({ values }, g) => {
    await engine(g).call('LeaveCluster', { force: !!values.force });
    write('Node left the cluster.\n');
    return 0;
  },
);

export const inspect = command(
  { name: 'cluster inspect', options: { format: { type: 'string', short: 'f' } }, operands: [] },
  async ({ values }, g) => {
    // Docker's Swarm document; this CLI holds an admin certificate, so the join tokens are its to see
    const cluster = decodeAnswer((await manager(g).call('Inspect', {})).json, decodeClusterView);
    printDocuments([dockerSwarm(cluster, { joinTokens: true })], values.format as string | undefined);
    return 0;
  },
);
