import { buildSpec } from './container-spec';
import type { OciSpec } from './spec';
import { validateSpec } from './validate';

const valid = (): OciSpec => buildSpec({ args: ['true'], rootfs: { path: '/r' }, hostname: 'h' });
const paths = (spec: OciSpec) => validateSpec(spec).map((p) => p.path);

describe('validateSpec', () => {
  it('should accept what buildSpec makes', () => {
    expect(validateSpec(valid())).toEqual([]);
  });

  it('should name a missing command, root and version', () => {
    const spec = valid();
    spec.process!.args = [];
    delete (spec as Partial<OciSpec>).ociVersion;
    delete spec.root;
    expect(paths(spec)).toEqual(['ociVersion', 'root.path', 'process.args']);
  });

  it('should refuse memory limits below 6 MiB and swap below the limit', () => {
    const spec = valid();
    spec.linux!.resources = { memory: { limit: 1024, swap: 512 } };
    const problems = validateSpec(spec);
    expect(problems.map((p) => p.path)).toEqual([
      'linux.resources.memory.limit',
      'linux.resources.memory.swap',
    ]);
    expect(problems[0].message).toContain('at least 6291456 bytes');
  });

  it('should refuse CPU values the kernel would refuse', () => {
    const spec = valid();
    spec.linux!.resources = { cpu: { shares: 1, quota: 10, period: 10 } };
    expect(paths(spec)).toEqual([
      'linux.resources.cpu.shares',
      'linux.resources.cpu.period',
      'linux.resources.cpu.quota',
    ]);
  });

  it('should accept -1 as unlimited', () => {
    const spec = valid();
    spec.linux!.resources = { memory: { limit: -1, swap: -1 }, cpu: { quota: -1 }, pids: { limit: -1 } };
    expect(validateSpec(spec)).toEqual([]);
  });

  it('should refuse a pids limit below -1 and non-integers', () => {
    const spec = valid();
    spec.linux!.resources = { pids: { limit: -5 } };
    expect(paths(spec)).toEqual(['linux.resources.pids.limit']);
    spec.linux!.resources = { memory: { limit: 1.5e7 + 0.5 } };
    expect(paths(spec)).toEqual(['linux.resources.memory.limit']);
  });

  it('should refuse unknown, unsupported and duplicate namespaces, and a hostname without uts', () => {
    const spec = valid();
    spec.linux!.namespaces = [
      { type: 'pid' },
      { type: 'pid' },
      { type: 'time' },
      { type: 'bogus' as 'pid' },
      { type: 'mount' },
    ];
    expect(paths(spec)).toEqual([
      'linux.namespaces[1]',
      'linux.namespaces[2].type',
      'linux.namespaces[3].type',
      'hostname',
    ]);
  });

  it('should require a mount namespace', () => {
    const spec = valid();
    spec.linux!.namespaces = spec.linux!.namespaces!.filter((n) => n.type !== 'mount');
    expect(paths(spec)).toEqual(['linux.namespaces']);
  });

  it('should check the process: cwd, user, env, rlimits, capabilities, oom score', () => {
    const spec = valid();
    Object.assign(spec.process!, {
      cwd: 'relative',
      user: { uid: -1, gid: 0 },
      env: ['NOEQUALS'],
      rlimits: [{ type: 'RLIMIT_BOGUS', soft: 2, hard: 1 }],
      capabilities: { bounding: ['CAP_FLY'] },
      oomScoreAdj: 2000,
    });
    expect(paths(spec)).toEqual([
      'process.cwd',
      'process.user',
      'process.env',
      'process.oomScoreAdj',
      'process.capabilities.bounding',
      'process.rlimits[0].type',
      'process.rlimits[0]',
    ]);
  });

  it('should take a terminal and refuse a umask out of range', () => {
    const spec = valid();
    spec.process!.terminal = true;
    spec.process!.user.umask = 0o1000;
    expect(validateSpec(spec).map((p) => p.path)).toEqual(['process.user.umask']);
  });

  it('should require absolute mount destinations', () => {
    const spec = valid();
    spec.mounts!.push({ destination: 'data', type: 'tmpfs' });
    expect(paths(spec)).toEqual([`mounts[${spec.mounts!.length - 1}].destination`]);
  });
});
