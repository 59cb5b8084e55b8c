import { decodeTokens } from './instructions';
import {
  cgroupMounts,
  encodeRunPlan,
  ID_MARK,
  runPlanName,
  unplannable,
  type RunPlanInputs,
} from './run-plan';
import type { StoredState } from '../state/files';

const state = (
  spec: object = { process: { args: ['true'] }, linux: { namespaces: [{ type: 'mount' }] } },
): StoredState =>
  ({
    id: ID_MARK,
    bundle: '/b',
    rootfs: '/b/rootfs',
    createdAt: '',
    cgroupPath: `berth/${ID_MARK}`,
    spec,
  }) as StoredState;

const inputs = (over: Partial<RunPlanInputs> = {}): RunPlanInputs => ({
  configText: '{"ociVersion":"1.0.2"}',
  bundle: '/b',
  cgroupParent: 'berth',
  fingerprint: 'cg\n',
  stamps: [{ file: '/x/compile.js', mtimeNs: 1700000000123456789n }],
  stateDir: `/run/c/${ID_MARK}`,
  rootfs: '/b/rootfs',
  cgroups: {
    dirs: [`/sys/fs/cgroup/pids/berth/${ID_MARK}`],
    writes: [
      {
        file: `/sys/fs/cgroup/pids/berth/${ID_MARK}/pids.max`,
        value: '5',
        specPath: 'linux.resources.pids.limit',
      },
    ],
  },
  state: state(),
  instructions: [
    ['state-dir', `/run/c/${ID_MARK}`],
    ['arg', 'true'],
  ],
  ...over,
});

describe('compiled run plans', () => {
  it('should lay the plan out as the shim reads it: header, stamps, then steps with their arguments', () => {
    const tokens = decodeTokens(encodeRunPlan(inputs()));
    expect(tokens.slice(0, 5)).toEqual(['berth-run-plan-1', '/b', 'berth', 'cg\n', '{"ociVersion":"1.0.2"}']);
    expect(tokens.slice(5, 8)).toEqual(['stamp', '/x/compile.js', '1700000000123456789']);
    const steps = tokens.slice(8);
    expect(steps.slice(0, 3)).toEqual([
      'need-dir',
      '/b/rootfs',
      'rootfs /b/rootfs does not exist or is not a directory',
    ]);
    expect(steps.slice(3, 9)).toEqual([
      'state-dir',
      '/run/c/\u0001',
      'cgroup-dir',
      '/sys/fs/cgroup/pids/berth/\u0001',
      'cgroup-write',
      '/sys/fs/cgroup/pids/berth/\u0001/pids.max',
    ]);
    const instructions = steps.indexOf('instructions');
    expect(steps.slice(instructions, instructions + 6)).toEqual([
      'instructions',
      '4',
      'state-dir',
      '/run/c/\u0001',
      'arg',
      'true',
    ]);
    expect(steps[steps.length - 1]).toBe('end');
  });

  it('should leave the id, the creation time and the monitor pid as marks in the state JSON', () => {
    const tokens = decodeTokens(encodeRunPlan(inputs()));
    const json = tokens[tokens.indexOf('state') + 1];
    expect(json).toContain('"id":"\\u0001"');
    expect(json).toContain('"createdAt":"\\u0002"');
    expect(json).toContain('"shimPid":"\\u0003"');
    // what the shim writes once it has filled them in is the state the runtime reads
    const filled = json
      .replace('"\\u0003"', '4242')
      .replace('\\u0002', '2026-12-08T00:00:00.000Z')
      .replaceAll('\\u0001', 'c1');
    expect(JSON.parse(filled)).toEqual({
      generation: 1,
      value: {
        ...state(),
        id: 'c1',
        cgroupPath: 'berth/c1',
        createdAt: '2026-12-08T00:00:00.000Z',
        shimPid: 4242,
      },
    });
  });

  it('should refuse to plan what the shim would have to decide, or what holds its marks', () => {
    expect(unplannable('{}', state())).toBeNull();
    expect(unplannable('{"x":"\\u0001"}', state())).toMatch(/placeholder/);
    expect(unplannable('{"x":"\u0002"}', state())).toMatch(/placeholder/);
    const ns = { linux: { namespaces: [{ type: 'mount' }] } };
    expect(unplannable('{}', state({ ...ns, process: { terminal: true } }))).toMatch(/terminal/);
    expect(unplannable('{}', state({ ...ns, hooks: { poststop: [{ path: '/x' }] } }))).toMatch(/hooks/);
    expect(unplannable('{}', state({ ...ns, hooks: { poststop: [] } }))).toBeNull();
    expect(
      unplannable('{}', state({ linux: { namespaces: [{ type: 'mount' }, { type: 'user' }] } })),
    ).toMatch(/user namespace/);
    expect(unplannable('{}', state({ linux: { namespaces: [] } }))).toMatch(/no mount namespace/);
  });

  it('should refuse a token holding a NUL byte', () => {
    expect(() => encodeRunPlan(inputs({ configText: '{"a":"\0"}' }))).toThrow(/NUL/);
  });

  it('should keep only the cgroup mounts of mountinfo, each line ended', () => {
    const info =
      '22 1 0:21 / / rw - ext4 /dev/vda rw\n' +
      '30 22 0:26 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n' +
      '31 22 0:27 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n';
    expect(cgroupMounts(info)).toBe(
      '30 22 0:26 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n31 22 0:27 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n',
    );
  });

  it('should name a plan by FNV-1a of the bundle and cgroup parent, as the shim does', () => {
    // FNV-1a 32 of "a\0b": the shim hashes the same bytes (native/src/runplan.c fnv1a)
    expect(runPlanName('a', 'b')).toBe('10f3abd2'); // python3: reduce over b'a\x00b' of ((h ^ byte) * 0x01000193) & 0xffffffff
    expect(runPlanName('/b', 'berth')).not.toBe(runPlanName('/b', 'other'));
  });
});
