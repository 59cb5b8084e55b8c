/**
 * The cluster end to end: three machines (network namespaces with their own agents), a real
 * manager on etcd, and bin/berth as a person uses it. Services spread, follow constraints and
 * drains, survive an agent's and the manager's SIGKILL, scale, and say why they cannot be placed.
 */
import { ClusterHarness, type ClusterMachine } from '@berth/testing';
import * as fs from 'node:fs';
import * as path from 'node:path';

jest.setTimeout(120_000);

let cluster: ClusterHarness | undefined;
beforeAll(async () => {
  cluster = await ClusterHarness.start({ machines: 3 });
  for (const m of cluster.machines) m.importBusybox();
}, 120_000);
afterAll(() => cluster?.stop());

const c = () => cluster!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** bin/berth against the manager; fails the test with its stderr when it fails. */
function berth(...args: string[]): string {
  const r = c().berth(args);
  if (r.status !== 0) throw new Error(`berth ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

async function until<T>(
  what: string,
  probe: () => T,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = probe();
  while (!done(last)) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last saw ${JSON.stringify(last)}`);
    await sleep(200);
    last = probe();
  }
  return last;
}

/** Running tasks of SERVICE per machine name, as `service ps` shows them. */
function runningPerNode(service: string): Record<string, number> {
  const lines = berth(
    'service',
    'ps',
    '--filter',
    'desired-state=running',
    '--format',
    '{{.Node}} {{.CurrentState}}',
    service,
  )
    .split('\n')
    .filter((l) => /^\S+ Running/.test(l));
  const counts: Record<string, number> = {};
  for (const line of lines) counts[line.split(' ')[0]] = (counts[line.split(' ')[0]] ?? 0) + 1;
  return counts;
}

/** Containers of SERVICE actually running on machine M (its engine's view). */
function containersOn(m: ClusterMachine, service: string): number {
  const r = m.berth(['ps', '-q', '--filter', `label=com.docker.swarm.service.name=${service}`]);
  if (r.status !== 0) throw new Error(`ps on ${m.name}: ${r.stderr}`);
  return r.stdout.split('\n').filter(Boolean).length;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const SERVICE = ['--stop-grace-period', '1s', 'busybox:latest', 'sleep', '3600'];

describe('a cluster of three machines', () => {
  it('should list the three machines as ready nodes named after their hostnames', () => {
    const nodes = berth('node', 'ls', '--format', '{{.Hostname}} {{.Status}} {{.Availability}}');
    expect(nodes.trim().split('\n').sort()).toEqual([
      'm1 Ready Active',
      'm2 Ready Active',
      'm3 Ready Active',
    ]);
  });

  it('should spread 6 replicas 2/2/2 and run them as containers on the machines', async () => {
    const out = berth('service', 'create', '--name', 'web', '--replicas', '6', ...SERVICE);
    expect(out).toContain('verify: Service converged');
    expect(runningPerNode('web')).toEqual({ m1: 2, m2: 2, m3: 2 });
    for (const m of c().machines)
      await until(
        `2 web containers on ${m.name}`,
        () => containersOn(m, 'web'),
        (n) => n === 2,
      );
    expect(berth('service', 'ls', '--format', '{{.Name}} {{.Mode}} {{.Replicas}}').trim()).toBe(
      'web replicated 6/6',
    );
  });

  it('should scale up and down and keep the spread', async () => {
    berth('service', 'scale', 'web=9');
    expect(runningPerNode('web')).toEqual({ m1: 3, m2: 3, m3: 3 });
    berth('service', 'scale', 'web=6');
    expect(runningPerNode('web')).toEqual({ m1: 2, m2: 2, m3: 2 });
    for (const m of c().machines)
      await until(
        `web back to 2 on ${m.name}`,
        () => containersOn(m, 'web'),
        (n) => n === 2,
      );
  });

  it('should pin tasks with a constraint', () => {
    berth(
      'service',
      'create',
      '--name',
      'pinned',
      '--replicas',
      '3',
      '--constraint',
      'node.hostname==m2',
      ...SERVICE,
    );
    expect(runningPerNode('pinned')).toEqual({ m2: 3 });
    berth('service', 'rm', 'pinned');
  });

  it("should hand a stopped task's network namespace and address to the next task there, and leak neither", async () => {
    const m = c().machine(1);
    /** Running containers of SERVICE on M (all of them when none is given), by id: their bridge address. */
    const addresses = (service?: string) => {
      const filter = service ? ['--filter', `label=com.docker.swarm.service.name=${service}`] : [];
      const ids = m
        .berth(['ps', '-q', '--no-trunc', ...filter])
        .stdout.split('\n')
        .filter(Boolean);
      if (!ids.length) return {};
      const views = JSON.parse(m.berth(['inspect', ...ids]).stdout) as {
        Id: string;
        NetworkSettings: { IPAddress: string };
      }[];
      return Object.fromEntries(views.map((v) => [v.Id, v.NetworkSettings.IPAddress]));
    };
    /** The addresses host-local holds on M's default bridge network. */
    const allocated = () =>
      fs
        .readdirSync(path.join(m.dataRoot, 'network/ipam/bridge'))
        .filter((f) => /^\d+\.\d+\.\d+\.\d+$/.test(f))
        .sort();
    berth(
      'service',
      'create',
      '--name',
      'parked',
      '--replicas',
      '3',
      '--constraint',
      `node.hostname==${m.name}`,
      '--stop-signal',
      'SIGKILL',
      ...SERVICE,
    );
    const first = await until(
      '3 containers',
      () => addresses('parked'),
      (a) => Object.keys(a).length === 3,
    );
    berth('service', 'scale', 'parked=1');
    await until(
      '2 containers stopped',
      () => containersOn(m, 'parked'),
      (n) => n === 1,
    );
    berth('service', 'scale', 'parked=3');
    const second = await until(
      '3 containers again',
      () => addresses('parked'),
      (a) => Object.keys(a).length === 3,
    );
    const fresh = Object.keys(second).filter((id) => !(id in first));
    expect(fresh).toHaveLength(2);
    // the two new containers run in the namespaces of the two that stopped: same interfaces, same addresses
    const stopped = Object.keys(first).filter((id) => !(id in second));
    expect(fresh.map((id) => second[id]).sort()).toEqual(stopped.map((id) => first[id]).sort());
    for (const id of fresh) expect(fs.existsSync(`/run/netns/berth-${id.slice(0, 12)}`)).toBe(true);
    for (const id of stopped) expect(fs.existsSync(`/run/netns/berth-${id.slice(0, 12)}`)).toBe(false);

    // a rolling update: each new task, held until the one it replaces has stopped, waits for its namespace
    berth('service', 'update', '--quiet', '--force', '--update-parallelism', '1', 'parked');
    const third = addresses('parked');
    expect(Object.keys(third).filter((id) => id in second)).toEqual([]);
    expect(Object.values(third).sort()).toEqual(Object.values(second).sort());
    // and each has its interface and address for real, not only in its record
    for (const [id, ip] of Object.entries(third)) {
      const shown = m.berth(['exec', id, 'ip', '-4', 'addr', 'show', 'eth0']);
      expect(shown.stdout).toContain(`inet ${ip}/`);
    }

    // what is not taken is taken down once its time is over: host-local holds exactly what runs
    berth('service', 'scale', 'parked=1');
    await until(
      'parked namespaces taken down',
      allocated,
      (a) => a.join() === Object.values(addresses()).sort().join(),
      15_000,
    );
    for (const id of Object.keys(third).filter((id) => !(id in addresses())))
      expect(fs.existsSync(`/run/netns/berth-${id.slice(0, 12)}`)).toBe(false);
    berth('service', 'rm', 'parked');
  });

  it('should keep a task that fits nowhere pending and say why', async () => {
    berth(
      'service',
      'create',
      '--detach',
      '--name',
      'nowhere',
      '--constraint',
      'node.labels.zone==b',
      ...SERVICE,
    );
    const ps = await until(
      'the pending reason',
      () => berth('service', 'ps', '--no-trunc', '--format', '{{.CurrentState}}|{{.Error}}', 'nowhere'),
      (text) => text.includes('no suitable node'),
    );
    expect(ps).toContain('Pending');
    expect(ps).toContain('no suitable node (constraint node.labels.zone==b: 0 of 3 nodes)');
    // a label that makes it fit places it
    berth('node', 'update', '--label-add', 'zone=b', 'm3');
    await until(
      'the task placed on m3',
      () => runningPerNode('nowhere'),
      (n) => n.m3 === 1,
    );
    berth('service', 'rm', 'nowhere');
    berth('node', 'update', '--label-rm', 'zone', 'm3');
  });

  it('should move tasks when the constraints of the service change', async () => {
    berth('service', 'create', '--name', 'mover', '--replicas', '2', ...SERVICE);
    berth('service', 'update', '--constraint-add', 'node.hostname==m3', 'mover');
    await until(
      'both tasks on m3',
      () => runningPerNode('mover'),
      (n) => n.m3 === 2 && total(n) === 2,
    );
    berth('service', 'rm', 'mover');
  });

  it('should restart a failing task as its policy says, then stop', async () => {
    berth(
      'service',
      'create',
      '--detach',
      '--name',
      'flaky',
      '--restart-condition',
      'on-failure',
      '--restart-delay',
      '100ms',
      '--restart-max-attempts',
      '2',
      'busybox:latest',
      'sh',
      '-c',
      'exit 3',
    );
    const states = await until(
      'three failed attempts',
      () => berth('service', 'ps', '--format', '{{.CurrentState}}|{{.Error}}', 'flaky').trim().split('\n'),
      (lines) => lines.length === 3 && lines.every((l) => l.startsWith('Failed')),
    );
    expect(states.every((l) => l.includes('task: non-zero exit (3)'))).toBe(true);
    await sleep(1000); // nothing more comes
    expect(berth('service', 'ps', '-q', 'flaky').trim().split('\n')).toHaveLength(3);
    expect(berth('service', 'ls', '--filter', 'name=flaky', '--format', '{{.Replicas}}').trim()).toBe('0/1');
    berth('service', 'rm', 'flaky');
  });

  it('should publish a host-mode port on the machine that runs the task', async () => {
    berth(
      'service',
      'create',
      '--name',
      'site',
      '--constraint',
      'node.hostname==m1',
      '--publish',
      'mode=host,published=8080,target=80',
      '--stop-grace-period',
      '1s',
      'busybox:latest',
      'sh',
      '-c',
      'mkdir -p /www && echo served > /www/index.html && exec httpd -f -p 80 -h /www',
    );
    const m2 = c().machine(2);
    const answer = await until(
      'the page through m1:8080',
      () => m2.exec(['curl', '-sf', '-m', '2', `http://${c().machine(1).address}:8080/`]).stdout,
      (text) => text.includes('served'),
    );
    expect(answer.trim()).toBe('served');
    berth('service', 'rm', 'site');
  });

  it('should give a service on an overlay network a virtual IP and each task an address of its own', async () => {
    const id = berth('network', 'create', '-d', 'overlay', '--subnet', '10.42.7.0/24', 'app').trim();
    expect(id).toMatch(/^[a-z0-9]{25}$/);
    const clash = c().berth(['network', 'create', '-d', 'overlay', '--subnet', '10.42.7.128/25', 'other']);
    expect(clash.stderr).toContain('subnet 10.42.7.128/25 overlaps 10.42.7.0/24, which is in use');
    berth('service', 'create', '--name', 'backend', '--replicas', '3', '--network', 'app', ...SERVICE);
    const service = JSON.parse(berth('service', 'inspect', 'backend'))[0];
    expect(service.Endpoint.VirtualIPs).toEqual([{ NetworkID: id, Addr: '10.42.7.2/24' }]);
    expect(service.Spec.TaskTemplate.Networks).toEqual([{ Target: id }]);
    // each machine running a task of it is told about the network, and lists it as Swarm's workers do
    for (const m of c().machines)
      await until(
        `${m.name} carrying app`,
        () => m.berth(['network', 'ls', '--format', '{{.Name}} {{.Scope}}']).stdout,
        (t) => t.includes('app swarm'),
      );
    // and carries it: a VXLAN device flooding to the two other machines
    const vni = JSON.parse(berth('network', 'inspect', 'app'))[0].vni as number;
    for (const m of c().machines) {
      const others = c()
        .machines.filter((o) => o !== m)
        .map((o) => o.address)
        .sort();
      const floods = await until(
        `${m.name} flooding vx${vni} to its peers`,
        () =>
          (
            m
              .exec(['bridge', 'fdb', 'show', 'dev', `vx${vni}`])
              .stdout.match(/^00:00:00:00:00:00 dst (\S+)/gm) ?? []
          )
            .map((l) => l.split(' ')[2])
            .sort(),
        (dsts) => dsts.join() === others.join(),
      );
      expect(floods).toEqual(others);
    }
    const inUse = c().berth(['network', 'rm', 'app']);
    expect(inUse.status).toBe(1);
    expect(inUse.stderr).toContain('network app is in use by service backend');
    berth('service', 'rm', 'backend');
    expect(berth('network', 'ls', '--format', '{{.Name}} {{.Driver}} {{.Scope}}')).toContain(
      'app overlay swarm',
    );
    for (const m of c().machines)
      await until(
        `${m.name} without vx${vni}`,
        () => m.exec(['ip', 'link', 'show', `vx${vni}`]).status,
        (status) => status !== 0,
      );
    expect(berth('network', 'rm', 'app').trim()).toBe('app');
    expect(berth('network', 'ls', '--format', '{{.Name}}')).not.toContain('app');
  });

  it('should refuse a service with an invalid constraint and create nothing', () => {
    const r = c().berth([
      'service',
      'create',
      '--name',
      'bad',
      '--constraint',
      'node.colour==red',
      ...SERVICE,
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('invalid constraint "node.colour==red": unknown key "node.colour"');
    expect(berth('service', 'ls', '--format', '{{.Name}}')).not.toContain('bad');
  });

  it('should move tasks off a drained machine and back when it is active again', async () => {
    berth('node', 'update', '--availability', 'drain', 'm1');
    const moved = await until(
      'web off m1',
      () => runningPerNode('web'),
      (n) => !n.m1 && total(n) === 6,
    );
    expect(moved).toEqual({ m2: 3, m3: 3 });
    await until(
      'no web container on m1',
      () => containersOn(c().machine(1), 'web'),
      (n) => n === 0,
    );
    berth('node', 'update', '--availability', 'active', 'm1');
    expect(berth('node', 'ls', '--format', '{{.Hostname}} {{.Availability}}')).toContain('m1 Active');
  });

  it('should run the tasks of a machine whose agent was killed elsewhere, and never keep more than asked once it is back', async () => {
    const m2 = c().machine(2);
    const before = runningPerNode('web');
    expect(total(before)).toBe(6);
    await m2.killAgent('SIGKILL');
    const killedAt = Date.now();
    await until(
      'm2 down',
      () => berth('node', 'ls', '--format', '{{.Hostname}} {{.Status}}'),
      (t) => t.includes('m2 Down'),
      10_000,
    );
    const after = await until(
      '6 running without m2',
      () => runningPerNode('web'),
      (n) => !n.m2 && total(n) === 6,
      15_000,
    );
    // the grace period is 3 s; moving and starting take a few seconds more
    expect(Date.now() - killedAt).toBeLessThan(3_000 + 8_000);
    expect(total(after)).toBe(6);
    await m2.startAgent();
    await until(
      'm2 ready again',
      () => berth('node', 'ls', '--format', '{{.Hostname}} {{.Status}}'),
      (t) => t.includes('m2 Ready'),
    );
    // what m2 ran is no longer its own: it stops it, and the count is 6 in tasks and in containers
    await until(
      'm2 stopped its old tasks',
      () => containersOn(m2, 'web'),
      (n) => n === 0,
    );
    expect(total(runningPerNode('web'))).toBe(6);
    expect(
      c()
        .machines.map((m) => containersOn(m, 'web'))
        .reduce((a, b) => a + b, 0),
    ).toBe(6);
  });

  it('should keep everything when the manager is killed and started again', async () => {
    await c().killManager('SIGKILL');
    await c().startManager();
    const text = await until(
      'the manager serving again',
      () => c().berth(['service', 'ls', '--format', '{{.Name}} {{.Replicas}}']),
      (r) => r.status === 0 && r.stdout.includes('web 6/6'),
    );
    expect(text.stdout.trim()).toBe('web 6/6');
    expect(berth('node', 'ls', '--format', '{{.Hostname}}').trim().split('\n').sort()).toEqual([
      'm1',
      'm2',
      'm3',
    ]);
    // its loops resumed: a scale is carried out
    berth('service', 'scale', 'web=3');
    expect(total(runningPerNode('web'))).toBe(3);
  });

  it('should merge the logs of all tasks on all machines', async () => {
    berth(
      'service',
      'create',
      '--name',
      'talker',
      '--replicas',
      '3',
      '--stop-grace-period',
      '1s',
      'busybox:latest',
      'sh',
      '-c',
      'echo hello from $(hostname); sleep 3600',
    );
    const logs = await until(
      'three greetings',
      () => berth('service', 'logs', 'talker'),
      (text) => (text.match(/hello from/g) ?? []).length === 3,
    );
    const lines = logs.trim().split('\n');
    expect(lines.every((l) => /^talker\.\d\.[a-z0-9]{12}@m\d +\| hello from /.test(l))).toBe(true);
    expect(new Set(lines.map((l) => l.split('@')[1].split(' ')[0])).size).toBe(3);
    berth('service', 'rm', 'talker');
  });

  it('should follow a machine joining with a global service, and refuse a wrong join token', async () => {
    berth('service', 'create', '--name', 'agent', '--mode', 'global', ...SERVICE);
    expect(runningPerNode('agent')).toEqual({ m1: 1, m2: 1, m3: 1 });
    const m3 = c().machine(3);
    const oldId = berth('node', 'ls', '--filter', 'name=m3', '-q').trim();
    expect(m3.berth(['cluster', 'leave']).status).toBe(0);
    expect(m3.berth(['info']).stdout).toContain(' Cluster: inactive');
    await until(
      'no task container on m3',
      () => containersOn(m3, 'agent') + containersOn(m3, 'web'),
      (n) => n === 0,
    );
    await until(
      'm3 down',
      () => berth('node', 'ls', '--format', '{{.ID}} {{.Status}}'),
      (t) => t.includes(`${oldId} Down`),
      10_000,
    );
    berth('node', 'rm', oldId);

    const rotatedAway = berth('cluster', 'join-token', '-q', 'worker').trim();
    expect(berth('cluster', 'join-token', '--rotate', 'worker')).toContain(
      'Successfully rotated worker join token.',
    );
    const stale = m3.berth(['cluster', 'join', '--token', rotatedAway, c().managerAddr]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain(
      'invalid join token: it is neither the worker nor the manager token of this cluster',
    );
    const token = berth('cluster', 'join-token', '-q', 'worker').trim();
    expect(token).not.toBe(rotatedAway);
    const wrong = token.replace(/-[a-z0-9]{25}$/, `-${'0'.repeat(25)}`);
    const refused = m3.berth(['cluster', 'join', '--token', wrong, c().managerAddr]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('invalid join token');
    const malformed = m3.berth(['cluster', 'join', '--token', 'SWMTKN-1-nope', c().managerAddr]);
    expect(malformed.stderr).toContain('invalid join token: expected BTHTKN-1-');
    expect(berth('node', 'ls', '--format', '{{.Hostname}}').trim().split('\n').sort()).toEqual(['m1', 'm2']);

    expect(m3.berth(['cluster', 'join', '--token', token, c().managerAddr]).status).toBe(0);
    await until(
      'the global task on the new m3',
      () => runningPerNode('agent'),
      (n) => n.m3 === 1,
      20_000,
    );
    expect(runningPerNode('agent')).toEqual({ m1: 1, m2: 1, m3: 1 });
  });

  it('should remove every task container when services are removed', async () => {
    berth('service', 'rm', 'web', 'agent');
    for (const m of c().machines)
      await until(
        `no task container on ${m.name}`,
        () => containersOn(m, 'web') + containersOn(m, 'agent'),
        (n) => n === 0,
      );
    expect(berth('service', 'ls', '-q').trim()).toBe('');
  });
});
