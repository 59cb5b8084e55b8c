/**
 * The control plane's faults, done for real on a local cluster of three machines, counted as users
 * count them: every task of a steady service keeps its id, its container and its start time.
 * - etcd away for 10 s: the manager waits it out (reads from memory, writes refused clearly),
 *   stands for leader again, and serves as before; nobody restarts anything.
 * - the manager away for 2 minutes: started again, it marks no node down and touches no task,
 *   however long the agents had been retrying.
 * - a second manager beside the first, and the leader SIGKILLed: the other leads, agents move to
 *   it, the CLI too, and no task of the steady service is touched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ClusterHarness, until } from '@berth/testing';

jest.setTimeout(300_000);

let cluster: ClusterHarness | undefined;
beforeAll(async () => {
  cluster = await ClusterHarness.start({ machines: 3 });
  for (const m of cluster.machines) m.importBusybox();
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
});

const c = () => cluster!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function berth(...args: string[]): string {
  const r = c().berth(args, { timeoutMs: 120_000 });
  if (r.status !== 0) throw new Error(`berth ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** The containers of SERVICE's tasks on every machine: "task id container id start time", sorted. */
function taskContainers(service = 'steady'): string[] {
  const ids = tasksOf(service).map((line) => line.split(' ')[0]);
  return c()
    .machines.flatMap((m) => {
      const ids = m.berth(['ps', '-q', '--no-trunc']).stdout.trim().split('\n').filter(Boolean);
      if (!ids.length) return [];
      const format = '{{index .Config.Labels "com.docker.swarm.task.id"}} {{.Id}} {{.State.StartedAt}}';
      const r = m.berth(['inspect', '--format', format, ...ids]);
      if (r.status !== 0) throw new Error(`inspect on ${m.name}: ${r.stderr}`);
      return r.stdout.trim().split('\n');
    })
    .filter((line) => ids.includes(line.split(' ')[0]))
    .sort();
}

/** Every task of SERVICE, history included: "id desired-state current-state node", sorted. */
function tasksOf(service: string): string[] {
  const format = '{{.ID}} {{.DesiredState}} {{.Node}}';
  return berth('service', 'ps', service, '--no-trunc', '--format', format).trim().split('\n').sort();
}

/** Every node as "hostname status", sorted. */
const nodeStatuses = () =>
  berth('node', 'ls', '--format', '{{.Hostname}} {{.Status}}').trim().split('\n').sort();

/** Waits until SERVICE runs all its REPLICAS, as service ls says. */
const converged = (service: string, replicas: number) =>
  until(
    `${service} ${replicas}/${replicas}`,
    () => c().berth(['service', 'ls', '--filter', `name=${service}`, '--format', '{{.Replicas}}']),
    (r) => r.status === 0 && r.stdout.trim() === `${replicas}/${replicas}`,
    60_000,
  );

describe('the control plane, faulted', () => {
  it('should start a steady service', async () => {
    berth(
      'service',
      'create',
      '-d',
      '--name',
      'steady',
      '--replicas',
      '6',
      'busybox:latest',
      'sleep',
      '3600',
    );
    await converged('steady', 6);
    expect(taskContainers()).toHaveLength(6);
  });

  it('should wait out 10 s without etcd: writes refused clearly meanwhile, no task touched, then serve as before', async () => {
    const before = taskContainers();
    const tasksBefore = tasksOf('steady');
    await c().stopEtcd('SIGKILL');
    try {
      await sleep(2_000);
      const write = c().berth(['service', 'scale', 'steady=7'], { timeoutMs: 30_000 });
      expect(write.status).not.toBe(0);
      expect(write.stderr).toMatch(/etcd|store|unavailable/i);
      await sleep(8_000);
    } finally {
      await c().startEtcd();
    }
    // it stood for leader again by itself: a new service is made and placed
    const served = await until(
      'a write through the manager',
      () => c().berth(['service', 'create', '-d', '--name', 'after-etcd', 'busybox:latest', 'sleep', '3600']),
      (r) => r.status === 0,
      30_000,
    );
    expect(served.status).toBe(0);
    await converged('after-etcd', 1);
    await converged('steady', 6);
    expect(tasksOf('steady')).toEqual(tasksBefore);
    expect(taskContainers()).toEqual(before);
    expect(nodeStatuses()).toEqual(['m1 Ready', 'm2 Ready', 'm3 Ready']);
    berth('service', 'rm', 'after-etcd');
  });

  it('should finish a rollout whose job Redis lost in an outage, serving meanwhile, each slot replaced once', async () => {
    await converged('steady', 6);
    const old = tasksOf('steady');
    berth(
      'service',
      'update',
      '-d',
      '--update-parallelism',
      '2',
      '--update-delay',
      '1s',
      '--update-monitor',
      '1s',
      '--env-add',
      'ROLL=1',
      'steady',
    );
    await sleep(1_500);
    await c().stopRedis('SIGKILL');
    try {
      await sleep(6_000);
      expect(c().berth(['service', 'ls', '--format', '{{.Name}}']).status).toBe(0); // the managers serve on
    } finally {
      await c().startRedis(); // empty: the rollout's job is gone with it
    }
    const state = () =>
      (JSON.parse(berth('service', 'inspect', 'steady')) as { updateStatus?: { state: string } }[])[0]
        .updateStatus?.state;
    await until('the rollout completed', state, (s) => s === 'completed', 90_000);
    const now = tasksOf('steady');
    const running = now.filter((line) => line.includes(' Running '));
    expect(running).toHaveLength(6);
    expect(running.filter((line) => old.includes(line))).toEqual([]); // every slot on the new spec
    expect(now).toHaveLength(12); // the 6 old, shut down, and 6 new: no slot replaced twice
  });

  it('should touch no task when the manager comes back after 2 minutes away', async () => {
    await converged('steady', 6);
    const before = taskContainers();
    const tasksBefore = tasksOf('steady');
    await c().killManager('SIGKILL');
    await sleep(120_000);
    await c().startManager();
    await until(
      'the manager serving again',
      () => c().berth(['service', 'ls', '--format', '{{.Name}} {{.Replicas}}']),
      (r) => r.status === 0 && r.stdout.includes('steady 6/6'),
      30_000,
    );
    // past the fresh grace period it gave every node: still nobody down, nothing moved
    await sleep(8_000);
    expect(nodeStatuses()).toEqual(['m1 Ready', 'm2 Ready', 'm3 Ready']);
    expect(tasksOf('steady')).toEqual(tasksBefore);
    expect(taskContainers()).toEqual(before);
    const states = berth('service', 'ps', 'steady', '--format', '{{.DesiredState}}').trim().split('\n');
    expect(states.filter((state) => state === 'Running')).toHaveLength(6);
  });

  it('should keep every task when the leader is killed and a second manager takes over', async () => {
    const second = await c().addManager(2);
    // every agent hears of the second manager in its session, and keeps it
    await until(
      'every agent knowing both managers',
      () =>
        c().machines.map(
          (m) =>
            (
              JSON.parse(fs.readFileSync(path.join(m.dataRoot, 'cluster', 'node.json'), 'utf8')) as {
                managers?: string[];
              }
            ).managers ?? [],
        ),
      (lists) => lists.every((l) => l.includes(second) && l.length === 2),
      20_000,
    );
    // the CLI asks the cluster for its managers once a minute: made due, its next command learns both
    c().cliManagers(true);
    berth('node', 'ls');
    expect(c().cliManagers().sort()).toEqual([c().managerAddr, second].sort());
    await converged('steady', 6);
    const before = taskContainers();
    const tasksBefore = tasksOf('steady');
    const killedAt = Date.now();
    await c().killManager('SIGKILL', 1);
    // the CLI moves to the second manager; a write through it is placed once it leads
    const write = await until(
      'a write through the second manager',
      () =>
        c().berth(['service', 'create', '-d', '--name', 'after-failover', 'busybox:latest', 'sleep', '3600']),
      (r) => r.status === 0,
      30_000,
    );
    expect(write.status).toBe(0);
    await converged('after-failover', 1);
    process.stdout.write(
      `leader killed: a task placed through the other manager ${Date.now() - killedAt} ms later\n`,
    );
    await sleep(6_000); // past the new leader's fresh grace period
    expect(nodeStatuses()).toEqual(['m1 Ready', 'm2 Ready', 'm3 Ready']);
    expect(tasksOf('steady')).toEqual(tasksBefore);
    expect(taskContainers()).toEqual(before);
    berth('service', 'rm', 'after-failover');
    // the first manager back: the agents stay with the second, and logs still come from every node
    await c().startManager(1);
    berth(
      'service',
      'create',
      '-d',
      '--name',
      'talker',
      '--replicas',
      '3',
      '--max-replicas',
      '1',
      'busybox:latest',
      'sh',
      '-c',
      'echo hello from $(hostname); sleep 3600',
    );
    await converged('talker', 3);
    const logs = await until(
      'three greetings through the first manager, relayed from the second',
      () => c().berth(['service', 'logs', 'talker']),
      (r) => r.status === 0 && (r.stdout.match(/hello from/g) ?? []).length === 3,
      20_000,
    );
    expect(logs.stdout).toContain('hello from');
    berth('service', 'rm', 'talker');
  });
});
