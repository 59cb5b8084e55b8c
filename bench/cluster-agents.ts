/**
 * Simulated machines for `npm run bench:cluster` and `bench:scale`: COUNT nodes in this one
 * process, each joining the cluster with the join token and keeping its own TLS session with the
 * manager, exactly as an agent does, but reporting each assigned task RUNNING at once instead of
 * running a container. Prints "ready" once every session said hello; runs until killed.
 *
 *   node dist/bench/cluster-agents.js MANAGER_ADDR TOKEN COUNT NAME_PREFIX [JOIN_CONCURRENCY]
 *
 * JOIN_CONCURRENCY (25): joins in flight at once, each on a connection of its own.
 */
import * as os from 'node:os';
import { AGENT_RECONNECT_MAX_MS, type NodeDescription, type Task, type TaskStatus } from '@berth/cluster';
import { CLUSTER_SERVICE, DISPATCHER_SERVICE, GrpcClient } from '@berth/proto';
import { createKeyAndCsr } from '@berth/trust';

const [managerAddr, token, countText, prefix, concurrencyText] = process.argv.slice(2);
const NAME = { what: 'the manager', hint: '' };

function description(hostname: string): NodeDescription {
  return {
    hostname,
    platform: { os: 'linux', architecture: 'x86_64' },
    resources: { nanoCpus: 4e9, memoryBytes: 8 * 2 ** 30 },
    engineVersion: 'simulated',
    engineLabels: {},
  };
}

interface Identity {
  hostname: string;
  certPem: string;
  caPem: string;
}

async function join(hostname: string, csrPem: string, caPem: string): Promise<Identity> {
  const client = new GrpcClient(CLUSTER_SERVICE, { address: managerAddr, tls: { ca: caPem } }, NAME);
  try {
    const answer = await client.call('Join', {
      token,
      csrPem,
      descriptionJson: JSON.stringify(description(hostname)),
    });
    return { hostname, certPem: answer.certPem, caPem: answer.caPem };
  } finally {
    await client.close();
  }
}

/** A join tried again (three times, a second apart) when the manager could not take it now, as a person would. */
async function joinPatiently(hostname: string, csrPem: string, caPem: string): Promise<Identity> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await join(hostname, csrPem, caPem);
    } catch (error) {
      if (attempt === 3) throw error;
      process.stderr.write(`${hostname}: join failed (${(error as Error).message}); trying again\n`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/**
 * One node's session: hello, heartbeats, and RUNNING (or SHUTDOWN) for whatever it is given;
 * opened again a second after it ends (the manager closed it, or it broke), as an agent does.
 */
function session(identity: Identity, keyPem: string, onHello: () => void): void {
  const client = new GrpcClient(
    DISPATCHER_SERVICE,
    { address: managerAddr, tls: { ca: identity.caPem, cert: identity.certPem, key: keyPem } },
    NAME,
  );
  const call = client.duplex('Session');
  const reported = new Map<string, string>();
  call.send({ hello: { descriptionJson: JSON.stringify(description(identity.hostname)) } });
  let heartbeat: NodeJS.Timeout | null = null;
  let periodMs = 0;
  void (async () => {
    for await (const message of call) {
      if (message.session) {
        // sent again whenever the managers' list changes: one heartbeat timer, at the period it says
        if (!heartbeat) onHello();
        if (Number(message.session.heartbeatPeriodMs) !== periodMs) {
          periodMs = Number(message.session.heartbeatPeriodMs);
          if (heartbeat) clearInterval(heartbeat);
          heartbeat = setInterval(() => call.send({ heartbeat: {} }), periodMs);
        }
      }
      if (!message.assignments) continue;
      for (const id of message.assignments.removedTaskIds) reported.delete(id);
      const updates = [];
      for (const json of message.assignments.tasksJson) {
        const task = JSON.parse(json) as Task;
        const state =
          task.desiredState === 'running' ? 'running' : task.desiredState === 'ready' ? null : 'shutdown';
        if (!state || reported.get(task.id) === state) continue;
        reported.set(task.id, state);
        const status: TaskStatus = {
          state,
          timestamp: Date.now(),
          message: 'simulated',
          err: '',
          containerId: '',
          exitCode: null,
        };
        updates.push({ taskId: task.id, statusJson: JSON.stringify(status) });
      }
      if (updates.length) call.send({ statuses: { updates } });
    }
  })()
    .catch((error: Error) => process.stderr.write(`${identity.hostname}: ${error.message}\n`))
    .finally(() => {
      if (heartbeat) clearInterval(heartbeat);
      void client.close().catch(() => undefined);
      setTimeout(() => session(identity, keyPem, () => undefined), AGENT_RECONNECT_MAX_MS);
    });
}

async function main(): Promise<void> {
  const count = Number(countText);
  // every simulated node uses one key: what is measured is the manager, not key generation
  const { keyPem, csrPem } = await createKeyAndCsr(`${prefix}-sim`);
  const pinless = new GrpcClient(
    CLUSTER_SERVICE,
    { address: managerAddr, tls: { ca: '', insecure: true } },
    NAME,
  );
  const ca = await pinless.call('GetCa', {});
  await pinless.close();
  // a pool rather than batches: a slow join does not hold up the ones behind it; each node opens
  // its session once it joined, as a machine that boots does (not all at once after every join)
  let hellos = 0;
  const helloed = () => {
    if (++hellos === count) process.stdout.write(`ready ${count} on ${os.hostname()}\n`);
  };
  let next = 0;
  const joiner = async () => {
    for (let i = next++; i < count; i = next++)
      session(await joinPatiently(`${prefix}-${i}`, csrPem, ca.caPem), keyPem, helloed);
  };
  await Promise.all(Array.from({ length: Number(concurrencyText ?? 25) }, joiner));
}

main().catch((error: Error) => {
  process.stderr.write(`cluster-agents: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
