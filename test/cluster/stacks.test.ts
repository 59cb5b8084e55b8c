/**
 * Stacks and rollouts end to end on three machines: a stack in the shape of Docker's voting app
 * deployed from YAML, redeployed with one changed service (only it rolls, start-first, under a
 * continuous probe through the routing mesh that must see no failure), a bad update rolled back
 * on its own, a rollout that survives SIGKILL of its manager, and an invalid file that changes
 * nothing and says where it is wrong.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { ClusterHarness, until as untilDone, type ClusterMachine } from '@berth/testing';
import type { DockerService } from '@berth/cluster';

jest.setTimeout(180_000);

const STACK = path.join(__dirname, 'fixtures', 'vote-stack.yml');
let cluster: ClusterHarness | undefined;
let scratch = '';
beforeAll(async () => {
  cluster = await ClusterHarness.start({ machines: 3 });
  for (const m of cluster.machines) m.importBusybox();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-stack-'));
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

const c = () => cluster!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function berth(args: string[], env: Record<string, string> = {}): string {
  const r = c().berth(args, { env, timeoutMs: 150_000 });
  if (r.status !== 0) throw new Error(`berth ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** Rollouts take their time: a minute unless told. */
const until = <T>(what: string, probe: () => T | Promise<T>, done: (v: T) => boolean, timeoutMs = 60_000) =>
  untilDone(what, probe, done, timeoutMs, 250);

function get(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const req = http.get({ host, port, path: '/', timeout: 3000, agent: false }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve(res.statusCode === 200 ? body.trim() : `error: status ${res.statusCode}`));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error: NodeJS.ErrnoException) => resolve(`error: ${error.code ?? error.message}`));
  });
}

/** `berth service inspect` prints Docker's document */
type ServiceView = DockerService;

function inspect(name: string): ServiceView {
  return JSON.parse(berth(['service', 'inspect', name]))[0] as ServiceView;
}

/** Requests to the mesh on every machine, one after the other, until STOP; every answer kept. */
function probe(machines: readonly ClusterMachine[]): { stop: () => Promise<string[]> } {
  const child = spawn(
    process.execPath,
    [path.join(__dirname, 'fixtures', 'http-probe.js'), '8080', ...machines.map((m) => m.address)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return {
    stop: async () => {
      child.kill('SIGTERM');
      await closed;
      return JSON.parse(out) as string[];
    },
  };
}

describe('stacks on a cluster of three machines', () => {
  it('should deploy the voting-app-shaped stack and converge', async () => {
    const out = berth(['stack', 'deploy', '-c', STACK, 'vote']);
    for (const line of [
      'Creating network vote_back',
      'Creating network vote_front',
      'Creating service vote_agent',
      'Creating service vote_board',
      'Creating service vote_store',
      'Creating service vote_web',
      'Creating service vote_worker',
    ])
      expect(out).toContain(line);
    expect(berth(['stack', 'ls', '--format', '{{.Name}} {{.Services}}']).trim()).toBe('vote 5');
    const services = berth(['stack', 'services', '--format', '{{.Name}} {{.Mode}} {{.Replicas}}', 'vote']);
    expect(services.trim().split('\n').sort()).toEqual([
      'vote_agent global 3/3',
      'vote_board replicated 1/1',
      'vote_store replicated 1/1',
      'vote_web replicated 4/4',
      'vote_worker replicated 1/1',
    ]);
    // the store and the board on the manager (m1), the web tier and the worker on the workers
    const nodesOf = (service: string) =>
      berth(['service', 'ps', '--filter', 'desired-state=running', '--format', '{{.Node}}', service])
        .trim()
        .split('\n');
    for (const service of ['vote_store', 'vote_board']) expect(nodesOf(service)).toEqual(['m1']);
    for (const node of [...nodesOf('vote_web'), ...nodesOf('vote_worker')])
      expect(['m2', 'm3']).toContain(node);
    // the web tier answers through the mesh on every machine
    // (the machines' mesh tables follow the tasks within moments of their running)
    for (const m of c().machines)
      expect(
        await until(
          `the mesh on ${m.name}`,
          () => get(m.address, 8080),
          (a) => !a.startsWith('error'),
          10_000,
        ),
      ).toMatch(/^vote 1 [0-9a-f]{12}$/);
    // the worker reaches the store by name over the back network
    const workerNode = berth(['service', 'ps', '--format', '{{.Node}}', 'vote_worker']).trim().split('\n')[0];
    const m = c().machines.find((x) => x.name === workerNode)!;
    const id = m
      .berth(['ps', '-q', '--filter', 'label=com.docker.swarm.service.name=vote_worker'])
      .stdout.trim();
    await until(
      'the worker to read from the store',
      () => m.berth(['exec', id, 'cat', '/tmp/last']).stdout.trim(),
      (t) => t === 'stored',
    );
    // the names and labels Docker gives
    const web = JSON.parse(berth(['service', 'inspect', 'vote_web']))[0];
    expect(web.Spec.Labels['com.docker.stack.namespace']).toBe('vote');
    expect(berth(['stack', 'ps', '--format', '{{.Name}}', 'vote'])).toContain('vote_web.1');
  });

  it('should roll only the changed service on redeploy, start-first, with no failed request through the mesh', async () => {
    const before = Object.fromEntries(
      ['vote_store', 'vote_board', 'vote_worker', 'vote_agent'].map((n) => [n, inspect(n).Version.Index]),
    );
    const webBefore = inspect('vote_web');
    const dry = berth(['stack', 'deploy', '--dry-run', '-c', STACK, 'vote'], { VERSION: '2' });
    expect(dry).toContain('Would update service vote_web');
    expect(inspect('vote_web').Version.Index).toBe(webBefore.Version.Index); // a dry run applies nothing
    const load = probe(c().machines);
    await sleep(500);
    const out = berth(['stack', 'deploy', '-c', STACK, 'vote'], { VERSION: '2' });
    await sleep(500);
    const answers = await load.stop();
    expect(out).toContain('Updating service vote_web');
    expect(out).not.toMatch(/Updating service vote_(store|board|worker|agent)/);
    const failures = answers.filter((a) => a.startsWith('error'));
    expect({ requests: answers.length, failures }).toEqual({ requests: answers.length, failures: [] });
    expect(answers.length).toBeGreaterThan(50);
    expect(answers.some((a) => a.startsWith('vote 1'))).toBe(true);
    expect(answers.at(-1)).toMatch(/^vote 2 /);
    const web = inspect('vote_web');
    // one change of its spec: the one before it is the spec it had
    expect(web.Spec).not.toEqual(webBefore.Spec);
    expect(web.PreviousSpec).toEqual(webBefore.Spec);
    expect(web.UpdateStatus?.State).toBe('completed');
    for (const [name, version] of Object.entries(before)) expect(inspect(name).Version.Index).toBe(version);
  });

  it('should roll back on its own an update whose tasks exit at once, and end on the old spec', async () => {
    const old = inspect('vote_web');
    const r = c().berth(
      ['service', 'update', '--args', "sh -c 'exit 3'", '--update-failure-action', 'rollback', 'vote_web'],
      { timeoutMs: 120_000 },
    );
    expect(r.status).toBe(1);
    // the command follows the rollout as the manager pushes it, to the rollback's end
    expect(r.stdout).toMatch(/overall progress: \d+ out of \d+ tasks updated — rollback_started/);
    expect(r.stdout).toContain('verify: Service converged (rolled back)');
    const after = await until(
      'the rollback to complete',
      () => inspect('vote_web'),
      (s) => s.UpdateStatus?.State === 'rollback_completed',
    );
    expect(after.Spec.TaskTemplate.ContainerSpec.Args).toEqual(old.Spec.TaskTemplate.ContainerSpec.Args);
    expect(after.UpdateStatus?.Message).toBe('rollback completed');
    for (const m of c().machines) expect(await get(m.address, 8080)).toMatch(/^vote 2 /);
  });

  it('should finish a rollout whose manager was killed in the middle of it', async () => {
    berth([
      'service',
      'update',
      '-d',
      '--update-delay',
      '1s',
      '--update-parallelism',
      '1',
      '--env-add',
      'ROUND=3',
      'vote_web',
    ]);
    await until(
      'the first new task',
      () =>
        berth(['service', 'ps', '--filter', 'desired-state=shutdown', '-q', 'vote_web']).trim().split('\n')
          .length,
      (n) => n >= 2,
      30_000,
    );
    expect(inspect('vote_web').UpdateStatus?.State).toBe('updating');
    await c().killManager('SIGKILL');
    await c().startManager();
    // the manager's API may take a moment to answer again
    const tryInspect = () => {
      const r = c().berth(['service', 'inspect', 'vote_web']);
      return r.status === 0 ? (JSON.parse(r.stdout)[0] as ServiceView) : null;
    };
    const done = (await until(
      'the rollout to complete after the restart',
      tryInspect,
      (s) => s?.UpdateStatus?.State === 'completed',
      90_000,
    ))!;
    expect(done.UpdateStatus?.Message).toBe('update completed');
    const tasks = JSON.parse(
      `[${berth(['service', 'ps', '--filter', 'desired-state=running', '--format', '{{json .}}', 'vote_web']).trim().split('\n').join(',')}]`,
    ) as { CurrentState: string }[];
    expect(tasks).toHaveLength(4);
  });

  it('should let a newer update supersede a rollout in progress, and end with every task on the newest spec', async () => {
    const { Etcd3 } = await import('etcd3');
    const etcd = new Etcd3({ hosts: `http://${c().etcd}` });
    const serviceId = inspect('vote_web').ID;
    /** The service's tasks wanted running, read from etcd where the manager keeps them. */
    const liveTasks = async () =>
      (
        Object.values(await etcd.getAll().prefix('/berth/v1/tasks/').json()) as {
          serviceId: string;
          desiredState: string;
          status: { state: string };
          spec: { container: { env: string[] } };
        }[]
      ).filter((t) => t.serviceId === serviceId && t.desiredState === 'running');
    const update = (...args: string[]) => berth(['service', 'update', '-d', ...args, 'vote_web']);
    try {
      update('--update-delay', '1s', '--update-parallelism', '1', '--env-add', 'ROUND=4');
      await until(
        'the slow rollout to replace its first slot',
        liveTasks,
        (tasks) =>
          tasks.some((t) => t.spec.container.env.includes('ROUND=4') && t.status.state === 'running'),
        30_000,
      );
      expect(inspect('vote_web').UpdateStatus?.State).toBe('updating');
      expect((await liveTasks()).filter((t) => t.spec.container.env.includes('ROUND=4')).length).toBeLessThan(
        4,
      );
      update('--update-delay', '0s', '--update-parallelism', '0', '--env-add', 'ROUND=5');
      const done = await until(
        'the newer rollout to complete',
        () => inspect('vote_web'),
        (s) => s.UpdateStatus?.State === 'completed',
        90_000,
      );
      expect(done.UpdateStatus?.Message).toBe('update completed');
      const tasks = await liveTasks();
      expect(tasks).toHaveLength(4);
      for (const t of tasks) {
        expect(t.status.state).toBe('running');
        expect(t.spec.container.env).toContain('ROUND=5');
      }
    } finally {
      etcd.close();
    }
  });

  it('should refuse an invalid file with file:line:column and key, changing nothing', () => {
    const bad = path.join(scratch, 'bad.yml');
    fs.writeFileSync(
      bad,
      [
        'version: "3.8"',
        'services:',
        '  web:',
        '    image: busybox:latest',
        '    deploy:',
        '      replicas: three',
        '  extra:',
        '    image: busybox:latest',
        '',
      ].join('\n'),
    );
    const services = berth(['service', 'ls', '-q']);
    const r = c().berth(['stack', 'deploy', '-c', bad, 'vote']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.yml:6:\d+ services\.web\.deploy\.replicas: /);
    expect(berth(['service', 'ls', '-q'])).toBe(services);

    // `stack config` still shows how the file reads, then why it would not deploy
    const shown = c().berth(['stack', 'config', '-c', bad]);
    expect(shown.status).toBe(1);
    expect(shown.stdout).toContain('replicas: three');
    expect(shown.stderr).toMatch(
      /this stack would not deploy:\n.*bad\.yml:6:\d+ services\.web\.deploy\.replicas: /,
    );
  });

  it('should hand secrets and configs to tasks as read-only files on tmpfs, and keep secrets sealed in etcd', async () => {
    const secret = `s3cret-${Date.now()}`;
    fs.writeFileSync(path.join(scratch, 'db_password.txt'), secret);
    const file = path.join(scratch, 'files.yml');
    fs.writeFileSync(
      file,
      [
        'version: "3.8"',
        'services:',
        '  app:',
        '    image: busybox:latest',
        '    command:',
        '      - sh',
        '      - -c',
        '      - >-',
        '        cat /run/secrets/db_password; echo;',
        '        cat /etc/app.conf;',
        "        stat -c 'token %a %u:%g' /run/secrets/token;",
        '        (echo x > /run/secrets/db_password) 2>/dev/null || echo read-only;',
        '        sleep 3600',
        '    secrets:',
        '      - db_password',
        '      - source: token',
        '        mode: 0400',
        '        uid: "1000"',
        '        gid: "1000"',
        '    configs:',
        '      - source: app_conf',
        '        target: /etc/app.conf',
        'secrets:',
        '  db_password:',
        '    file: ./db_password.txt',
        '  token:',
        '    environment: BERTH_TEST_TOKEN',
        'configs:',
        '  app_conf:',
        '    content: greeting=hello from a config',
        '',
      ].join('\n'),
    );
    const out = berth(['stack', 'deploy', '-c', file, 'files'], { BERTH_TEST_TOKEN: 'tok' });
    expect(out).toContain('Creating secret files_db_password');
    expect(out).toContain('Creating config files_app_conf');
    const logs = await until(
      'the task to print its files',
      () => berth(['service', 'logs', 'files_app']),
      (text) => text.includes('read-only'),
    );
    expect(logs).toContain(secret);
    expect(logs).toContain('greeting=hello from a config');
    expect(logs).toContain('token 400 1000:1000');

    expect(berth(['secret', 'ls', '--format', '{{.Name}}']).trim().split('\n').sort()).toEqual([
      'files_db_password',
      'files_token',
    ]);
    expect(JSON.parse(berth(['secret', 'inspect', 'files_db_password']))[0].Spec).not.toHaveProperty('Data');
    const removeInUse = c().berth(['secret', 'rm', 'files_db_password']);
    expect(removeInUse.status).not.toBe(0);
    expect(removeInUse.stderr).toContain('in use by service files_app');

    // etcd holds the secret sealed, the config as it is
    const { Etcd3 } = await import('etcd3');
    const etcd = new Etcd3({ hosts: `http://${c().etcd}` });
    try {
      const values = Object.values(await etcd.getAll().prefix('/').strings());
      expect(values.some((v) => v.includes('files_db_password'))).toBe(true);
      expect(
        values.some((v) => v.includes(secret) || v.includes(Buffer.from(secret).toString('base64'))),
      ).toBe(false);
      expect(
        values.some((v) => v.includes(Buffer.from('greeting=hello from a config').toString('base64'))),
      ).toBe(true);
    } finally {
      etcd.close();
    }
    // on the machine, the files are on a tmpfs (never its disk)
    const mounts = fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n');
    expect(
      mounts.some((l) => l.includes(c().tmp) && l.includes('/task-files ') && l.includes(' - tmpfs ')),
    ).toBe(true);

    const removed = berth(['stack', 'rm', 'files']);
    expect(removed).toContain('Removing secret files_db_password');
    expect(removed).toContain('Removing config files_app_conf');
    expect(berth(['secret', 'ls', '-q']).trim()).toBe('');
  });

  it('should make a secret from the CLI, hand it to a service made with --secret, and free it once unused', async () => {
    const content = path.join(scratch, 'cli-token.txt');
    fs.writeFileSync(content, 'cli-token-value');
    berth(['secret', 'create', '--label', 'team=ops', 'cli_token', content]);
    berth([
      'service',
      'create',
      '-d',
      '--name',
      'cli_reader',
      '--secret',
      'source=cli_token,target=tok,mode=0440',
      'busybox:latest',
      'sh',
      '-c',
      "stat -c 'mode %a' /run/secrets/tok; cat /run/secrets/tok; echo; sleep 3600",
    ]);
    const logs = await until(
      'the reader to print the secret',
      () => berth(['service', 'logs', 'cli_reader']),
      (text) => text.includes('cli-token-value'),
    );
    expect(logs).toContain('mode 440');
    expect(berth(['secret', 'ls', '--filter', 'label=team=ops', '--format', '{{.Name}}']).trim()).toBe(
      'cli_token',
    );
    const again = c().berth(['secret', 'create', 'cli_token', content]);
    expect(again.stderr).toContain('secret cli_token already exists');
    berth(['service', 'rm', 'cli_reader']);
    berth(['secret', 'rm', 'cli_token']);
    expect(berth(['secret', 'ls', '-q']).trim()).toBe('');
  });

  it('should refuse a stack whose secret is external and missing, creating nothing', () => {
    const file = path.join(scratch, 'external.yml');
    fs.writeFileSync(
      file,
      [
        'services:',
        '  app:',
        '    image: busybox:latest',
        '    secrets: [shared]',
        'secrets:',
        '  shared:',
        '    external: true',
        '',
      ].join('\n'),
    );
    const r = c().berth(['stack', 'deploy', '-c', file, 'ext']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'secret "shared" is declared as external, but could not be found: create it with berth secret create shared FILE',
    );
    expect(berth(['service', 'ls', '--format', '{{.Name}}'])).not.toContain('ext_app');
  });

  it('should remove the whole stack', () => {
    const out = berth(['stack', 'rm', 'vote']);
    expect(out).toContain('Removing service vote_web');
    expect(out).toContain('Removing network vote_front');
    expect(berth(['stack', 'ls', '--format', '{{.Name}}']).trim()).toBe('');
  });
});

describe('waiting, explained', () => {
  const write = (name: string, yaml: string) => {
    const file = path.join(scratch, name);
    fs.writeFileSync(file, yaml);
    return file;
  };

  it('should show a task held by depends_on as pending with what it waits for, and run it once that runs', async () => {
    const file = write(
      'held.yml',
      [
        'services:',
        '  db:',
        '    image: busybox:latest',
        '    command: sleep 3600',
        '    deploy:',
        '      placement:',
        '        constraints: [node.labels.db == yes]',
        '  worker:',
        '    image: busybox:latest',
        '    command: sleep 3600',
        '    depends_on: [db]',
        '',
      ].join('\n'),
    );
    berth(['stack', 'deploy', '-d', '-c', file, 'held']);
    const rows = (text: string) => text.trim().split('\n').sort();
    const format = ['--format', '{{.Name}}|{{.CurrentState}}|{{.Error}}'];
    // both services named, flags after the names: every task of each, the held one with its reason
    const seen = await until(
      'the held worker task',
      () => rows(berth(['service', 'ps', 'held_worker', 'held_db', ...format, '--no-trunc'])),
      (r) => r.length === 2,
      20_000,
    );
    expect(seen.map((r) => r.replace(/\|Pending .*? ago\|/, '|Pending|'))).toEqual([
      expect.stringMatching(
        /^held_db\.1\|Pending\|no suitable node \(constraint node\.labels\.db ?== ?yes: 0 of 3 nodes\)$/,
      ),
      'held_worker.1|Pending|waiting for held_db: 0 of 1 running',
    ]);
    expect(rows(berth(['stack', 'ps', 'held', ...format])).map((r) => r.split('|')[2])).toEqual([
      expect.stringMatching(/^no suitable node/),
      'waiting for held_db: 0 of 1 running',
    ]);
    expect(berth(['service', 'ls', '--filter', 'name=held_worker', '--format', '{{.Replicas}}']).trim()).toBe(
      '0/1',
    );
    // the deploy's progress says the same, and keeps waiting
    const progress = c().berth(['stack', 'deploy', '-c', file, 'held'], { timeoutMs: 8_000 });
    expect(progress.status).toBeNull(); // still waiting when the time was up
    expect(progress.stdout).toContain('held_worker.1: waiting for held_db: 0 of 1 running');
    expect(progress.stdout).toContain('held_db.1: no suitable node');
    // db placeable: it runs, and so does the worker, its reason gone
    berth(['node', 'update', '--label-add', 'db=yes', 'm1']);
    try {
      const running = await until(
        'the worker running',
        () => rows(berth(['stack', 'ps', 'held', ...format])),
        (r) => r.every((row) => row.includes('|Running ')),
        30_000,
      );
      expect(running.map((r) => r.split('|')[2])).toEqual(['', '']);
    } finally {
      berth(['node', 'update', '--label-rm', 'db', 'm1']);
      berth(['stack', 'rm', 'held']);
    }
  });

  it('should stop waiting for a service whose tasks keep ending, and say how the last one ended and what it wrote', () => {
    const started = Date.now();
    const r = c().berth(
      [
        'service',
        'create',
        '--name',
        'looping',
        '--restart-delay',
        '0s',
        'busybox:latest',
        'sh',
        '-c',
        'echo starting up; echo "no config at /etc/app.conf" >&2; exit 0',
      ],
      { timeoutMs: 120_000 },
    );
    try {
      expect(r.status).toBe(1);
      // five short runs make a crash loop; a loaded machine may see a sixth end before the CLI looks
      const loop = /looping: its tasks keep ending: the last (\d+) each ended within 10 s of starting/.exec(
        r.stderr,
      );
      expect(Number(loop?.[1])).toBeGreaterThanOrEqual(5);
      expect(r.stderr).toMatch(/last task: looping\.1 \([0-9a-z]{12}\): Complete \(exit 0\)/);
      expect(r.stderr).toContain('no config at /etc/app.conf');
      expect(Date.now() - started).toBeLessThan(100_000);
      // --detach returns at once, as before
      const detached = c().berth(['service', 'update', '--detach', '--env-add', 'X=1', 'looping'], {
        timeoutMs: 20_000,
      });
      expect(detached.status).toBe(0);
    } finally {
      berth(['service', 'rm', 'looping']);
    }
  });

  it('should end a stack deploy whose service keeps exiting, with the same report', () => {
    const file = write(
      'exits.yml',
      [
        'services:',
        '  once:',
        '    image: busybox:latest',
        '    command: ["sh", "-c", "echo did my job; exit 0"]',
        '    deploy:',
        '      replicas: 2',
        '      restart_policy:',
        '        delay: 0s',
        '',
      ].join('\n'),
    );
    const r = c().berth(['stack', 'deploy', '-c', file, 'exits'], { timeoutMs: 120_000 });
    try {
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('exits_once: its tasks keep ending');
      expect(r.stderr).toContain('Complete (exit 0)');
      expect(r.stderr).toContain('did my job');
    } finally {
      berth(['stack', 'rm', 'exits']);
    }
  });
});
