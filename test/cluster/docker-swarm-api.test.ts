/**
 * The swarm endpoints of berthd's Docker API, driven by the docker 28 client (and Debian's 20.10
 * for the lists) on one local cluster of two machines: m1 a manager machine, whose engine forwards
 * the swarm endpoints to the manager beside it, m2 a worker, whose engine refuses them with
 * dockerd's words. `docker node`, `service` (create, ls, ps, scale, update, rollback, logs, rm),
 * `secret` and `stack` (a small stack file and one of the corpus's) as a Swarm user runs them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import { ClusterHarness, DOCKER_CLIENTS, dockerClient, until, type DockerClient } from '@berth/testing';

jest.setTimeout(180_000);

const NOT_MANAGER =
  "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.";

/** The corpus stack deployed as it is, its images being busybox under their names. */
const CORPUS_STACK = '/work/shared/corpus/stacks/dockersamples__example-voting-app__docker-stack.yml';
const CORPUS_IMAGES = [
  'redis:alpine',
  'postgres:9.4',
  'dockersamples/examplevotingapp_vote:before',
  'dockersamples/examplevotingapp_result:before',
  'dockersamples/examplevotingapp_worker:latest',
  'dockersamples/visualizer:stable',
];

const SMALL_STACK = `version: "3.8"
services:
  app:
    image: busybox:latest
    command: sh -c 'cat /run/secrets/dbpass; echo; cat /etc/app.conf; sleep 1d'
    deploy:
      replicas: 2
    networks: [back]
    secrets: [dbpass]
    configs:
      - source: appconf
        target: /etc/app.conf
  cache:
    image: busybox:latest
    command: sleep 1d
    networks: [back]
networks:
  back: {}
secrets:
  dbpass:
    external: true
configs:
  appconf:
    file: ./app.conf
`;

let cluster: ClusterHarness | undefined;
let scratch = '';
let docker: DockerClient;
let debian: DockerClient;
let onWorker: DockerClient;
beforeAll(async () => {
  cluster = await ClusterHarness.start({ machines: 2, managers: 1 });
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-swarm-api-'));
  for (const m of cluster.machines) {
    m.importBusybox();
    for (const image of ['busybox:v2', ...CORPUS_IMAGES])
      expect(m.berth(['tag', 'busybox:latest', image]).status).toBe(0);
  }
  const socket = (n: number) =>
    path.join(path.dirname(cluster!.machine(n).engineHost.slice(7)), 'docker.sock');
  docker = dockerClient(DOCKER_CLIENTS[0], socket(1), scratch);
  debian = dockerClient(DOCKER_CLIENTS[1], socket(1), scratch);
  onWorker = dockerClient(DOCKER_CLIENTS[0], socket(2), scratch);
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

const c = () => cluster!;

/** The Docker socket of machine N's engine. */
const socketOf = (n: number) => path.join(path.dirname(c().machine(n).engineHost.slice(7)), 'docker.sock');

/** The manager machine's engine socket, which a task may bind-mount as dockers are. */
const managerSocket = () => socketOf(1);

/** The docker client on the PATH (a static binary on these machines), to copy into an image. */
function dockerBinary(): string {
  const found = (process.env.PATH ?? '')
    .split(':')
    .map((dir) => path.join(dir, 'docker'))
    .find((file) => fs.existsSync(file));
  if (!found) throw new Error('no docker client on the PATH');
  return found;
}

/** `docker ARGS` on the manager machine's socket, which must succeed: its stdout. */
function ok(client: DockerClient, args: string[], input?: string): string {
  const r = client.cli(args, { input, timeoutMs: 120_000 });
  if (r.status !== 0) throw new Error(`docker ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

/** `service ls` as NAME REPLICAS pairs. */
const replicas = () =>
  Object.fromEntries(
    lines(ok(docker, ['service', 'ls', '--format', '{{.Name}} {{.Replicas}}'])).map((l) => l.split(' ')),
  ) as Record<string, string>;

const image = (service: string) =>
  ok(docker, [
    'service',
    'inspect',
    '--format',
    '{{.Spec.TaskTemplate.ContainerSpec.Image}}',
    service,
  ]).trim();

describe('docker node', () => {
  it('should list the nodes, this one marked, with the leader, through both docker clients', () => {
    for (const client of [docker, debian]) {
      const out = ok(client, ['node', 'ls']);
      expect(out).toMatch(/^ID\s+HOSTNAME\s+STATUS\s+AVAILABILITY\s+MANAGER STATUS\s+ENGINE VERSION/);
      expect(out).toMatch(/ \*\s+m1\s+Ready\s+Active\s+Leader\s/);
      expect(out).toMatch(/\s+m2\s+Ready\s+Active\s/);
    }
    expect(
      lines(ok(docker, ['node', 'ls', '--filter', 'role=manager', '--format', '{{.Hostname}}'])),
    ).toEqual(['m1']);
  });

  it("should inspect a node in Docker's shape, so docker's --format templates work", () => {
    expect(ok(docker, ['node', 'inspect', '--format', '{{.Status.Addr}}', 'm2']).trim()).toBe(
      c().machine(2).address,
    );
    expect(ok(docker, ['node', 'inspect', '--format', '{{.ManagerStatus.Leader}}', 'm1']).trim()).toBe(
      'true',
    );
  });

  it('should update a node with the version it read, and filter the nodes by its labels', () => {
    expect(ok(docker, ['node', 'update', '--label-add', 'zone=a', 'm2']).trim()).toBe('m2');
    expect(ok(docker, ['node', 'inspect', '--format', '{{json .Spec.Labels}}', 'm2']).trim()).toBe(
      '{"zone":"a"}',
    );
    expect(
      lines(ok(docker, ['node', 'ls', '--filter', 'node.label=zone=a', '--format', '{{.Hostname}}'])),
    ).toEqual(['m2']);
  });

  it('should refuse to remove a node that is up, unless forced (not tried: the worker stays)', () => {
    const r = docker.cli(['node', 'rm', 'm2']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Error response from daemon: node [a-z0-9]+ is not down and can't be removed/);
    expect(lines(ok(docker, ['node', 'ls', '--format', '{{.Hostname}}'])).sort()).toEqual(['m1', 'm2']);
  });

  it("should say in docker info that this machine is a manager with control, and a worker's not", () => {
    const swarm = JSON.parse(ok(docker, ['info', '--format', '{{json .Swarm}}'])) as Record<string, unknown>;
    expect(swarm).toMatchObject({ LocalNodeState: 'active', ControlAvailable: true, Nodes: 2, Managers: 1 });
    const worker = JSON.parse(ok(onWorker, ['info', '--format', '{{json .Swarm}}'])) as Record<
      string,
      unknown
    >;
    expect(worker).toMatchObject({ LocalNodeState: 'active', ControlAvailable: false });
  });
});

describe('docker service', () => {
  it('should create a service that runs its replicas, and refuse a name in use as dockerd does', async () => {
    const id = ok(docker, [
      'service', 'create', '--detach', '--name', 'web', '--replicas', '2',
      'busybox', 'sh', '-c', 'echo hi from web; sleep 1d',
    ]).trim(); // prettier-ignore
    expect(id).toMatch(/^[a-z0-9]{25}$/);
    await until('web at 2/2', replicas, (r) => r.web === '2/2', 60_000);
    for (const client of [docker, debian])
      expect(ok(client, ['service', 'ls'])).toMatch(/\sweb\s+replicated\s+2\/2\s+busybox:latest/);
    const ps = lines(
      ok(docker, ['service', 'ps', 'web', '--format', '{{.Name}} {{.Node}} {{.DesiredState}}']),
    );
    expect(ps.sort()).toEqual([
      expect.stringMatching(/^web\.1 m[12] Running$/),
      expect.stringMatching(/^web\.2 m[12] Running$/),
    ]);
    const again = docker.cli(['service', 'create', '--detach', '--name', 'web', 'busybox', 'true']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('should scale it', async () => {
    expect(ok(docker, ['service', 'scale', '--detach', 'web=3'])).toContain('web scaled to 3');
    await until('web at 3/3', replicas, (r) => r.web === '3/3', 60_000);
  });

  it('should update it with the version read, and roll it back', async () => {
    ok(docker, ['service', 'update', '--detach', '--env-add', 'B=2', 'web']);
    expect(
      ok(docker, ['service', 'inspect', '--format', '{{json .Spec.TaskTemplate.ContainerSpec.Env}}', 'web']),
    ).toContain('B=2');
    ok(docker, ['service', 'update', '--detach', '--image', 'busybox:v2', 'web']);
    expect(image('web')).toBe('busybox:v2');
    ok(docker, ['service', 'rollback', '--detach', 'web']);
    expect(image('web')).toBe('busybox:latest');
    await until('web back at 3/3', replicas, (r) => r.web === '3/3', 90_000);
  });

  it('should let a client follow a rollback to its end: tasks that run the spec rolled back to are up to date', async () => {
    ok(debian, [
      'service',
      'create',
      '--detach',
      '--name',
      'roll',
      '--replicas',
      '3',
      'busybox',
      'sleep',
      '1d',
    ]);
    await until('roll at 3/3', replicas, (r) => r.roll === '3/3', 60_000);
    ok(debian, ['service', 'update', '--detach', '--env-add', 'A=1', 'roll']);
    // Debian's client follows by default, until every up-to-date task runs (_up-to-date)
    const out = ok(debian, ['service', 'rollback', 'roll']);
    expect(out).toContain('rollback: manually requested rollback');
    expect(out).toContain('Service converged');
    ok(docker, ['service', 'rm', 'roll']);
  });

  it("should show its tasks' logs, each line named by its task and node", async () => {
    const out = await until(
      'the logs of web',
      () => ok(docker, ['service', 'logs', 'web']),
      (o) => lines(o).length >= 3,
      60_000,
    );
    for (const line of lines(out)) expect(line).toMatch(/^web\.[1-3]\.[a-z0-9]{12}@m[12]\s+\| hi from web$/);
    // followed: the lines so far at once, then the stream stays open until the client leaves
    const follower = docker.start(['service', 'logs', '--follow', '--raw', 'web']);
    let followed = '';
    follower.stdout!.on('data', (d: Buffer) => (followed += d.toString()));
    const exited = new Promise<number | null>((resolve) => follower.on('exit', (code) => resolve(code)));
    try {
      await until(
        'the followed logs',
        () => lines(followed).length,
        (n) => n >= 3,
        30_000,
      );
      expect(follower.exitCode).toBeNull();
    } finally {
      follower.kill('SIGTERM');
    }
    await exited;
    const raw = lines(ok(docker, ['service', 'logs', '--raw', '--timestamps', '--tail', '1', 'web']));
    expect(raw[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z hi from web$/);
  });

  it('should remove it', async () => {
    expect(ok(docker, ['service', 'rm', 'web']).trim()).toBe('web');
    expect(replicas()).not.toHaveProperty('web');
  });

  it("should make an overlay network with the cluster's manager, run a service on it and remove both", async () => {
    const id = ok(docker, ['network', 'create', '--driver', 'overlay', '--attachable', 'mesh']).trim();
    expect(
      ok(docker, [
        'network',
        'inspect',
        '--format',
        '{{.Id}} {{.Driver}} {{.Scope}} {{.Attachable}}',
        'mesh',
      ]).trim(),
    ).toBe(`${id} overlay swarm true`);
    ok(docker, [
      'service',
      'create',
      '--detach',
      '--name',
      'meshed',
      '--network',
      'mesh',
      'busybox',
      'sleep',
      '1d',
    ]);
    await until('meshed at 1/1', replicas, (r) => r.meshed === '1/1', 60_000);
    const attached = ok(docker, [
      'service',
      'inspect',
      '--format',
      '{{json .Spec.TaskTemplate.Networks}}',
      'meshed',
    ]);
    expect(attached).toContain(id);
    ok(docker, ['service', 'rm', 'meshed']);
    await until(
      'mesh removed once its service is gone',
      () => docker.cli(['network', 'rm', 'mesh']),
      (r) => r.status === 0,
      30_000,
      500,
    );
    expect(lines(ok(docker, ['network', 'ls', '--format', '{{.Name}}']))).not.toContain('mesh');
  });

  it("should refuse on a worker's engine with dockerd's words", () => {
    const r = onWorker.cli(['service', 'ls']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`Error response from daemon: ${NOT_MANAGER}`);
  });
});

describe('docker secret and docker stack', () => {
  it('should create a secret from stdin and list it', () => {
    expect(ok(docker, ['secret', 'create', 'dbpass', '-'], 's3cret').trim()).toMatch(/^[a-z0-9]{25}$/);
    expect(lines(ok(docker, ['secret', 'ls', '--format', '{{.Name}}']))).toEqual(['dbpass']);
  });

  it('should create a config, show its data, and remove it', () => {
    const id = ok(docker, ['config', 'create', '--label', 'team=a', 'site.conf', '-'], 'port=80\n').trim();
    expect(
      ok(docker, ['config', 'inspect', '--format', '{{.ID}} {{json .Spec.Labels}}', 'site.conf']).trim(),
    ).toBe(`${id} {"team":"a"}`);
    expect(ok(docker, ['config', 'inspect', '--pretty', 'site.conf'])).toContain('port=80');
    expect(lines(ok(docker, ['config', 'ls', '--filter', 'label=team=a', '--format', '{{.Name}}']))).toEqual([
      'site.conf',
    ]);
    expect(ok(docker, ['config', 'rm', 'site.conf']).trim()).toBe('site.conf');
    expect(lines(ok(docker, ['config', 'ls', '-q']))).toEqual([]);
  });

  it('should deploy a stack with its network, config and the secret, list it, and remove it', async () => {
    const dir = path.join(scratch, 'demo');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'stack.yml'), SMALL_STACK);
    fs.writeFileSync(path.join(dir, 'app.conf'), 'x=1\n');
    const deployed = ok(docker, ['stack', 'deploy', '--detach', '-c', path.join(dir, 'stack.yml'), 'demo']);
    expect(deployed).toContain('Creating network demo_back');
    expect(deployed).toContain('Creating service demo_app');
    expect(lines(ok(docker, ['stack', 'ls', '--format', '{{.Name}} {{.Services}}']))).toEqual(['demo 2']);
    await until(
      'the stack running',
      () => ok(docker, ['stack', 'services', 'demo', '--format', '{{.Name}} {{.Replicas}}']),
      (o) => lines(o).sort().join(',') === 'demo_app 2/2,demo_cache 1/1',
      60_000,
    );
    const ps = lines(ok(docker, ['stack', 'ps', 'demo', '--format', '{{.Name}} {{.CurrentState}}']));
    expect(ps.map((l) => l.split(' ')[0]).sort()).toEqual(['demo_app.1', 'demo_app.2', 'demo_cache.1']);
    expect(
      lines(
        ok(docker, [
          'network',
          'ls',
          '--filter',
          'label=com.docker.stack.namespace=demo',
          '--format',
          '{{.Name}} {{.Driver}} {{.Scope}}',
        ]),
      ),
    ).toEqual(['demo_back overlay swarm']);
    // the task read the secret and the config the stack gave it
    const logs = await until(
      "the app's output",
      () => ok(docker, ['service', 'logs', '--raw', 'demo_app']),
      (o) => lines(o).length >= 4,
      60_000,
    );
    expect(lines(logs).sort()).toEqual(['s3cret', 's3cret', 'x=1', 'x=1']);
    // deployed again unchanged: the config's update changes nothing, the services are updated
    ok(docker, ['stack', 'deploy', '--detach', '-c', path.join(dir, 'stack.yml'), 'demo']);
    const removed = ok(docker, ['stack', 'rm', 'demo']);
    expect(removed).toContain('Removing network demo_back');
    expect(lines(ok(docker, ['stack', 'ls', '--format', '{{.Name}}']))).toEqual([]);
    await until(
      'the network gone',
      () => ok(docker, ['network', 'ls', '--format', '{{.Name}}']),
      (o) => !lines(o).includes('demo_back'),
    );
    expect(lines(ok(docker, ['secret', 'ls', '--format', '{{.Name}}']))).toEqual(['dbpass']); // external: kept
  });

  (fs.existsSync(CORPUS_STACK) ? it : it.skip)(
    'should deploy a stack of the corpus as it is, list it and remove it',
    async () => {
      const deployed = ok(docker, ['stack', 'deploy', '--detach', '-c', CORPUS_STACK, 'vote']);
      expect(deployed).toContain('Creating network vote_frontend');
      const services = lines(ok(docker, ['stack', 'services', 'vote', '--format', '{{.Name}}'])).sort();
      expect(services).toEqual([
        'vote_db',
        'vote_redis',
        'vote_result',
        'vote_visualizer',
        'vote_vote',
        'vote_worker',
      ]);
      await until(
        'tasks of every service',
        () => lines(ok(docker, ['stack', 'ps', 'vote', '--format', '{{.Name}}'])),
        (names) => services.every((s) => names.some((n) => n.startsWith(`${s}.`))),
        60_000,
      );
      ok(docker, ['stack', 'rm', 'vote']);
      expect(lines(ok(docker, ['stack', 'ls', '--format', '{{.Name}}']))).toEqual([]);
    },
  );
});

describe('dockerode on the manager machine', () => {
  it('should list the nodes, make a service, scale it by its version, and remove it', async () => {
    const api = new Docker({ socketPath: managerSocket() });
    expect(
      (await api.listNodes())
        .map((n: { Description: { Hostname: string } }) => n.Description.Hostname)
        .sort(),
    ).toEqual(
      c()
        .machines.map((m) => m.name)
        .sort(),
    );
    const made = await api.createService({
      Name: 'sdk',
      TaskTemplate: { ContainerSpec: { Image: 'busybox:latest', Command: ['sleep', '1d'] } },
      Mode: { Replicated: { Replicas: 2 } },
    });
    const running = () =>
      api
        .listTasks({ filters: JSON.stringify({ service: ['sdk'], 'desired-state': ['running'] }) })
        .then(
          (tasks: { Status: { State: string } }[]) =>
            tasks.filter((t) => t.Status.State === 'running').length,
        );
    await until('sdk running 2 tasks', running, (n) => n === 2, 60_000);
    const service = api.getService(made.id);
    const inspected = (await service.inspect()) as {
      Version: { Index: number };
      Spec: Record<string, unknown>;
    };
    await service.update({
      _query: { version: inspected.Version.Index },
      _body: { ...inspected.Spec, Mode: { Replicated: { Replicas: 1 } } },
    });
    await until('sdk running 1 task', running, (n) => n === 1, 60_000);
    const stale = service.update({
      _query: { version: inspected.Version.Index },
      _body: { ...inspected.Spec, Mode: { Replicated: { Replicas: 3 } } },
    });
    await expect(stale).rejects.toMatchObject({ statusCode: expect.any(Number) });
    await service.remove();
    expect((await api.listServices()).map((x: { Spec?: { Name?: string } }) => x.Spec?.Name)).not.toContain(
      'sdk',
    );
  });
});

describe('a task that talks to the Docker socket', () => {
  it('should see the cluster through the bind-mounted socket: docker service ls run inside a task', async () => {
    // an image with the docker client in it, built through the same socket
    const context = fs.mkdtempSync(path.join(scratch, 'dockercli-'));
    fs.copyFileSync(dockerBinary(), path.join(context, 'docker'));
    fs.writeFileSync(
      path.join(context, 'Dockerfile'),
      'FROM busybox:latest\nCOPY docker /usr/local/bin/docker\n',
    );
    const built = docker.cli(['build', '-q', '-t', 'dockercli:1', context], { timeoutMs: 120_000 });
    expect(built.status).toBe(0);
    ok(docker, [
      'service', 'create', '--detach', '--name', 'sees-cluster', '--constraint', 'node.role==manager',
      '--mount', `type=bind,source=${managerSocket()},target=/var/run/docker.sock`,
      'dockercli:1', 'sh', '-c', 'docker service ls --format "listed {{.Name}}"; sleep 1d',
    ]); // prettier-ignore
    try {
      const logs = await until(
        "the task's docker service ls",
        () => docker.cli(['service', 'logs', '--raw', 'sees-cluster']).stdout,
        (text) => text.includes('listed sees-cluster'),
        60_000,
        500,
      );
      expect(logs).toContain('listed sees-cluster');
    } finally {
      docker.cli(['service', 'rm', 'sees-cluster']);
    }
  });
});

describe('docker swarm', () => {
  it('should take a worker out of the cluster with docker swarm leave and back in with docker swarm join', async () => {
    const token = ok(docker, ['swarm', 'join-token', '-q', 'worker']).trim();
    expect(token).toMatch(/\S{20,}/);
    expect(ok(onWorker, ['swarm', 'leave'])).toContain('Node left the swarm.');
    const left = onWorker.cli(['service', 'ls']);
    expect(left.stderr).toContain(
      'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join"',
    );
    const joined = ok(onWorker, ['swarm', 'join', '--token', token, c().managerAddrOf(1)]);
    expect(joined).toContain('This node joined a swarm as a worker.');
    await until(
      'the rejoined worker ready',
      () => lines(ok(docker, ['node', 'ls', '--format', '{{.Hostname}} {{.Status}}'])),
      (rows) => rows.filter((r) => r.endsWith(' Ready')).length === 2,
      60_000,
    );
  });
});
