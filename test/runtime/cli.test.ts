/** bin/berth-runtime as an OCI runtime: the same bundle runs under runc and Berth with the same result. */
import { execFileSync, spawn, spawnSync, type SpawnSyncReturns, type StdioOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cgroupRoots, RuntimeHarness } from '@berth/testing';

const BIN = path.resolve('bin/berth-runtime');
let h: RuntimeHarness;
let root: string;

beforeAll(() => {
  h = RuntimeHarness.open('cli');
  root = path.join(h.tmp, 'cli-root');
  if (!fs.existsSync('dist/apps/runtime/src/main.js'))
    execFileSync('npm', ['run', 'build:ts'], { stdio: 'ignore' });
});
afterAll(async () => {
  spawnSync(BIN, ['--root', root, 'list', '-q'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .forEach((id) => spawnSync(BIN, ['--root', root, 'delete', '--force', id]));
  await h.cleanup();
});

const runcBundle = (name: string, args: string[]) => h.runcBundle(name, args);

function berth(args: string[], cwd?: string, stdio: StdioOptions = 'pipe'): SpawnSyncReturns<string> {
  return spawnSync(BIN, ['--root', root, '--cgroup-parent', h.cgroupParent, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30000,
    stdio,
  });
}

/** create and run -d hand the container their stdio, as runc: pipes would stay open as long as it runs. */
const detached = (args: string[], out: number | 'ignore' = 'ignore') =>
  berth(args, undefined, ['ignore', out, 'ignore']);

it('should give the same output and exit status as runc for the same bundle', () => {
  const script =
    'echo hello; id; hostname; ls /; ls /sys/class/net; grep -E "^Cap(Prm|Eff|Bnd)" /proc/self/status; ' +
    'echo $$; cat /proc/self/cgroup | grep -c .; touch /x 2>&1; exit 7';
  const bundle = runcBundle('parity', ['sh', '-c', script]);
  const runc = spawnSync('runc', ['--root', path.join(h.tmp, 'runc-root'), 'run', 'parity-runc'], {
    cwd: bundle,
    encoding: 'utf8',
  });
  const ours = berth(['run', 'parity-berth'], bundle);
  expect(runc.status).toBe(7);
  expect(ours.stderr).toBe(runc.stderr);
  expect(ours.stdout).toBe(runc.stdout);
  expect(ours.status).toBe(7);
  expect(ours.stdout).toContain('hello\nuid=0(root) gid=0(root)');
  expect(ours.stdout).toContain('Read-only file system');
  expect(berth(['list', '-q']).stdout).toBe(''); // run deletes the container on exit, as runc does
});

it('should run a bundle with a user namespace as runc does', () => {
  fs.chmodSync(h.tmp, 0o711); // the mapped root passes through to the bundles
  const script =
    'cat /proc/self/uid_map /proc/self/gid_map; id; stat -c %u:%g /bin/busybox; ls /dev; touch /x; exit 3';
  const bundle = runcBundle('userns', ['sh', '-c', script]);
  const file = path.join(bundle, 'config.json');
  const config = JSON.parse(fs.readFileSync(file, 'utf8'));
  config.linux.namespaces.push({ type: 'user' });
  config.linux.uidMappings = [{ containerID: 0, hostID: 200000, size: 65536 }];
  config.linux.gidMappings = [{ containerID: 0, hostID: 200000, size: 65536 }];
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  const runc = spawnSync('runc', ['--root', path.join(h.tmp, 'runc-root'), 'run', 'userns-runc'], {
    cwd: bundle,
    encoding: 'utf8',
  });
  const ours = berth(['run', 'userns-berth'], bundle);
  expect(runc.status).toBe(3);
  expect(ours.stderr).toBe(runc.stderr);
  expect(ours.stdout).toBe(runc.stdout);
  expect(ours.status).toBe(3);
  expect(ours.stdout).toContain('uid=0(root) gid=0(root)');
  expect(ours.stdout).toContain('65534:65534'); // the image is host root's: nobody's inside
});

it('should create, list, start, report state, and delete', () => {
  const bundle = runcBundle('lifecycle', ['sh', '-c', 'echo from-create; exit 4']);
  const out = fs.openSync(path.join(h.tmp, 'life.out'), 'w');
  expect(
    detached(['create', 'life', '--bundle', bundle, '--pid-file', path.join(h.tmp, 'life.pid')], out).status,
  ).toBe(0);
  fs.closeSync(out);
  const created = JSON.parse(berth(['state', 'life']).stdout);
  expect(created).toMatchObject({ ociVersion: '1.0.2', id: 'life', status: 'created', bundle });
  expect(Number(fs.readFileSync(path.join(h.tmp, 'life.pid'), 'utf8'))).toBe(created.pid);
  expect(berth(['list']).stdout).toMatch(/^ID\s+PID\s+STATUS\s+BUNDLE\s+CREATED\nlife\s+\d+\s+created\s+/);

  expect(berth(['start', 'life']).status).toBe(0);
  let state = JSON.parse(berth(['state', 'life']).stdout);
  for (let i = 0; state.status !== 'stopped' && i < 50; i++) {
    execFileSync('sleep', ['0.1']);
    state = JSON.parse(berth(['state', 'life']).stdout);
  }
  expect(state).toMatchObject({ status: 'stopped', exitCode: 4 });
  // the container wrote to create's stdout, as runc's pass-through
  expect(fs.readFileSync(path.join(h.tmp, 'life.out'), 'utf8')).toBe('from-create\n');
  expect(berth(['delete', 'life']).status).toBe(0);
  expect(berth(['list', '--format', 'json']).stdout).toBe('[]\n');
});

it('should kill with a signal and report it in the state', () => {
  const bundle = runcBundle('kill', ['sleep', '60']);
  expect(detached(['run', '--detach', 'victim', '--bundle', bundle]).status).toBe(0);
  expect(JSON.parse(berth(['state', 'victim']).stdout).status).toBe('running');
  expect(berth(['kill', 'victim', 'KILL']).status).toBe(0);
  let state = JSON.parse(berth(['state', 'victim']).stdout);
  for (let i = 0; state.status !== 'stopped' && i < 50; i++)
    state = JSON.parse(berth(['state', 'victim']).stdout);
  expect(state).toMatchObject({ status: 'stopped', exitCode: 137 });
  expect(berth(['delete', 'victim']).status).toBe(0);
});

it('should exec into a running container and exit with its status', () => {
  const bundle = runcBundle('exec', ['sleep', '60']);
  expect(detached(['run', '-d', 'ex', '-b', bundle]).status).toBe(0);
  const r = berth(['exec', '--env', 'X=42', 'ex', '--', 'sh', '-c', 'echo $X; hostname; exit 3']);
  expect(r.stdout).toBe('42\nrunc\n');
  expect(r.status).toBe(3);
  expect(berth(['delete', '-f', 'ex']).status).toBe(0);
});

it('should exit 127 with Docker’s message for a missing command and leave nothing', () => {
  const bundle = runcBundle('missing', ['nosuchcmd']);
  const r = berth(['run', 'missing'], bundle);
  expect(r.status).toBe(127);
  expect(r.stderr).toBe(
    'berth-runtime: container "missing": exec: "nosuchcmd": executable file not found in $PATH\n',
  );
  expect(berth(['list', '-q']).stdout).toBe('');
});

it('should explain usage errors and unknown containers', () => {
  expect(berth(['state']).stderr).toContain('"state" requires an argument: missing <container-id>');
  expect(berth(['state']).status).toBe(2);
  const r = berth(['state', 'ghost']);
  expect(r.status).toBe(1);
  expect(r.stderr).toBe('berth-runtime: container "ghost" does not exist\n');
  expect(berth(['frobnicate']).stderr).toContain('unknown command "frobnicate"');
});

describe('a bundle run again (its compiled run plan, carried out by the shim without Node)', () => {
  /** No node on the PATH: only the shim's own path can run anything. */
  const withoutNodeEnv = () => ({
    PATH: ['/usr/sbin', '/usr/bin', '/sbin', '/bin'].filter((d) => !fs.existsSync(`${d}/node`)).join(':'),
  });
  const withoutNode = (args: string[], cwd: string) =>
    spawnSync(BIN, ['--root', root, '--cgroup-parent', h.cgroupParent, ...args], {
      cwd,
      encoding: 'utf8',
      timeout: 30000,
      env: withoutNodeEnv(),
    });
  const leftovers = (id: string) =>
    [path.join(root, id), ...cgroupRoots().map((r) => path.join(r, h.cgroupParent, id))].filter((p) =>
      fs.existsSync(p),
    );

  it('should run it without Node, with the same output, status and errors, and leave nothing', () => {
    const bundle = runcBundle('planned', [
      'sh',
      '-c',
      'echo out; echo err >&2; cat /proc/self/cgroup | grep -c .; exit 5',
    ]);
    expect(withoutNode(['run', 'p0'], bundle).stderr).toContain('cannot start node');
    const first = berth(['run', 'p1'], bundle); // Node: runs it and leaves the plan
    expect(first.status).toBe(5);
    const again = withoutNode(['run', 'p2'], bundle);
    expect([again.status, again.stdout, again.stderr]).toEqual([5, first.stdout, first.stderr]);
    expect(leftovers('p1')).toEqual([]);
    expect(leftovers('p2')).toEqual([]);

    // another config.json is Node's again, until Node has run it once
    const config = JSON.parse(fs.readFileSync(path.join(bundle, 'config.json'), 'utf8'));
    config.process.args = ['nosuchcmd'];
    fs.writeFileSync(path.join(bundle, 'config.json'), JSON.stringify(config));
    expect(withoutNode(['run', 'p3'], bundle).stderr).toContain('cannot start node');
    const missing = berth(['run', 'p4'], bundle);
    const missingAgain = withoutNode(['run', 'p5'], bundle);
    expect(missingAgain.status).toBe(127);
    expect(missingAgain.stderr).toBe(missing.stderr.replace('"p4"', '"p5"'));
    expect(leftovers('p5')).toEqual([]);
  });

  it('should show the container to the other commands while it runs, pass signals on, and write the pid file', async () => {
    const bundle = runcBundle('planned-signals', [
      'sh',
      '-c',
      'trap "exit 3" TERM; echo ready; sleep 60 & wait',
    ]);
    const pidFile = path.join(h.tmp, 'planned.pid');
    for (const [id, env] of [
      ['s1', process.env], // Node, leaving the plan
      ['s2', withoutNodeEnv()],
    ] as const) {
      const child = spawn(
        BIN,
        ['--root', root, '--cgroup-parent', h.cgroupParent, 'run', '--pid-file', pidFile, id],
        {
          cwd: bundle,
          env,
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await new Promise<void>((resolve) =>
        child.stdout.on('data', (d: Buffer) => d.includes('ready') && resolve()),
      );
      const state = JSON.parse(berth(['state', id]).stdout);
      expect(state.status).toBe('running');
      expect(fs.readFileSync(pidFile, 'utf8')).toBe(String(state.pid));
      child.kill('SIGTERM');
      expect(await exited).toBe(3);
      expect(leftovers(id)).toEqual([]);
    }
  });
});
