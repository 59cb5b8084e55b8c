/**
 * The control plane as Swarm users know it, and its faults done for real, on a local cluster of
 * three manager machines (an etcd member and a manager beside each agent) and one worker. Faults
 * are counted as users count them: every task of a steady service keeps its id, its container and
 * its container's start time.
 * - managers are nodes: MANAGER STATUS, `node.role` placement, demote refused without a majority;
 * - the leader SIGKILLed mid-rollout: another leads within 3 s, each slot is replaced once;
 * - one etcd member killed: nothing noticeable; two for 20 s: writes refused clearly, then served;
 * - Redis lost mid-rollout: the rollout finishes; the worker cut off for 30 s: its tasks replaced
 *   after the grace period, and its old ones gone within the stop grace period of its return;
 * - every manager away for 2 minutes: started again, they touch no task.
 */
import { ClusterHarness, until, type ClusterMachine } from '@berth/testing';

jest.setTimeout(300_000);

let cluster: ClusterHarness | undefined;
beforeAll(async () => {
  cluster = await ClusterHarness.start({ machines: 4, managers: 3 });
  for (const m of cluster.machines) m.importBusybox();
}, 180_000);
afterAll(async () => {
  await cluster?.stop();
});

const c = () => cluster!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ALL_READY = ['m1 Ready', 'm2 Ready', 'm3 Ready', 'm4 Ready'];
/** the managers' heartbeat grace (berth-manager's default) */
const GRACE_MS = 3000;

function berth(...args: string[]): string {
  const r = c().berth(args, { timeoutMs: 120_000 });
  if (r.status !== 0) throw new Error(`berth ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** The ids of SERVICE's running task containers on machine M. */
const runningContainers = (m: ClusterMachine, service: string) =>
  m
    .berth(['ps', '-q', '--no-trunc', '--filter', `label=com.docker.swarm.service.name=${service}`])
    .stdout.trim()
    .split('\n')
    .filter(Boolean);

/** SERVICE's task containers on every machine: "task id container id start time", sorted. */
function taskContainers(service = 'steady'): string[] {
  return c()
    .machines.flatMap((m) => {
      const ids = runningContainers(m, service);
      if (!ids.length) return [];
      const format = '{{index .Config.Labels "com.docker.swarm.task.id"}} {{.Id}} {{.State.StartedAt}}';
      const r = m.berth(['inspect', '--format', format, ...ids]);
      if (r.status !== 0) throw new Error(`inspect on ${m.name}: ${r.stderr}`);
      return r.stdout.trim().split('\n');
    })
    .sort();
}

/** Every task of SERVICE, history included: "id desired-state node", sorted. */
function tasksOf(service: string): string[] {
  const format = '{{.ID}} {{.DesiredState}} {{.Node}}';
  return berth('service', 'ps', service, '--no-trunc', '--format', format).trim().split('\n').sort();
}

/** Every node as "hostname status", sorted. */
const nodeStatuses = () =>
  berth('node', 'ls', '--format', '{{.Hostname}} {{.Status}}').trim().split('\n').sort();

/** Every node as "hostname manager-status" (just "m4" for a worker), sorted. */
const managerStatuses = () =>
  berth('node', 'ls', '--format', '{{.Hostname}} {{.ManagerStatus}}')
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .sort();

/** Waits until SERVICE runs all its REPLICAS, as service ls says. */
const converged = (service: string, replicas: number, timeoutMs = 60_000) =>
  until(
    `${service} ${replicas}/${replicas}`,
    () => c().berth(['service', 'ls', '--filter', `name=${service}`, '--format', '{{.Replicas}}']),
    (r) => r.status === 0 && r.stdout.trim() === `${replicas}/${replicas}`,
    timeoutMs,
  );

/** The nodes SERVICE's running tasks are on, sorted. */
const nodesOf = (service: string) =>
  berth('service', 'ps', service, '--filter', 'desired-state=running', '--format', '{{.Node}}')
    .trim()
    .split('\n')
    .sort();

const rolloutState = (service: string) =>
  (JSON.parse(berth('service', 'inspect', service)) as { UpdateStatus?: { State: string } }[])[0].UpdateStatus
    ?.State;

/** Starts a rolling update of SERVICE (a new variable), two tasks at a time, DELAY apart; returns at once. */
const rollOut = (service: string, delay: string) =>
  berth(
    'service',
    'update',
    '-d',
    '--update-parallelism',
    '2',
    '--update-delay',
    delay,
    '--update-monitor',
    '1s',
    '--env-add',
    'ROLL=1',
    service,
  );

/** Makes SERVICE's REPLICAS of a long sleep and waits until they run. */
async function steadyService(service: string, replicas: number, ...flags: string[]): Promise<void> {
  berth(
    'service',
    'create',
    '-d',
    '--name',
    service,
    '--replicas',
    String(replicas),
    ...flags,
    'busybox:latest',
    'sleep',
    '3600',
  );
  await converged(service, replicas);
}

describe('managers are nodes', () => {
  it('should make the three manager machines manager nodes, one of them the leader', async () => {
    const statuses = await until(
      'three reachable managers, one leading',
      managerStatuses,
      (s) => s.filter((line) => / (Leader|Reachable)$/.test(line)).length === 3,
      20_000,
    );
    expect(statuses.filter((line) => line.endsWith(' Leader'))).toHaveLength(1);
    expect(statuses.filter((line) => /^m[123] (Leader|Reachable)$/.test(line))).toHaveLength(3);
    expect(statuses).toContain('m4');
    // the CLI context learned every manager from the cluster
    expect(c().cliManagers().sort()).toEqual([1, 2, 3].map((n) => c().managerAddrOf(n)).sort());
  });

  it('should place node.role == manager on the managers and node.role == worker on the worker', async () => {
    await steadyService('on-managers', 3, '--constraint', 'node.role == manager', '--max-replicas', '1');
    await steadyService('on-workers', 2, '--constraint', 'node.role==worker');
    expect(nodesOf('on-managers')).toEqual(['m1', 'm2', 'm3']);
    expect(nodesOf('on-workers')).toEqual(['m4', 'm4']);
    berth('service', 'rm', 'on-managers', 'on-workers');
  });

  it('should refuse a demote that leaves no majority reachable, and demote and promote otherwise', async () => {
    const leader = await c().leaderManager();
    const away = leader === 2 ? 3 : 2; // a manager that does not lead
    const other = [1, 2, 3].find((n) => n !== leader && n !== away)!;
    await c().killManager('SIGKILL', away);
    try {
      await until(
        'the killed manager unreachable',
        managerStatuses,
        (s) => s.includes(`m${away} Unreachable`),
        15_000,
      );
      // demoting a third would leave the leader alone among 2 managers: 1 reachable, 2 needed
      const refused = c().berth(['node', 'demote', `m${other}`]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`demoting node m${other} would leave 1 of 2 managers reachable`);
      expect(managerStatuses()).toContain(`m${other} Reachable`);
    } finally {
      await c().startManager(away);
    }
    await until('every manager reachable', managerStatuses, (s) => s.includes(`m${away} Reachable`), 15_000);
    expect(berth('node', 'demote', `m${other}`)).toContain(`Node m${other} demoted`);
    // its manager stops serving: it leaves the managers the agents and the CLI are told of
    await until(`m${other} no longer a manager`, managerStatuses, (s) => s.includes(`m${other}`), 15_000);
    c().cliManagers(true);
    berth('node', 'ls');
    expect(c().cliManagers()).not.toContain(c().managerAddrOf(other));
    expect(berth('node', 'promote', `m${other}`)).toContain(`Node m${other} promoted to a manager`);
    await until('promoted back', managerStatuses, (s) => s.includes(`m${other} Reachable`), 15_000);
    const removed = c().berth(['node', 'rm', '--force', `m${other}`]);
    expect(removed.status).toBe(1);
    expect(removed.stderr).toContain(`demote it first`);
  });
});

describe('the control plane, faulted', () => {
  it('should start a steady service of 12 replicas', async () => {
    await steadyService('steady', 12, '--stop-grace-period', '1s');
    expect(taskContainers()).toHaveLength(12);
  });

  it('should finish a rollout whose leader was SIGKILLed, each slot replaced once, touching no steady task', async () => {
    await steadyService('rolling', 12, '--stop-grace-period', '1s');
    const before = taskContainers();
    const tasksBefore = tasksOf('steady');
    const oldRolling = tasksOf('rolling');
    rollOut('rolling', '500ms');
    await until(
      'the rollout under way',
      () => rolloutState('rolling'),
      (s) => s === 'updating',
      10_000,
    );
    await sleep(1_500);
    const leader = await c().leaderManager();
    expect(leader).toBeGreaterThan(0);
    const killedAt = Date.now();
    await c().killManager('SIGKILL', leader);
    const next = await until(
      'another manager leading',
      () => c().leaderManager(),
      (n) => n > 0 && n !== leader,
      10_000,
      50,
    );
    const failoverMs = Date.now() - killedAt;
    process.stdout.write(
      `leader (manager ${leader}) SIGKILLed mid-rollout: manager ${next} led ${failoverMs} ms later\n`,
    );
    expect(failoverMs).toBeLessThan(3000);
    await until(
      'the rollout completed',
      () => rolloutState('rolling'),
      (s) => s === 'completed',
      120_000,
    );
    await converged('rolling', 12);
    const now = tasksOf('rolling');
    const running = now.filter((line) => / Running /.test(line));
    expect(running).toHaveLength(12);
    expect(running.filter((line) => oldRolling.includes(line))).toEqual([]); // every slot on the new spec
    expect(now).toHaveLength(24); // 12 shut down and 12 new: no slot replaced twice
    await c().startManager(leader);
    expect(tasksOf('steady')).toEqual(tasksBefore);
    expect(taskContainers()).toEqual(before);
    expect(nodeStatuses()).toEqual(ALL_READY);
    berth('service', 'rm', 'rolling');
  });

  it('should notice nothing without one etcd member, and wait out two for 20 s: writes refused clearly, then served', async () => {
    const before = taskContainers();
    const tasksBefore = tasksOf('steady');
    await c().stopEtcd('SIGKILL', 3);
    try {
      const started = Date.now();
      berth('service', 'create', '-d', '--name', 'one-member-down', 'busybox:latest', 'sleep', '3600');
      await converged('one-member-down', 1);
      process.stdout.write(
        `one etcd member down: a service made and running in ${Date.now() - started} ms\n`,
      );
      await c().stopEtcd('SIGKILL', 2);
      try {
        await sleep(3_000);
        const write = c().berth(['service', 'scale', 'steady=13'], { timeoutMs: 30_000 });
        expect(write.status).not.toBe(0);
        expect(write.stderr).toContain("the cluster's store is unavailable");
        expect(c().berth(['service', 'ls']).status).toBe(0); // reads served from memory meanwhile
        await sleep(17_000);
      } finally {
        await c().startEtcd(2);
      }
    } finally {
      await c().startEtcd(3);
    }
    const served = await until(
      'a write through the managers',
      () => c().berth(['service', 'create', '-d', '--name', 'after-etcd', 'busybox:latest', 'sleep', '3600']),
      (r) => r.status === 0,
      30_000,
    );
    expect(served.status).toBe(0);
    await converged('after-etcd', 1);
    await converged('steady', 12);
    expect(tasksOf('steady')).toEqual(tasksBefore);
    expect(taskContainers()).toEqual(before);
    expect(nodeStatuses()).toEqual(ALL_READY);
    berth('service', 'rm', 'after-etcd', 'one-member-down');
  });

  it('should finish a rollout whose job Redis lost in an outage, serving meanwhile, each slot replaced once', async () => {
    await steadyService('redis-roll', 6, '--stop-grace-period', '1s');
    const old = tasksOf('redis-roll');
    rollOut('redis-roll', '1s');
    await sleep(1_500);
    await c().stopRedis('SIGKILL');
    try {
      await sleep(6_000);
      expect(c().berth(['service', 'ls', '--format', '{{.Name}}']).status).toBe(0); // the managers serve on
    } finally {
      await c().startRedis(); // empty: the rollout's job is gone with it
    }
    await until(
      'the rollout completed',
      () => rolloutState('redis-roll'),
      (s) => s === 'completed',
      90_000,
    );
    const now = tasksOf('redis-roll');
    const running = now.filter((line) => line.includes(' Running '));
    expect(running).toHaveLength(6);
    expect(running.filter((line) => old.includes(line))).toEqual([]);
    expect(now).toHaveLength(12);
    berth('service', 'rm', 'redis-roll');
  });

  it("should replace a cut-off machine's tasks after the grace period, and keep no more than asked once it is back", async () => {
    await steadyService('spread', 8, '--stop-grace-period', '2s');
    const onM4 = () => nodesOf('spread').filter((node) => node === 'm4').length;
    expect(onM4()).toBe(2);
    const m4 = c().machine(4);
    const cutAt = Date.now();
    m4.setLink(false);
    let replacedMs: number;
    try {
      await until('m4 down', nodeStatuses, (s) => s.includes('m4 Down'), 20_000, 100);
      const downMs = Date.now() - cutAt;
      await until(
        'its tasks running on the other machines',
        () => nodesOf('spread'),
        (nodes) => nodes.length === 8 && !nodes.includes('m4'),
        20_000,
        100,
      );
      replacedMs = Date.now() - cutAt;
      process.stdout.write(
        `worker cut off: down after ${downMs} ms, its 2 tasks running elsewhere ${replacedMs} ms after the cut\n`,
      );
      await sleep(Math.max(0, 30_000 - (Date.now() - cutAt)));
    } finally {
      m4.setLink(true);
    }
    // the grace period, the agent's last reconnect (twice AGENT_RECONNECT_MAX_MS) and 3 s to place and start
    expect(replacedMs).toBeLessThan(GRACE_MS + 2 * 1000 + 3000);
    const restoredAt = Date.now();
    // how long m4's old containers outlive its return beside their replacements
    let overMs = 0;
    await until(
      "m4's old tasks gone",
      () => {
        const total = c().machines.reduce((n, m) => n + runningContainers(m, 'spread').length, 0);
        if (total > 8) overMs = Date.now() - restoredAt;
        return total;
      },
      (total) => total === 8,
      30_000,
      100,
    );
    process.stdout.write(`machine back: more than 8 replicas for ${overMs} ms (stop grace period 2000 ms)\n`);
    // the stop grace period, the agent's reconnect (≤ 1 s) and a second to notice both
    expect(overMs).toBeLessThan(2000 + 1000 + 1000);
    await until('m4 ready again', nodeStatuses, (s) => s.includes('m4 Ready'), 20_000);
    berth('service', 'rm', 'spread');
  });

  it('should touch no task when every manager comes back after 2 minutes away', async () => {
    await converged('steady', 12);
    const before = taskContainers();
    const tasksBefore = tasksOf('steady');
    for (const n of [1, 2, 3]) await c().killManager('SIGKILL', n);
    await sleep(120_000);
    for (const n of [1, 2, 3]) await c().startManager(n);
    await until(
      'the managers serving again',
      () => c().berth(['service', 'ls', '--format', '{{.Name}} {{.Replicas}}']),
      (r) => r.status === 0 && r.stdout.includes('steady 12/12'),
      30_000,
    );
    // past the fresh grace period the new leader gave every node: nobody down, nothing moved
    await sleep(8_000);
    expect(nodeStatuses()).toEqual(ALL_READY);
    expect(tasksOf('steady')).toEqual(tasksBefore);
    expect(taskContainers()).toEqual(before);
  });

  it("should merge every node's logs through any manager, relayed from the managers that hold their sessions", async () => {
    berth(
      'service',
      'create',
      '-d',
      '--name',
      'talker',
      '--replicas',
      '4',
      '--max-replicas',
      '1',
      'busybox:latest',
      'sh',
      '-c',
      'echo hello from $(hostname); sleep 3600',
    );
    await converged('talker', 4);
    const logs = await until(
      'four greetings',
      () => c().berth(['service', 'logs', 'talker']),
      (r) => r.status === 0 && (r.stdout.match(/hello from/g) ?? []).length === 4,
      20_000,
    );
    expect(logs.stdout).toContain('hello from');
    berth('service', 'rm', 'talker');
  });
});
