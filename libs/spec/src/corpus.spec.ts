import { DEFAULT_UPDATE_CONFIG } from '@berth/cluster';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, SpecError } from './errors';
import { loadStack, readStack } from './load';
import type { LoadedStack, LoadOptions } from './types';

/** Real stack files: four kept in the repository, and the team's corpus when this machine has it. */

const TESTDATA = join(__dirname, '..', 'testdata');
const CORPUS = '/work/shared/corpus/stacks';

/** What the corpus's files need from the caller: the variables they require, a HOME, env files. */
const VARIABLES = {
  HOME: '/home/deployer',
  DOMAIN: 'example.com',
  USERNAME: 'admin',
  HASHED_PASSWORD: '$apr1$x$y',
  EMAIL: 'ops@example.com',
};

function loadFile(path: string, options: Partial<LoadOptions> = {}): LoadedStack {
  return loadStack({
    files: [{ path, content: readFileSync(path, 'utf8') }],
    env: VARIABLES,
    stackName: 'app',
    // env files named by the corpus's files are not in it: read them as empty
    readFile: () => '',
    ...options,
  });
}

const service = (stack: LoadedStack, shortName: string) => {
  const found = stack.services.find((s) => s.shortName === shortName);
  if (!found) throw new Error(`no service ${shortName}`);
  return found.spec;
};

describe('the voting app (dockersamples/example-voting-app docker-stack.yml)', () => {
  const stack = loadFile(join(TESTDATA, 'dockersamples__example-voting-app__docker-stack.yml'));

  it('should have its six services and three networks', () => {
    expect(stack.services.map((s) => s.name)).toEqual([
      'app_db',
      'app_redis',
      'app_result',
      'app_visualizer',
      'app_vote',
      'app_worker',
    ]);
    expect(stack.networks.map((n) => n.name)).toEqual(['app_backend', 'app_default', 'app_frontend']);
    expect(stack.warnings).toEqual([]);
  });

  it('should publish vote, result and the visualizer through the routing mesh', () => {
    expect(service(stack, 'vote').endpoint.ports).toEqual([
      { protocol: 'tcp', targetPort: 80, publishedPort: 5000, publishMode: 'ingress' },
    ]);
    expect(service(stack, 'result').endpoint.ports).toEqual([
      { protocol: 'tcp', targetPort: 80, publishedPort: 5001, publishMode: 'ingress' },
    ]);
    expect(service(stack, 'visualizer').endpoint.ports).toEqual([
      { protocol: 'tcp', targetPort: 8080, publishedPort: 8080, publishMode: 'ingress' },
    ]);
  });

  it('should run the replicas and updates the file asks for', () => {
    expect(service(stack, 'vote').mode).toEqual({ replicated: { replicas: 2 } });
    expect(service(stack, 'vote').updateConfig).toMatchObject({ parallelism: 2, delayMs: 0 });
    expect(service(stack, 'redis').updateConfig).toMatchObject({
      parallelism: 2,
      delayMs: 10_000,
      failureAction: 'pause',
    });
    expect(service(stack, 'result').updateConfig).toMatchObject({ parallelism: 2, delayMs: 10_000 });
    expect(service(stack, 'db').mode).toEqual({ replicated: { replicas: 1 } });
    expect(service(stack, 'db').updateConfig).toEqual(DEFAULT_UPDATE_CONFIG); // none given: swarm's
  });

  it('should keep the database, worker and visualizer on managers', () => {
    for (const name of ['db', 'worker', 'visualizer'])
      expect(service(stack, name).task.placement.constraints).toEqual(['node.role == manager']);
    expect(service(stack, 'vote').task.placement.constraints).toEqual([]);
  });

  it('should attach each service to its networks under its own name', () => {
    expect(service(stack, 'worker').networks).toEqual([
      { target: 'app_backend', aliases: ['worker'] },
      { target: 'app_frontend', aliases: ['worker'] },
    ]);
    expect(service(stack, 'visualizer').networks).toEqual([
      { target: 'app_default', aliases: ['visualizer'] },
    ]);
  });

  it("should carry the worker's restart policy and service labels", () => {
    const worker = service(stack, 'worker');
    expect(worker.task.restartPolicy).toEqual({
      condition: 'on-failure',
      delayMs: 10_000,
      maxAttempts: 3,
      windowMs: 120_000,
    });
    expect(worker.labels).toEqual({
      APP: 'VOTING',
      'com.docker.stack.namespace': 'app',
      'com.docker.stack.image': 'dockersamples/examplevotingapp_worker',
    });
    expect(worker.dependsOn).toEqual([
      { service: 'app_db', condition: 'service_started' },
      { service: 'app_redis', condition: 'service_started' },
    ]);
  });

  it('should mount the database volume and the docker socket, and wait 90 s to stop the visualizer', () => {
    expect(service(stack, 'db').task.container.mounts).toEqual([
      { type: 'volume', source: 'app_db-data', target: '/var/lib/postgresql/data', readOnly: false },
    ]);
    expect(service(stack, 'db').task.container.env).toEqual([
      'POSTGRES_PASSWORD=postgres',
      'POSTGRES_USER=postgres',
    ]);
    const visualizer = service(stack, 'visualizer').task.container;
    expect(visualizer.mounts).toEqual([
      { type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock', readOnly: false },
    ]);
    expect(visualizer.stopGracePeriodMs).toBe(90_000);
  });
});

describe('the voting app behind traefik (BretFisher/dogvscat stack-voting.yml)', () => {
  const stack = loadFile(join(TESTDATA, 'BretFisher__dogvscat__stack-voting.yml'));

  it('should apply the merge key of its defaults and warn about what Berth ignores', () => {
    expect(stack.config).toMatchObject({
      services: { vote: { logging: { options: { 'max-size': '1m' } } } },
    });
    expect(stack.warnings).toEqual([
      'Ignoring unsupported options: logging',
      'Ignoring unsupported volume options: driver_opts',
    ]);
    const withDriver = loadFile(join(TESTDATA, 'BretFisher__dogvscat__stack-voting.yml'), {
      env: { DOCKER_VOL_DRIVER: 'rexray/dobs' },
    });
    expect(withDriver.warnings).toContain('Ignoring unsupported volume options: driver, driver_opts');
  });

  it('should use DNS round robin for redis and db, and split the redis command', () => {
    expect(service(stack, 'redis').endpoint).toEqual({ mode: 'dnsrr', ports: [] });
    expect(service(stack, 'db').endpoint.mode).toBe('dnsrr');
    expect(service(stack, 'redis').task.container.args).toEqual(['redis-server', '--appendonly', 'yes']);
  });

  it('should join the external proxy network by its own name', () => {
    expect(stack.networks.find((n) => n.key === 'proxy')).toMatchObject({ name: 'proxy', external: true });
    expect(service(stack, 'vote').networks).toEqual([
      { target: 'app_frontend', aliases: ['vote'] },
      { target: 'proxy', aliases: ['vote'] },
    ]);
  });

  it('should put the traefik labels on the services', () => {
    expect(service(stack, 'vote').labels['traefik.http.routers.vote.rule']).toBe('Host(`vote.dogvs.cat`)');
    expect(service(stack, 'result').labels['traefik.http.services.result.loadbalancer.sticky']).toBe('true');
    expect(service(stack, 'redis').task.container.mounts).toEqual([
      { type: 'volume', source: 'app_redis-data', target: '/data', readOnly: false },
    ]);
  });
});

describe('dockercoins with health checks (jpetazzo/container.training)', () => {
  const path = join(TESTDATA, 'jpetazzo__container.training__stacks__dockercoins+healthcheck.yml');

  it('should take the registry and tag defaults unless the variables are set', () => {
    expect(service(loadFile(path), 'rng').task.container.image).toBe('127.0.0.1:5000/rng:latest');
    const given = loadFile(path, { env: { REGISTRY: 'registry.local', TAG: 'v2' } });
    expect(service(given, 'worker').task.container.image).toBe('registry.local/worker:v2');
  });

  it('should run rng on every node and hasher with a shell health check and a watched update', () => {
    const stack = loadFile(path);
    expect(service(stack, 'rng').mode).toEqual({ global: {} });
    const hasher = service(stack, 'hasher');
    expect(hasher.mode).toEqual({ replicated: { replicas: 7 } });
    expect(hasher.task.container.healthcheck).toEqual({
      test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
      intervalMs: 0,
      timeoutMs: 0,
      retries: 0,
      startPeriodMs: 0,
    });
    expect(hasher.updateConfig).toEqual({
      parallelism: 1,
      delayMs: 5_000,
      failureAction: 'rollback',
      monitorMs: 5_000,
      maxFailureRatio: 0.5,
      order: 'stop-first',
    });
    expect(service(stack, 'worker').mode).toEqual({ replicated: { replicas: 10 } });
    expect(stack.warnings).toEqual(['Ignoring unsupported options: build']);
  });
});

describe('traefik with consul (tiangolo/dockerswarm.rocks traefik-host-v1.yml)', () => {
  const path = join(TESTDATA, 'tiangolo__dockerswarm.rocks__docs__traefik-host-v1.yml');

  it('should refuse to load without the variables it requires', () => {
    let error: unknown;
    try {
      loadFile(path, { env: {} });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).problems.map(formatProblem)[0]).toBe(
      `${path}:17:11 services.consul-leader.deploy.labels[0]: required variable DOMAIN is missing a value: Variable not set`,
    );
  });

  it('should read replicas from variables with defaults', () => {
    expect(service(loadFile(path), 'consul-replica').mode).toEqual({ replicated: { replicas: 3 } });
    const more = loadFile(path, { env: { ...VARIABLES, CONSUL_REPLICAS: '5' } });
    expect(service(more, 'consul-replica').mode).toEqual({ replicated: { replicas: 5 } });
    expect(service(more, 'consul-replica').task.placement.preferences).toEqual([{ spread: 'node.id' }]);
  });

  it('should publish traefik on the hosts of managers and fill in its labels and command', () => {
    const traefik = service(loadFile(path), 'traefik');
    expect(traefik.endpoint.ports).toEqual([
      { protocol: 'tcp', targetPort: 80, publishedPort: 80, publishMode: 'host' },
      { protocol: 'tcp', targetPort: 443, publishedPort: 443, publishMode: 'host' },
    ]);
    expect(traefik.task.placement.constraints).toEqual(['node.role == manager']);
    expect(traefik.labels['traefik.frontend.rule']).toBe('Host:traefik.example.com');
    expect(traefik.labels['traefik.frontend.auth.basic.users']).toBe('admin:$apr1$x$y');
    expect(traefik.task.container.args).toContain('--entrypoints=Name:http Address::80');
    expect(traefik.task.container.args).toContain('--acme.email=ops@example.com');
    expect(traefik.dependsOn).toEqual([{ service: 'app_consul-leader', condition: 'service_started' }]);
  });

  it('should put the services on the default network and the external traefik-public', () => {
    const stack = loadFile(path);
    expect(stack.networks.map((n) => [n.name, n.external])).toEqual([
      ['app_default', false],
      ['traefik-public', true],
    ]);
    expect(service(stack, 'consul-leader').networks).toEqual([
      { target: 'app_default', aliases: ['consul-leader'] },
      { target: 'traefik-public', aliases: ['consul-leader'] },
    ]);
  });
});

/**
 * The feature-tour files of compose's loaders name services, a volume and a network they never
 * define, and use a constraint swarm cannot read. They load, validate and compile like every other
 * file, but carry these problems and no others, which is where `docker stack deploy` refuses them
 * too (its converter or swarm's API): Berth refuses to deploy them.
 */
const FEATURE_TOURS: Record<string, string[]> = {
  'compose-spec__compose-go__loader__full-example.yml': [
    '4:3 services.bar: no image given: a stack runs images, it does not build them',
    "69:9 services.foo.depends_on[0]: service 'db' is not defined in this stack",
    "70:9 services.foo.depends_on[1]: service 'redis' is not defined in this stack",
    '110:23 services.foo.deploy.placement.constraints[0]: invalid constraint "node=foo": expected KEY==VALUE or KEY!=VALUE',
    '114:7 services.foo.deploy.endpoint_mode: a dnsrr service cannot publish ports in ingress mode: publish them in host mode',
    "247:7 services.foo.networks.other-other-network: network 'other-other-network' is not declared in the top-level networks",
    "318:9 services.foo.volumes[5]: volume 'datavolume' is not declared in the top-level volumes",
  ],
  'docker__cli__cli__compose__loader__full-example.yml': [
    "46:9 services.foo.depends_on[0]: service 'db' is not defined in this stack",
    "47:9 services.foo.depends_on[1]: service 'redis' is not defined in this stack",
    '88:23 services.foo.deploy.placement.constraints[0]: invalid constraint "node=foo": expected KEY==VALUE or KEY!=VALUE',
    '92:7 services.foo.deploy.endpoint_mode: a dnsrr service cannot publish ports in ingress mode: publish them in host mode',
    "216:7 services.foo.networks.other-other-network: network 'other-other-network' is not declared in the top-level networks",
    '278:9 services.foo.volumes[1]: a second mount at /var/lib/mysql: each path in the container takes one',
    "285:9 services.foo.volumes[5]: volume 'datavolume' is not declared in the top-level volumes",
    '290:9 services.foo.volumes[7]: a second mount at /opt: each path in the container takes one',
    "294:9 services.foo.volumes[8].type: expected 'volume', 'bind' or 'tmpfs', got 'cluster'",
    "429:3 configs.config4: config 'config4' needs one of file, environment, content or external",
    "444:3 secrets.secret4: secret 'secret4' needs one of file, environment or external",
  ],
};

const corpusFiles = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.yml')) : [];
if (corpusFiles.length === 0)
  console.info(`libs/spec: ${CORPUS} is not on this machine; the corpus tests are skipped`);
const describeCorpus = corpusFiles.length > 0 ? describe : describe.skip;

/** A corpus file read as `stack config` reads it: compiled, with its problems beside it. */
function readCorpusFile(file: string) {
  const path = join(CORPUS, file);
  const reading = readStack({
    files: [{ path, content: readFileSync(path, 'utf8') }],
    env: VARIABLES,
    stackName: 'app',
    readFile: () => '',
  });
  return { ...reading, problems: reading.problems.map((p) => formatProblem(p).replace(`${path}:`, '')) };
}

describeCorpus(`the team's corpus (${CORPUS})`, () => {
  it.each(corpusFiles)('should load, validate and compile every service of %s', (file) => {
    const { stack } = readCorpusFile(file);
    if (!stack) throw new Error(`${file} did not load`);
    const keys = Object.keys(stack.config.services as Record<string, unknown>).sort();
    expect(stack.services.map((s) => s.shortName).sort()).toEqual(keys);
    expect(keys.length).toBeGreaterThan(0);
    for (const s of stack.services) expect(s.name).toBe(`app_${s.shortName}`);
  });

  it.each(corpusFiles.filter((f) => !(f in FEATURE_TOURS)))('should deploy %s as written', (file) => {
    const { stack, problems } = readCorpusFile(file);
    expect(problems).toEqual([]);
    for (const s of stack?.services ?? []) expect(s.spec.task.container.image).not.toBe('');
    // and the throwing path agrees
    expect(() => loadFile(join(CORPUS, file))).not.toThrow();
  });

  it.each(Object.keys(FEATURE_TOURS).filter((f) => corpusFiles.includes(f)))(
    'should refuse to deploy %s for exactly what swarm cannot run',
    (file) => {
      expect(readCorpusFile(file).problems).toEqual(FEATURE_TOURS[file]);
      expect(() => loadFile(join(CORPUS, file))).toThrow(SpecError);
    },
  );
});
