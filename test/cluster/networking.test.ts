/**
 * Cluster networking end to end on three machines: services on an overlay network reach each
 * other by name through their virtual IPs wherever their tasks run, `tasks.NAME` lists the
 * tasks, two overlays cannot see each other, a port published through the routing mesh answers
 * on every machine (and keeps answering when its task moves), and addresses do not leak.
 */
import * as http from 'node:http';
import { ClusterHarness, until, type ClusterMachine } from '@berth/testing';

jest.setTimeout(180_000);

let cluster: ClusterHarness | undefined;
beforeAll(async () => {
  cluster = await ClusterHarness.start({ machines: 3 });
  for (const m of cluster.machines) m.importBusybox();
}, 120_000);
afterAll(() => cluster?.stop());

const c = () => cluster!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function berth(...args: string[]): string {
  const r = c().berth(args);
  if (r.status !== 0) throw new Error(`berth ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** An HTTP server printing its task's hostname, as a service's command. */
const HTTPD = ['sh', '-c', 'mkdir -p /www && hostname > /www/index.html && exec httpd -f -p 80 -h /www'];
const QUICK_STOP = ['--stop-grace-period', '1s'];

/** The id of the running container of SERVICE on machine M. */
async function taskContainer(m: ClusterMachine, service: string): Promise<string> {
  const ids = await until(
    `a running ${service} container on ${m.name}`,
    () => m.berth(['ps', '-q', '--filter', `label=com.docker.swarm.service.name=${service}`]).stdout.trim(),
    (out) => out.length > 0,
  );
  return ids.split('\n')[0];
}

/** SCRIPT run by sh inside container ID on machine M. */
function inContainer(m: ClusterMachine, id: string, script: string): { status: number | null; out: string } {
  const r = m.berth(['exec', id, 'sh', '-c', script], { timeoutMs: 120_000 });
  return { status: r.status, out: r.stdout + r.stderr };
}

/** The page at http://HOST:PORT/ fetched from this process, or the error's code. */
function get(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const req = http.get({ host, port, path: '/', timeout: 3000 }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve(body.trim()));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error: NodeJS.ErrnoException) => resolve(`error: ${error.code ?? error.message}`));
  });
}

/** The addresses the manager gave SERVICE's running tasks on NETWORK (by name), without prefix. */
function taskAddresses(service: string, network: string): string[] {
  const subnet = JSON.parse(berth('network', 'inspect', network))[0].subnet as string;
  const prefix = subnet.split('.').slice(0, 3).join('.') + '.'; // the overlays here are /24s
  return berth('service', 'ps', '--filter', 'desired-state=running', '--format', '{{.Addresses}}', service)
    .split(/[\s,]+/)
    .filter((a) => a.startsWith(prefix))
    .map((a) => a.split('/')[0])
    .sort();
}

describe('networking on a cluster of three machines', () => {
  it('should let a task on machine 3 reach both replicas of a service on machines 1 and 2 by name', async () => {
    berth('network', 'create', '-d', 'overlay', 'front');
    berth(
      'service',
      'create',
      '-d',
      '--name',
      'a',
      '--replicas',
      '2',
      '--network',
      'front',
      '--constraint',
      'node.hostname!=m3',
      '--max-replicas',
      '1',
      ...QUICK_STOP,
      'busybox:latest',
      ...HTTPD,
    );
    berth(
      'service',
      'create',
      '-d',
      '--name',
      'client',
      '--network',
      'front',
      '--constraint',
      'node.hostname==m3',
      ...QUICK_STOP,
      'busybox:latest',
      'sleep',
      '3600',
    );
    const m3 = c().machine(3);
    const client = await taskContainer(m3, 'client');
    const hostnames = [await taskContainer(c().machine(1), 'a'), await taskContainer(c().machine(2), 'a')]
      .map((id) => id.slice(0, 12))
      .sort();
    // wait until both replicas serve through the name, then count 100 requests
    await until(
      'both replicas answering through the VIP',
      () =>
        inContainer(
          m3,
          client,
          'for i in 1 2 3 4 5 6 7 8 9 10; do printf "GET / HTTP/1.0\\r\\n\\r\\n" | nc -w 2 a 80 | tail -1; done',
        ).out,
      (out) => hostnames.every((h) => out.includes(h)),
    );
    const { out } = inContainer(
      m3,
      client,
      'for i in $(seq 100); do printf "GET / HTTP/1.0\\r\\n\\r\\n" | nc -w 2 a 80 | tail -1; done',
    );
    const answers = out.trim().split('\n');
    expect(answers).toHaveLength(100);
    const counts = new Map<string, number>();
    for (const a of answers) counts.set(a, (counts.get(a) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(hostnames);
    // the name is the service's virtual IP; tasks.a lists both tasks' own addresses
    const vip = (JSON.parse(berth('service', 'inspect', 'a'))[0].Endpoint.VirtualIPs as { Addr: string }[])[0]
      .Addr;
    expect(inContainer(m3, client, 'nslookup a').out).toContain(`Address: ${vip.split('/')[0]}`);
    const tasks = inContainer(m3, client, 'nslookup tasks.a').out;
    const resolved = [...tasks.matchAll(/Address: (10\.\S+)/g)].map((m) => m[1]).sort();
    expect(resolved).toEqual(taskAddresses('a', 'front'));
  });

  it('should send no traffic to a task until its health check passes', async () => {
    berth(
      'service',
      'create',
      '-d',
      '--name',
      'slow',
      '--network',
      'front',
      '--health-cmd',
      'test -f /tmp/ok',
      '--health-interval',
      '300ms',
      '--health-retries',
      '100',
      ...QUICK_STOP,
      'busybox:latest',
      'sh',
      '-c',
      'sleep 4; touch /tmp/ok; exec sleep 3600',
    );
    const m3 = c().machine(3);
    const client = await taskContainer(m3, 'client');
    const state = () =>
      berth(
        'service',
        'ps',
        '--filter',
        'desired-state=running',
        '--format',
        '{{.CurrentState}}',
        'slow',
      ).trim();
    await until('slow starting', state, (s) => s.startsWith('Starting'));
    expect(inContainer(m3, client, 'nslookup tasks.slow').out).not.toMatch(/Address: 10\./);
    await until('slow running once healthy', state, (s) => s.startsWith('Running'));
    await until(
      'tasks.slow resolving',
      () => inContainer(m3, client, 'nslookup tasks.slow').out,
      (out) => /Address: 10\./.test(out),
    );
    berth('service', 'rm', 'slow');
  });

  it('should keep two overlay networks apart: neither name nor address of the other is reachable', async () => {
    berth('network', 'create', '-d', 'overlay', 'back');
    berth(
      'service',
      'create',
      '-d',
      '--name',
      'b',
      '--network',
      'back',
      '--constraint',
      'node.hostname==m3',
      ...QUICK_STOP,
      'busybox:latest',
      ...HTTPD,
    );
    const m3 = c().machine(3);
    const b = await taskContainer(m3, 'b');
    const [bAddress] = await until(
      'b addressed',
      () => taskAddresses('b', 'back'),
      (a) => a.length === 1,
    );
    // b itself serves (so a failure below is the isolation, not a dead server)
    expect(
      inContainer(m3, b, 'printf "GET / HTTP/1.0\\r\\n\\r\\n" | nc -w 2 127.0.0.1 80 | tail -1').out.trim(),
    ).toBe(b.slice(0, 12));
    const client = await taskContainer(m3, 'client');
    expect(inContainer(m3, client, 'nslookup b').status).not.toBe(0);
    const direct = inContainer(m3, client, `printf "GET / HTTP/1.0\\r\\n\\r\\n" | nc -w 2 ${bAddress} 80`);
    expect(direct.out).not.toContain(b.slice(0, 12));
    // and from b's side, a's tasks are out of reach too
    const [aAddress] = taskAddresses('a', 'front');
    expect(inContainer(m3, b, `ping -c 1 -W 1 ${aAddress}`).status).not.toBe(0);
    berth('service', 'rm', 'b');
  });

  it('should let a plain container join an attachable network, and refuse one that is not', async () => {
    berth('network', 'create', '-d', 'overlay', '--attachable', 'shared');
    berth(
      'service',
      'create',
      '-d',
      '--name',
      'svc',
      '--network',
      'shared',
      '--constraint',
      'node.hostname==m2',
      ...QUICK_STOP,
      'busybox:latest',
      ...HTTPD,
    );
    const m1 = c().machine(1);
    const server = (await taskContainer(c().machine(2), 'svc')).slice(0, 12);
    const usedBefore = JSON.parse(berth('network', 'inspect', 'shared'))[0].addresses.used as number;
    const run = await until(
      'svc answering a plain container on m1',
      () =>
        m1.berth(
          [
            'run',
            '--rm',
            '--network',
            'shared',
            'busybox:latest',
            'sh',
            '-c',
            'printf "GET / HTTP/1.0\\r\\n\\r\\n" | nc -w 2 svc 80 | tail -1',
          ],
          { timeoutMs: 30_000 },
        ),
      (r) => r.stdout.trim() === server,
    );
    expect(run.status).toBe(0);
    // its address went back when it was removed
    await until(
      'the address back',
      () => JSON.parse(berth('network', 'inspect', 'shared'))[0].addresses.used,
      (n) => n === usedBefore,
    );
    const refused = m1.berth(['run', '--rm', '--network', 'front', 'busybox:latest', 'true']);
    expect(refused.status).toBe(125);
    expect(refused.stderr).toContain('network front is not attachable');
    berth('service', 'rm', 'svc');
  });

  it('should answer a port published through the mesh on every machine, also after its task moves', async () => {
    berth(
      'service',
      'create',
      '-d',
      '--name',
      'web',
      '--publish',
      'published=8080,target=80',
      '--constraint',
      'node.hostname!=m3',
      ...QUICK_STOP,
      'busybox:latest',
      ...HTTPD,
    );
    const machines = c().machines;
    const first = await until(
      'web answering on all three machines',
      () => Promise.all(machines.map((m) => get(m.address, 8080))),
      (answers) => answers.every((a) => /^[0-9a-f]{12}$/.test(a)),
    );
    expect(new Set(first).size).toBe(1); // one task, reached from all three, two of them without it
    const runsOn = berth(
      'service',
      'ps',
      '--filter',
      'desired-state=running',
      '--format',
      '{{.Node}}',
      'web',
    ).trim();
    berth('node', 'update', '--availability', 'drain', runsOn);
    try {
      const moved = await until(
        'web answering from its new task on all three machines',
        () => Promise.all(machines.map((m) => get(m.address, 8080))),
        (answers) => answers.every((a) => /^[0-9a-f]{12}$/.test(a) && a !== first[0]),
      );
      expect(new Set(moved).size).toBe(1);
    } finally {
      berth('node', 'update', '--availability', 'active', runsOn);
    }
    // a host-mode port, by contrast, answers only where a task runs
    berth(
      'service',
      'create',
      '-d',
      '--name',
      'pinned',
      '--publish',
      'mode=host,published=8081,target=80',
      '--constraint',
      'node.hostname==m1',
      ...QUICK_STOP,
      'busybox:latest',
      ...HTTPD,
    );
    await until(
      'pinned answering on m1',
      () => get(c().machine(1).address, 8081),
      (a) => /^[0-9a-f]{12}$/.test(a),
    );
    expect(await get(c().machine(2).address, 8081)).toMatch(/^error: ECONNREFUSED/);
    berth('service', 'rm', 'web', 'pinned');
    await until(
      '8080 closed again',
      () => get(c().machine(3).address, 8080),
      (a) => a.startsWith('error:'),
    );
  });

  it('should leave the free address count where it started after 100 scale cycles of 0 and 10', async () => {
    // tasks of services removed earlier give their addresses back once they stopped (after draining)
    const usage = () => JSON.stringify(JSON.parse(berth('network', 'inspect', 'front'))[0].addresses);
    let settled = usage();
    for (let last = ''; settled !== last;) {
      last = settled;
      await sleep(3000);
      settled = usage();
    }
    const before = JSON.parse(settled);
    // tasks that fit nowhere still get their addresses first: the churn is the allocator's alone
    berth(
      'service',
      'create',
      '-d',
      '--name',
      'churn',
      '--replicas',
      '0',
      '--network',
      'front',
      '--constraint',
      'node.labels.nowhere==true',
      'busybox:latest',
      'sleep',
      '3600',
    );
    const used = () => JSON.parse(berth('network', 'inspect', 'front'))[0].addresses.used as number;
    await until('the VIP of churn', used, (n) => n === before.used + 1);
    for (let cycle = 0; cycle < 100; cycle++) {
      berth('service', 'scale', '-d', 'churn=10');
      if (cycle % 25 === 0)
        await until(`10 addresses in use (cycle ${cycle})`, used, (n) => n === before.used + 11);
      berth('service', 'scale', '-d', 'churn=0');
    }
    await until('every churn address back', used, (n) => n === before.used + 1, 60_000);
    berth('service', 'rm', 'churn');
    await until('the VIP back too', used, (n) => n === before.used);
    expect(JSON.parse(berth('network', 'inspect', 'front'))[0].addresses).toEqual(before);
  });

  it('should take every overlay device and rule away once nothing uses them', async () => {
    berth('service', 'rm', 'a', 'client');
    for (const m of c().machines) {
      await until(
        `${m.name} without overlay devices and mesh table`,
        () => ({
          links: m.exec(['ip', '-o', 'link', 'show']).stdout.match(/\b(bo|vx)\d+\b/g) ?? [],
          tables: m.exec(['nft', 'list', 'tables']).stdout.match(/berth_\w+/g) ?? [],
        }),
        (s) => s.links.length === 0 && s.tables.length === 0,
      );
    }
    berth('network', 'rm', 'front', 'back', 'shared');
  });
});
