/**
 * `berth service exec` end to end: four machines (m1 to m3 also managers, m4 a worker), a
 * service with one task on each of two machines, and bin/berth with the context `cluster init`
 * saved. The process runs in the task's container on whichever machine runs it, through a manager
 * and the task's agent — through another manager too when that one holds the node's session:
 * its output (stdout and stderr apart), stdin with -i, a terminal with -t, and its exit status
 * come back; a caller without a manager certificate is refused.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ClusterHarness } from '@berth/testing';

jest.setTimeout(90_000);

let cluster: ClusterHarness | undefined;
/** svc's running tasks by slot: id, node hostname, and its container's hostname there */
const tasks = new Map<number, { id: string; node: string; hostname: string }>();

beforeAll(async () => {
  cluster = await ClusterHarness.start({ machines: 4, managers: 3 });
  for (const m of cluster.machines) m.importBusybox();
  berth(
    ...'service create --quiet --name svc --replicas 2 --max-replicas 1'.split(' '),
    ...'--stop-grace-period 1s busybox:latest sleep 3600'.split(' '),
  );
  const running = 'service ps --no-trunc --filter desired-state=running'.split(' ');
  const lines = berth(...running, '--format', '{{.ID}} {{.Name}} {{.Node}}', 'svc');
  for (const line of lines.trim().split('\n')) {
    const [id, name, node] = line.split(' ');
    tasks.set(Number(name.split('.')[1]), { id, node, hostname: containerHostname(node, id) });
  }
}, 90_000);
afterAll(() => cluster?.stop());

const c = () => cluster!;

/** bin/berth against the manager; fails the test with its stderr when it fails. */
function berth(...args: string[]): string {
  const r = c().berth(args);
  if (r.status !== 0) throw new Error(`berth ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** The hostname of task TASK_ID's container, as the engine of machine NODE made it. */
function containerHostname(node: string, taskId: string): string {
  const machine = c().machines.find((m) => m.name === node)!;
  const ps = machine.berth(['ps', '-q', '--filter', `label=com.docker.swarm.task.id=${taskId}`]);
  const id = ps.stdout.trim();
  if (ps.status !== 0 || !id) throw new Error(`no container of task ${taskId} on ${node}: ${ps.stderr}`);
  return machine.berth(['inspect', '-f', '{{.Config.Hostname}}', id]).stdout.trim();
}

/** A CLI config dir with the cluster's context, with CHANGES (a certificate, the managers). */
function configWith(name: string, changes: Record<string, unknown>): string {
  const dir = path.join(c().tmp, name);
  const source = path.join(c().tmp, 'cli');
  fs.cpSync(source, dir, { recursive: true });
  const contexts = path.join(dir, 'contexts');
  for (const file of fs.readdirSync(contexts)) {
    const context = JSON.parse(fs.readFileSync(path.join(contexts, file), 'utf8')) as Record<string, unknown>;
    Object.assign(context, changes);
    fs.writeFileSync(path.join(contexts, file), JSON.stringify(context));
  }
  return dir;
}

describe('berth service exec', () => {
  it('should spread the service over both machines (what the rest relies on)', () => {
    expect([...tasks.keys()].sort()).toEqual([1, 2]);
    expect(new Set([...tasks.values()].map((t) => t.node)).size).toBe(2);
  });

  it("should run in the lowest slot's task and print its container's hostname", () => {
    const r = c().berth(['service', 'exec', 'svc', '--', 'hostname']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${tasks.get(1)!.hostname}\n`);
    expect(r.status).toBe(0);
  });

  it('should exit with the exit status of the process, and leave the flags after the command to it', () => {
    expect(c().berth(['service', 'exec', 'svc', 'sh', '-c', 'exit 7']).status).toBe(7);
    const r = c().berth(['service', 'exec', 'svc', 'sh', '-c', 'echo out; echo err >&2']);
    expect([r.stdout, r.stderr, r.status]).toEqual(['out\n', 'err\n', 0]);
  });

  it('should run in the task named by its id prefix, on the other machine, or by --slot or SERVICE.SLOT', () => {
    const second = tasks.get(2)!;
    expect(second.node).not.toBe(tasks.get(1)!.node);
    for (const target of [[second.id.slice(0, 8)], ['svc', '--slot', '2'], ['svc.2']])
      expect(berth('service', 'exec', ...target, 'hostname')).toBe(`${second.hostname}\n`);
  });

  it("should reach both tasks through any manager (the one holding the node's session, or one relaying to it)", () => {
    for (const n of [1, 2, 3]) {
      const address = c().managerAddrOf(n);
      const config = configWith(`cli-manager-${n}`, { managerAddr: address, managers: [address] });
      for (const [slot, task] of tasks) {
        const r = c().berth(['service', 'exec', '-i', `svc.${slot}`, 'sh', '-c', 'hostname; cat'], {
          input: `via manager ${n}`,
          env: { BERTH_CONFIG: config },
        });
        expect([r.stdout, r.stderr, r.status]).toEqual([`${task.hostname}\nvia manager ${n}`, '', 0]);
      }
    }
  });

  it('should go to the next manager when the first one of the context cannot be reached', () => {
    const unreachable = '127.0.0.1:1';
    const config = configWith('cli-first-down', {
      managerAddr: unreachable,
      managers: [unreachable, c().managerAddrOf(2)],
      managersCheckedAt: Date.now(),
    });
    const r = c().berth(['service', 'exec', '-i', 'svc', 'cat'], {
      input: 'hello',
      env: { BERTH_CONFIG: config },
    });
    expect([r.stdout, r.stderr, r.status]).toEqual(['hello', '', 0]);
  });

  it('should pass stdin through with -i, and the environment, user and directory asked for', () => {
    const r = c().berth(['service', 'exec', '-i', 'svc', 'cat'], { input: 'hello' });
    expect([r.stdout, r.status]).toEqual(['hello', 0]);
    expect(
      berth(
        'service',
        'exec',
        '-e',
        'A=1',
        '-u',
        '1000',
        '-w',
        '/tmp',
        'svc',
        'sh',
        '-c',
        'echo $A $(id -u) $PWD',
      ),
    ).toBe('1 1000 /tmp\n');
  });

  it('should give the process a terminal with -t, of the default size when berth has none', () => {
    const r = c().berth(['service', 'exec', '-t', 'svc', 'sh', '-c', 'tty; stty size']);
    expect(r.stdout).toMatch(/^\/dev\/pts\/\d+\r\n24 80\r\n$/);
    expect(r.status).toBe(0);
  });

  it('should give -it a terminal that starts at the size of ours and follows it', () => {
    // under a pseudo-terminal (util-linux script) of 30x100, made 40x120 two seconds in
    const command = ['env', `BERTH_CONFIG=${path.join(c().tmp, 'cli')}`, path.resolve('bin/berth')]
      .concat(['service', 'exec', '-it', 'svc', 'sh'])
      .map((a) => `'${a}'`)
      .join(' ');
    const script = `stty rows 30 cols 100; (sleep 2; stty rows 40 cols 120 </dev/tty) & exec ${command}`;
    const r = spawnSync('script', ['-qefc', script, '/dev/null'], {
      input: 'tty; stty size; sleep 4; stty size; exit 4\n',
      encoding: 'utf8',
      timeout: 30_000,
    });
    // (our terminal adds a \r to each of the remote terminal's \r\n)
    expect(r.stdout).toMatch(/\/dev\/pts\/\d+\r+\n30 100\r+\n/);
    expect(r.stdout).toMatch(/\n40 120\r+\n/);
    expect(r.status).toBe(4);
  });

  it('should say what to do when nothing has that name, or the command cannot run', () => {
    const missing = c().berth(['service', 'exec', 'nope', 'hostname']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no service or task nope: see `berth service ls`');
    const absent = c().berth(['service', 'exec', 'svc', '/no/such/program']);
    expect(absent.status).toBe(127);
    expect(absent.stderr).toBe(
      `berth: svc.1 on ${tasks.get(1)!.node}: exec: "/no/such/program": stat /no/such/program: No such file or directory\n`,
    );
  });

  it("should refuse a caller without a manager certificate: none, or a worker node's", () => {
    const none = c().berth(['service', 'exec', 'svc', 'hostname'], {
      env: { BERTH_CONFIG: configWith('cli-no-cert', { certPem: '', keyPem: '' }) },
    });
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('no client certificate');
    expect(none.stdout).toBe('');
    const worker = c().machine(4);
    const read = (file: string) => fs.readFileSync(path.join(worker.dataRoot, 'cluster', file), 'utf8');
    const asWorker = c().berth(['service', 'exec', 'svc', 'hostname'], {
      env: {
        BERTH_CONFIG: configWith('cli-worker-cert', {
          certPem: read('node.pem'),
          keyPem: read('node-key.pem'),
        }),
      },
    });
    expect(asWorker.status).toBe(1);
    expect(asWorker.stderr).toContain('is a worker');
    expect(asWorker.stdout).toBe('');
  });

  // last: it takes a machine's agent away (and brings it back)
  it("should say when the task's node is down, while the service's task on a node that is up answers", async () => {
    const [first, second] = [tasks.get(1)!, tasks.get(2)!];
    const machine = c().machines.find((m) => m.name === second.node)!;
    await machine.killAgent('SIGKILL');
    try {
      const nodes = () => berth('node', 'ls', '--format', '{{.Hostname}} {{.Status}}');
      for (const deadline = Date.now() + 15_000; !nodes().includes(`${second.node} Down`);) {
        if (Date.now() > deadline) throw new Error(`${second.node} not down within 15 s:\n${nodes()}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const r = c().berth(['service', 'exec', second.id, 'hostname']);
      expect([r.stdout, r.status]).toEqual(['', 1]);
      expect(r.stderr).toMatch(
        new RegExp(
          `task svc\\.2 runs on node ${second.node} \\(\\w+\\), which is down: exec into a task on another node`,
        ),
      );
      expect(berth('service', 'exec', 'svc', 'hostname')).toBe(`${first.hostname}\n`);
    } finally {
      await machine.startAgent();
    }
  });
});
