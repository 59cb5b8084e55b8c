import { buildSpec } from '../oci/container-spec';
import type { OciHooks, OciSpec } from '../oci/spec';
import { compileCreate, mountsUnder, type CreateContext } from './compile';
import { hookArgv, hookState, shimHookInstructions, stateAroundPid } from './hooks';
import type { Instruction } from './instructions';

const BASE = { ociVersion: '1.0.2', id: 'c1', bundle: '/b', annotations: { 'a"pid":-7777777': 'x' } };

const withHooks = (hooks: OciHooks): OciSpec => ({
  ...buildSpec({ args: ['true'], rootfs: { path: 'rootfs' } }),
  hooks,
});

const context: CreateContext = {
  stateDir: '/s',
  bundle: '/b',
  log: null,
  autostart: false,
  cgroupPath: 'berth/c1',
  cgroupLayout: { mode: 'v2', mountPoint: '/sys/fs/cgroup' },
  cgroupProcsFiles: [],
  cgroupNamespaces: true,
  hookState: BASE,
};

describe('stateAroundPid', () => {
  it('should split the state JSON exactly where the pid goes', () => {
    const [before, after] = stateAroundPid(BASE, 'creating');
    expect(JSON.parse(`${before}4242${after}`)).toEqual({
      ociVersion: '1.0.2',
      id: 'c1',
      status: 'creating',
      pid: 4242,
      bundle: '/b',
      annotations: BASE.annotations,
    });
  });

  it('should write the state TypeScript hooks read with pid 0 when there is none', () => {
    expect(JSON.parse(hookState(BASE, 'stopped', undefined))).toMatchObject({ status: 'stopped', pid: 0 });
    expect(JSON.parse(hookState(BASE, 'running', 7))).toMatchObject({ status: 'running', pid: 7 });
  });
});

describe('hookArgv', () => {
  it('should use args as execv does, else the path alone', () => {
    expect(hookArgv({ path: '/bin/x', args: ['x', '-v'] })).toEqual(['x', '-v']);
    expect(hookArgv({ path: '/bin/x' })).toEqual(['/bin/x']);
    expect(hookArgv({ path: '/bin/x', args: [] })).toEqual(['/bin/x']);
  });
});

describe('shimHookInstructions', () => {
  it('should place each shim-run hook, prestart before createRuntime, with its args, env and timeout', () => {
    const out = shimHookInstructions(
      withHooks({
        createRuntime: [{ path: '/cr', env: ['A=1'] }],
        prestart: [{ path: '/pre', args: ['pre', '1'], timeout: 5 }],
        createContainer: [{ path: '/cc' }],
        startContainer: [{ path: '/sc' }],
        poststart: [{ path: '/ps' }],
        poststop: [{ path: '/pp' }],
      }),
      BASE,
    );
    const heads = out.filter((i) => i[0] === 'hook').map((i) => i.slice(0, 5));
    expect(heads).toEqual([
      ['hook', 'runtime', 'prestart hook #0', '5', '/pre'],
      ['hook', 'runtime', 'createRuntime hook #0', '0', '/cr'],
      ['hook', 'container', 'createContainer hook #0', '0', '/cc'],
      ['hook', 'start', 'startContainer hook #0', '0', '/sc'],
    ]);
    expect(out.slice(0, 6).map((i) => (i[0] === 'hook' ? 'hook' : i))).toEqual([
      'hook',
      ['hook-arg', 'pre'],
      ['hook-arg', '1'],
      'hook',
      ['hook-arg', '/cr'],
      ['hook-env', 'A=1'],
    ]);
    const start = out.find((i) => i[1] === 'start')!;
    expect(JSON.parse(`${start[5]}1${start[6]}`).status).toBe('created');
  });

  it('should say nothing without hooks', () => {
    expect(shimHookInstructions(withHooks({}), BASE)).toEqual([]);
  });
});

describe('compileCreate with hooks', () => {
  const ops = (list: Instruction[]) => list.map((i) => i[0]);

  it('should run the createContainer hooks as the step just before pivot_root', () => {
    const out = ops(compileCreate(withHooks({ createContainer: [{ path: '/cc' }] }), context));
    expect(out.indexOf('run-hooks')).toBe(out.indexOf('pivot') - 1);
  });

  it('should add no step without createContainer hooks', () => {
    expect(ops(compileCreate(withHooks({ createRuntime: [{ path: '/x' }] }), context))).not.toContain(
      'run-hooks',
    );
  });
});

describe('compileCreate without a mount namespace', () => {
  const shared = (hooks: OciHooks = {}, keepMounts = false): OciSpec => {
    const spec = withHooks(hooks);
    spec.linux!.namespaces = spec.linux!.namespaces!.filter((n) => n.type !== 'mount');
    spec.hostname = 'box';
    if (!keepMounts) delete spec.mounts;
    return spec;
  };
  const steps = (spec: OciSpec) =>
    compileCreate(spec, context)
      .map((i) => i[0])
      .filter(
        (op) => !['state-dir', 'rootfs', 'ns', 'hook', 'hook-arg', 'hook-env', 'loopback-up'].includes(op),
      );

  it('should chroot and mount nothing without mounts, leaving the host’s propagation alone', () => {
    const out = steps(shared());
    expect(out.slice(0, 2)).toEqual(['chroot', 'hostname']);
    for (const op of ['rslave-root', 'mount-root', 'mount', 'pivot', 'mask', 'readonly', 'mkdev'])
      expect(out).not.toContain(op);
  });

  it('should make the spec’s mounts inside the rootfs as it is, then chroot', () => {
    const spec = shared({}, true);
    const out = steps(spec);
    expect(out[0]).toBe('root-dir');
    expect(out.filter((op) => op === 'mount').length).toBeGreaterThanOrEqual(spec.mounts!.length - 1);
    expect(out.indexOf('chroot')).toBeGreaterThan(out.lastIndexOf('mount'));
    for (const op of ['rslave-root', 'mount-root', 'pivot', 'mask']) expect(out).not.toContain(op);
  });

  it('should run createContainer hooks before the chroot', () => {
    expect(steps(shared({ createContainer: [{ path: '/cc' }] })).slice(0, 2)).toEqual([
      'run-hooks',
      'chroot',
    ]);
  });

  it('should make / rslave first with a mount namespace', () => {
    expect(steps(withHooks({}))[0]).toBe('rslave-root');
  });
});

describe('mountsUnder', () => {
  const info = [
    '22 1 0:21 / / rw - ext4 /dev/vda rw',
    '40 22 0:50 / /b/rootfs rw - overlay overlay rw',
    '41 40 0:51 / /b/rootfs/proc rw - proc proc rw',
    '42 40 0:52 / /b/rootfs/dev rw - tmpfs tmpfs rw',
    '43 42 0:53 / /b/rootfs/dev/pts rw - devpts devpts rw',
    '44 22 0:54 / /b/rootfs2 rw - tmpfs tmpfs rw',
    '45 40 0:55 / /b/rootfs/with\\040space rw - tmpfs tmpfs rw',
  ].join('\n');

  it('should list the mount points at and under the rootfs, deepest (latest) first, and nothing beside it', () => {
    expect(mountsUnder(info, '/b/rootfs/')).toEqual([
      '/b/rootfs/with space',
      '/b/rootfs/dev/pts',
      '/b/rootfs/dev',
      '/b/rootfs/proc',
      '/b/rootfs',
    ]);
    expect(mountsUnder(info, '/elsewhere')).toEqual([]);
  });
});
