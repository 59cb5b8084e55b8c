/**
 * The team's corpus of real stack files (../shared/corpus/stacks), deployed for real with
 * `berth stack deploy` on a local cluster of three manager machines and two workers, as Swarm
 * users would deploy them: every image replaced by busybox running a long sleep (no registry
 * here, and no need to run Grafana to place it), healthchecks off (they probe the real image's
 * programs), and what a file expects to exist made first — its external networks, secrets,
 * configs and volumes, the files its configs, secrets and env files name, the directories beside
 * it that it binds, and the node labels its constraints ask for. Each stack must converge: every service at its replica count, on nodes
 * its constraints allow — but a service that binds a host path these machines do not have (Docker's
 * socket and data directory: there is no Docker engine here) has its tasks refused as Swarm
 * refuses them, "bind source path does not exist", nothing is made on the host, and the services
 * that depend on it (`depends_on`, which Berth honours) wait for it and say so. The files
 * that cannot deploy at all are listed in CANNOT_DEPLOY with the reason, and the test checks that
 * the reason is the one that stops them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { ClusterHarness, until } from '@berth/testing';

jest.setTimeout(240_000);

const CORPUS = '/work/shared/corpus/stacks';
/** what the corpus's files require from the environment ($DOMAIN and the like) */
const VARIABLES = {
  HOME: '/home/deployer',
  DOMAIN: 'example.com',
  USERNAME: 'admin',
  HASHED_PASSWORD: '$apr1$x$y',
  EMAIL: 'ops@example.com',
};

/** File → what stops it, as `berth stack deploy` says it (the compose tours of every feature). */
const CANNOT_DEPLOY: Record<string, string> = {
  'compose-spec__compose-go__loader__full-example.yml':
    'no image given: a stack runs images, it does not build them',
  'docker__cli__cli__compose__loader__full-example.yml': "service 'db' is not defined in this stack",
};

const files = fs.existsSync(CORPUS)
  ? fs
      .readdirSync(CORPUS)
      .filter((f) => f.endsWith('.yml'))
      .sort()
  : [];
if (!files.length) console.info(`${CORPUS} is not on this machine; the corpus deploy tests are skipped`);
const describeCorpus = files.length ? describe : describe.skip;

let cluster: ClusterHarness | undefined;
let scratch = '';
beforeAll(async () => {
  if (!files.length) return;
  cluster = await ClusterHarness.start({ machines: 5, managers: 3 });
  for (const m of cluster.machines) m.importBusybox();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-corpus-'));
}, 180_000);
afterAll(async () => {
  await cluster?.stop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

const c = () => cluster!;

function berth(...args: string[]): string {
  const r = c().berth(args, { timeoutMs: 120_000, env: VARIABLES });
  if (r.status !== 0) throw new Error(`berth ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

type Mapping = Record<string, unknown>;
const isMapping = (v: unknown): v is Mapping => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a file needs made before it deploys. */
interface Needs {
  networks: string[];
  secrets: string[];
  configs: string[];
  volumes: string[];
  /** paths relative to the file: configs', secrets' and env files */
  files: string[];
  /** directories relative to the file that its services bind (`./prometheus/:/etc/prometheus/`) */
  dirs: string[];
  /** node labels its constraints ask for: key → value */
  labels: Record<string, string>;
  /** service → the host paths it binds that these machines do not have (Docker's socket, …) */
  missingBinds: Record<string, string[]>;
  /** service → the services it depends on (`depends_on`): it waits until they run */
  dependsOn: Record<string, string[]>;
}

/** The services that never run here: those binding a missing host path, and those waiting on them. */
function neverRunning(needs: Needs): Set<string> {
  const stuck = new Set(Object.keys(needs.missingBinds));
  for (let grew = true; grew;) {
    grew = false;
    for (const [service, deps] of Object.entries(needs.dependsOn))
      if (!stuck.has(service) && deps.some((d) => stuck.has(d))) grew = !!stuck.add(service);
  }
  return stuck;
}

/**
 * The host paths SERVICE's volumes bind: absolute, relative to the file (`./data`), or in the
 * home directory (`~/data`, expanded by stack deploy with the HOME the CLI runs with here).
 */
function bindSources(service: Mapping): string[] {
  return ((service.volumes as unknown[] | undefined) ?? []).flatMap((v) => {
    const given = typeof v === 'string' ? (v.includes(':') ? v.split(':')[0] : '') : (v as Mapping).source;
    const bind = typeof v === 'string' || (v as Mapping).type === 'bind';
    const source =
      typeof given === 'string' && given.startsWith('~/') ? path.join(VARIABLES.HOME, given.slice(2)) : given;
    return bind && typeof source === 'string' && /^(\/|\.\.?(\/|$))/.test(source) ? [source] : [];
  });
}

/** The name an external object is known by: `name:`, the deprecated `external.name`, or its key. */
function externalName(key: string, object: unknown): string | null {
  if (!isMapping(object) || !object.external) return null;
  if (typeof object.name === 'string') return object.name;
  if (isMapping(object.external) && typeof object.external.name === 'string') return object.external.name;
  return key;
}

/**
 * The file as this test deploys it: busybox sleeping in every service, healthchecks off; and what
 * it needs. Pure over the YAML document.
 */
function prepare(text: string): { yaml: string; needs: Needs } {
  const doc = parseDocument(text, { merge: true });
  const config = doc.toJS() as Mapping;
  const needs: Needs = {
    networks: [],
    secrets: [],
    configs: [],
    volumes: [],
    files: [],
    dirs: [],
    labels: {},
    missingBinds: {},
    dependsOn: {},
  };
  for (const [kind, list] of [
    ['networks', needs.networks],
    ['secrets', needs.secrets],
    ['configs', needs.configs],
    ['volumes', needs.volumes],
  ] as const)
    for (const [key, object] of Object.entries((config[kind] as Mapping | undefined) ?? {})) {
      const name = externalName(key, object);
      if (name) list.push(name);
      if (isMapping(object) && typeof object.file === 'string') needs.files.push(object.file);
    }
  for (const [name, service] of Object.entries((config.services as Mapping | undefined) ?? {})) {
    if (!isMapping(service)) continue;
    const sources = bindSources(service);
    needs.dirs.push(...sources.filter((source) => source.startsWith('.')));
    const missing = sources.filter((source) => source.startsWith('/') && !fs.existsSync(source));
    if (missing.length) needs.missingBinds[name] = missing;
    const deps = service.depends_on;
    needs.dependsOn[name] = Array.isArray(deps)
      ? (deps as string[])
      : Object.keys(isMapping(deps) ? deps : {});
    service.image = 'busybox:latest';
    service.entrypoint = ['sleep', '3600'];
    delete service.command;
    service.healthcheck = { disable: true };
    const envFiles = service.env_file === undefined ? [] : [service.env_file].flat();
    for (const file of envFiles)
      needs.files.push(typeof file === 'string' ? file : String((file as Mapping).path));
    const deploy = isMapping(service.deploy) ? service.deploy : {};
    const placement = isMapping(deploy.placement) ? deploy.placement : {};
    for (const constraint of (placement.constraints as string[] | undefined) ?? []) {
      const m = /^\s*node\.labels\.([\w.-]+)\s*==\s*(\S+)\s*$/.exec(constraint);
      if (m) needs.labels[m[1]] = m[2];
    }
  }
  return { yaml: JSON.stringify(config, null, 2), needs };
}

/** Makes what NEEDS names, beside DIR (the prepared file's directory). */
function provide(needs: Needs, dir: string): void {
  for (const bound of needs.dirs) fs.mkdirSync(path.resolve(dir, bound), { recursive: true });
  for (const file of needs.files) {
    const at = path.resolve(dir, file);
    fs.mkdirSync(path.dirname(at), { recursive: true });
    if (!fs.existsSync(at)) fs.writeFileSync(at, '# made by the corpus test\n');
  }
  const existing = (what: string) => berth(what, 'ls', '--format', '{{.Name}}').trim().split('\n');
  for (const name of needs.networks)
    if (!existing('network').includes(name))
      berth('network', 'create', '-d', 'overlay', '--attachable', name);
  for (const [kind, names] of [
    ['secret', needs.secrets],
    ['config', needs.configs],
  ] as const)
    for (const name of names)
      if (!existing(kind).includes(name))
        c().berth([kind, 'create', name, '-'], { input: `${kind} ${name}\n`, env: VARIABLES });
  for (const name of needs.volumes) for (const m of c().machines) m.berth(['volume', 'create', name]); // volumes are each machine's own
  for (const [key, value] of Object.entries(needs.labels))
    for (const m of c().machines) berth('node', 'update', '--label-add', `${key}=${value}`, m.name);
}

/** Each service of STACK as "name running/desired", as `stack services` says. */
const replicas = (stack: string) =>
  berth('stack', 'services', stack, '--format', '{{.Name}} {{.Replicas}}').trim().split('\n').sort();

/** Every line's service converged; none at all only when every service is expected never to run. */
const settled = (lines: string[], noneExpected = false) =>
  (lines.length > 0 || noneExpected) &&
  lines.every((line) => {
    const m = /(\d+)\/(\d+)/.exec(line);
    return !!m && m[1] === m[2];
  });

describeCorpus('every stack file of the corpus, deployed', () => {
  it.each(files.filter((f) => !(f in CANNOT_DEPLOY)))('should deploy %s and converge', async (file) => {
    const { yaml, needs } = prepare(fs.readFileSync(path.join(CORPUS, file), 'utf8'));
    const dir = path.join(scratch, file.replace(/\.yml$/, ''));
    fs.mkdirSync(dir, { recursive: true });
    const prepared = path.join(dir, 'stack.yml');
    fs.writeFileSync(prepared, yaml);
    provide(needs, dir);
    const stack = `c${files.indexOf(file)}`;
    const unplaceable = [...neverRunning(needs)].map((service) => `${stack}_${service}`);
    try {
      berth('stack', 'deploy', '-d', '-c', prepared, stack);
      // every service runs, but those binding a host path these machines lack: those say so
      const placeable = () => replicas(stack).filter((line) => !unplaceable.includes(line.split(' ')[0]));
      const services = Object.keys(needs.dependsOn);
      const noneRuns = services.length > 0 && services.every((s) => unplaceable.includes(`${stack}_${s}`));
      const lines = await until(`${file} converged`, placeable, (l) => settled(l, noneRuns), 90_000, 500);
      expect(lines.length > 0 || noneRuns).toBe(true);
      for (const [service, sources] of Object.entries(needs.missingBinds)) {
        const errors = await until(
          `${service}'s tasks refused`,
          () => berth('service', 'ps', `${stack}_${service}`, '--no-trunc', '--format', '{{.Error}}'),
          (text) => text.includes('bind source path does not exist'),
          30_000,
          500,
        );
        expect(sources.some((source) => errors.includes(`bind source path does not exist: ${source}`))).toBe(
          true,
        );
        for (const source of sources) expect(fs.existsSync(source)).toBe(false); // not made on the host
      }
      // the services that depend on those wait for them, and say so
      for (const service of neverRunning(needs)) {
        if (service in needs.missingBinds) continue;
        const said = await until(
          `${service} waiting`,
          () => berth('service', 'ps', `${stack}_${service}`, '--no-trunc', '--format', '{{.Error}}'),
          (text) => text.includes('waiting for'),
          30_000,
          500,
        );
        expect(said).toContain('waiting for');
      }
      // and its constraints held: no task of a manager-only service on a worker
      const onWorkers = berth(
        'stack',
        'ps',
        stack,
        '--filter',
        'desired-state=running',
        '--format',
        '{{.Name}} {{.Node}}',
      )
        .trim()
        .split('\n')
        .filter((line) => / m[45]$/.test(line));
      const managerOnly = managerOnlyServices(fs.readFileSync(path.join(CORPUS, file), 'utf8'));
      expect(onWorkers.filter((line) => managerOnly.some((s) => line.startsWith(`${stack}_${s}.`)))).toEqual(
        [],
      );
    } finally {
      berth('stack', 'rm', stack);
      await until(
        `${stack} gone`,
        () => berth('stack', 'ls', '--format', '{{.Name}}'),
        (t) => !t.split('\n').includes(stack),
        60_000,
      );
    }
  });

  it.each(Object.entries(CANNOT_DEPLOY).filter(([f]) => files.includes(f)))(
    'should refuse %s, saying why: %s',
    (file, reason) => {
      // as written: its own problems are what stop it
      const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
      const dir = path.join(scratch, file.replace(/\.yml$/, ''));
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'stack.yml'), text);
      provide(
        { ...prepare(text).needs, networks: [], secrets: [], configs: [], volumes: [], labels: {} },
        dir,
      );
      const r = c().berth(['stack', 'deploy', '-c', path.join(dir, 'stack.yml'), 'refused'], {
        env: VARIABLES,
      });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(reason);
      expect(berth('stack', 'ls', '--format', '{{.Name}}')).not.toContain('refused'); // nothing half-made
    },
  );
});

/** The services of TEXT constrained to managers. */
function managerOnlyServices(text: string): string[] {
  const config = parseDocument(text, { merge: true }).toJS() as Mapping;
  return Object.entries((config.services as Mapping | undefined) ?? {})
    .filter(([, service]) => {
      const constraints = ((service as Mapping)?.deploy as Mapping | undefined)?.placement as
        Mapping | undefined;
      return ((constraints?.constraints as string[] | undefined) ?? []).some((c) =>
        /node\.role\s*==\s*manager/.test(c),
      );
    })
    .map(([name]) => name);
}
