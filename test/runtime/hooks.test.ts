/** OCI hooks through bin/berth-runtime: each of the six runs where and when the runtime spec says, with the state on stdin. */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RuntimeHarness } from '@berth/testing';
import type { OciHook, OciHooks } from '@berth/runtime';

const BIN = path.resolve('bin/berth-runtime');
let h: RuntimeHarness;
let root: string;
let counter = 0;

beforeAll(() => {
  h = RuntimeHarness.open('hooks');
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

/** A runc-spec bundle running ARGS, with OUT (a fresh host dir) bound at the container's /tmp. */
function bundleWith(
  args: string[],
  hooks: (out: string) => OciHooks,
): { bundle: string; out: string; id: string } {
  const id = `hooks-${++counter}`;
  const out = path.join(h.tmp, 'out', id);
  fs.mkdirSync(out, { recursive: true });
  const bundle = h.runcBundle(id, args, (config) => {
    config.mounts!.push({ destination: '/tmp', type: 'bind', source: out, options: ['rbind', 'rw'] });
    config.annotations = { 'org.example.hooks': 'yes' };
    config.hooks = hooks(out);
  });
  return { bundle, out, id };
}

/** A hook that appends NAME to OUT/order and saves its stdin (the state) and SCRIPT's output under OUT/NAME.*. */
function recorder(out: string, name: string, script = '', extra: Partial<OciHook> = {}): OciHook {
  const save =
    `s=$(cat); echo "$s" > ${out}/${name}.json; echo ${name} >> ${out}/order; ` +
    `pid=$(echo "$s" | sed 's/.*"pid":\\([0-9]*\\).*/\\1/'); ${script}`;
  return { path: '/bin/sh', args: ['sh', '-c', save], ...extra };
}

function berth(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(BIN, ['--root', root, '--cgroup-parent', h.cgroupParent, ...args], {
    encoding: 'utf8',
    timeout: 30000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** create hands the container its stdio (as runc), so its stderr goes to a file that is not held open by us. */
function create(id: string, bundle: string): { status: number | null; stderr: string } {
  const errFile = path.join(h.tmp, `${id}.create-err`);
  const err = fs.openSync(errFile, 'w');
  const r = spawnSync(
    BIN,
    ['--root', root, '--cgroup-parent', h.cgroupParent, 'create', id, '--bundle', bundle],
    {
      timeout: 30000,
      stdio: ['ignore', 'ignore', err],
    },
  );
  fs.closeSync(err);
  return { status: r.status, stderr: fs.readFileSync(errFile, 'utf8') };
}

const read = (file: string) => fs.readFileSync(file, 'utf8');
const stateOf = (id: string) => JSON.parse(berth(['state', id]).stdout);

async function untilStopped(id: string): Promise<void> {
  for (let i = 0; i < 100 && stateOf(id).status !== 'stopped'; i++)
    await new Promise((r) => setTimeout(r, 50));
}

/** Nothing of container ID is left: no state dir, no cgroup in any hierarchy. */
function expectNothingLeft(id: string): void {
  expect(fs.existsSync(path.join(root, id))).toBe(false);
  for (const dir of h.cgroupDirs()) expect(fs.existsSync(path.join(dir, id))).toBe(false);
}

it('should run all six hooks in the spec’s order, where the spec says, with the state on stdin', async () => {
  const { bundle, out, id } = bundleWith(
    ['sh', '-c', 'test -f /tmp/startContainer.json && echo process >> /tmp/order'],
    (o) => ({
      prestart: [recorder(o, 'prestart')],
      createRuntime: [
        recorder(
          o,
          'createRuntime',
          `readlink /proc/$pid/ns/uts > ${o}/createRuntime.uts; ls /proc/$$/fd/3 > ${o}/fd3 2>&1 || echo none > ${o}/fd3`,
        ),
      ],
      createContainer: [
        recorder(o, 'createContainer', `readlink /proc/self/ns/mnt > ${o}/createContainer.mnt`),
      ],
      // resolved and run inside the container, after pivot_root: its /tmp is OUT
      startContainer: [
        {
          path: '/bin/sh',
          args: [
            'sh',
            '-c',
            'cat > /tmp/startContainer.json; echo startContainer >> /tmp/order; echo $HOOKED > /tmp/env',
          ],
          env: ['HOOKED=yes'],
        },
      ],
      poststart: [recorder(o, 'poststart')],
      poststop: [recorder(o, 'poststop')],
    }),
  );
  expect(create(id, bundle).status).toBe(0);
  const created = stateOf(id);
  expect(read(`${out}/order`)).toBe('prestart\ncreateRuntime\ncreateContainer\n');
  // createRuntime ran in the host's namespaces once the container's existed
  expect(read(`${out}/createRuntime.uts`).trim()).toBe(fs.readlinkSync(`/proc/${created.pid}/ns/uts`));
  expect(fs.readlinkSync(`/proc/${created.pid}/ns/uts`)).not.toBe(fs.readlinkSync('/proc/self/ns/uts'));
  // the monitor's fds (its status pipe is fd 3) are not the hook's
  expect(read(`${out}/fd3`)).toBe('none\n');
  // createContainer ran in the container's mount namespace
  expect(read(`${out}/createContainer.mnt`).trim()).toBe(fs.readlinkSync(`/proc/${created.pid}/ns/mnt`));
  const expected = {
    ociVersion: '1.0.2',
    id,
    pid: created.pid,
    bundle,
    annotations: { 'org.example.hooks': 'yes' },
  };
  expect(JSON.parse(read(`${out}/prestart.json`))).toEqual({ ...expected, status: 'creating' });
  expect(JSON.parse(read(`${out}/createContainer.json`))).toEqual({ ...expected, status: 'creating' });

  const start = berth(['start', id]);
  expect(start.stderr).toBe('');
  expect(start.status).toBe(0);
  await untilStopped(id);
  expect(stateOf(id)).toMatchObject({ status: 'stopped', exitCode: 0 });
  expect(JSON.parse(read(`${out}/startContainer.json`))).toEqual({ ...expected, status: 'created' });
  expect(JSON.parse(read(`${out}/poststart.json`))).toEqual({ ...expected, status: 'running' });
  expect(read(`${out}/env`)).toBe('yes\n');
  // the process saw startContainer's file: it ran before the exec; poststart may come before or after it
  expect(read(`${out}/order`).split('\n').slice(3, 6).sort()).toEqual([
    'poststart',
    'process',
    'startContainer',
  ]);
  expect(read(`${out}/order`).split('\n')[3]).toBe('startContainer');

  expect(fs.existsSync(`${out}/poststop.json`)).toBe(false);
  expect(berth(['delete', id]).status).toBe(0);
  expect(JSON.parse(read(`${out}/poststop.json`))).toEqual({ ...expected, status: 'stopped' });
  expect(read(`${out}/order`).trim().split('\n').pop()).toBe('poststop');
  expectNothingLeft(id);
});

it('should fail create and leave nothing when a createRuntime hook fails', () => {
  const { bundle, out, id } = bundleWith(['true'], (o) => ({
    createRuntime: [recorder(o, 'ok'), { path: '/bin/sh', args: ['sh', '-c', 'echo boom >&2; exit 3'] }],
    createContainer: [recorder(o, 'createContainer')],
  }));
  const r = create(id, bundle);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('createRuntime hook #1 (/bin/sh): exited with status 3: boom');
  expect(read(`${out}/order`)).toBe('ok\n'); // nothing ran after the failure
  expectNothingLeft(id);
  expect(berth(['list', '-q']).stdout).toBe('');
});

it('should kill a hook at its timeout and fail create', () => {
  const { bundle, id } = bundleWith(['true'], () => ({
    createContainer: [{ path: '/bin/sh', args: ['sh', '-c', 'echo waiting; sleep 30'], timeout: 1 }],
  }));
  const began = Date.now();
  const r = create(id, bundle);
  expect(Date.now() - began).toBeLessThan(10000);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain(
    'createContainer hook #0 (/bin/sh): killed after its timeout of 1 seconds: waiting',
  );
  expectNothingLeft(id);
});

it('should fail start when a startContainer hook fails, and the process never runs', async () => {
  const { bundle, out, id } = bundleWith(['sh', '-c', 'echo process >> /tmp/order'], () => ({
    startContainer: [{ path: '/bin/false' }],
  }));
  expect(create(id, bundle).status).toBe(0);
  const r = berth(['start', id]);
  expect(r.status).not.toBe(0);
  expect(r.stderr).toContain('startContainer hook #0 (/bin/false): exited with status 1');
  await untilStopped(id);
  expect(stateOf(id).status).toBe('stopped');
  expect(fs.existsSync(`${out}/order`)).toBe(false);
  expect(berth(['delete', id]).status).toBe(0);
});

it('should warn and go on when poststart or poststop hooks fail', async () => {
  const failing = (code: number): OciHook => ({ path: '/bin/sh', args: ['sh', '-c', `exit ${code}`] });
  const { bundle, out, id } = bundleWith(['true'], (o) => ({
    poststart: [failing(4), recorder(o, 'poststart')],
    poststop: [failing(5), recorder(o, 'poststop')],
  }));
  expect(create(id, bundle).status).toBe(0);
  const start = berth(['start', id]);
  expect(start.status).toBe(0);
  expect(start.stderr).toBe('berth-runtime: warning: poststart hook #0 (/bin/sh): exited with status 4\n');
  await untilStopped(id);
  const del = berth(['delete', id]);
  expect(del.status).toBe(0);
  expect(del.stderr).toBe('berth-runtime: warning: poststop hook #0 (/bin/sh): exited with status 5\n');
  expect(read(`${out}/order`)).toBe('poststart\npoststop\n'); // the later hooks still ran
  expectNothingLeft(id);
});

it('should refuse hooks that are not absolute paths or have a bad timeout, making nothing', () => {
  const { bundle, id } = bundleWith(['true'], () => ({
    poststart: [{ path: 'relative/hook' }],
    createRuntime: [{ path: '/bin/true', timeout: 0 }],
  }));
  const r = create(id, bundle);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('hooks.poststart[0].path: must be an absolute path');
  expect(r.stderr).toContain('hooks.createRuntime[0].timeout: must be a positive number of seconds, got 0');
  expectNothingLeft(id);
});
