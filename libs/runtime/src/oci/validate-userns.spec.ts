import { buildSpec } from './container-spec';
import type { OciIdMapping, OciSpec } from './spec';
import { validateSpec } from './validate';
import { hostIdOf } from './validate-userns';

const range = (containerID: number, hostID: number, size: number): OciIdMapping => ({
  containerID,
  hostID,
  size,
});

function withUserNs(uid?: OciIdMapping[], gid?: OciIdMapping[]): OciSpec {
  const spec = buildSpec({ args: ['true'], rootfs: { path: '/r' } });
  spec.linux!.namespaces!.push({ type: 'user' });
  if (uid) spec.linux!.uidMappings = uid;
  if (gid) spec.linux!.gidMappings = gid;
  return spec;
}
const problems = (spec: OciSpec) => validateSpec(spec);
const paths = (spec: OciSpec) => problems(spec).map((p) => p.path);

describe('validateSpec: user namespaces', () => {
  it('should accept a new user namespace with both mappings', () => {
    expect(problems(withUserNs([range(0, 100000, 65536)], [range(0, 100000, 65536)]))).toEqual([]);
  });

  it('should accept several disjoint ranges', () => {
    const maps = [range(0, 1000, 1), range(1, 100000, 65535)];
    expect(problems(withUserNs(maps, maps))).toEqual([]);
  });

  it('should require both mappings for a new user namespace', () => {
    expect(paths(withUserNs())).toEqual(['linux.uidMappings', 'linux.gidMappings']);
    expect(paths(withUserNs([range(0, 1, 1)], []))).toEqual(['linux.gidMappings']);
  });

  it('should refuse mappings without a user namespace', () => {
    const spec = buildSpec({ args: ['true'], rootfs: { path: '/r' } });
    spec.linux!.uidMappings = [range(0, 100000, 10)];
    const found = problems(spec);
    expect(found.map((p) => p.path)).toEqual(['linux.uidMappings']);
    expect(found[0].message).toContain('{"type": "user"}');
  });

  it('should refuse a size of zero, negative or fractional ids, and a range past the last id', () => {
    const spec = withUserNs(
      [range(0, 100000, 0), range(-1, 5, 1), range(0, 1.5, 1), range(2 ** 32 - 2, 0, 2)],
      [range(0, 100000, 1)],
    );
    expect(paths(spec)).toEqual([
      'linux.uidMappings[0].size',
      'linux.uidMappings[1]',
      'linux.uidMappings[2]',
      'linux.uidMappings[3]',
    ]);
  });

  it('should refuse ranges that overlap inside or outside, naming the later one and the earlier', () => {
    const spec = withUserNs(
      [range(0, 100000, 10), range(9, 200000, 5)],
      [range(0, 100000, 10), range(20, 100005, 1)],
    );
    const found = problems(spec);
    expect(found.map((p) => p.path)).toEqual(['linux.uidMappings[1]', 'linux.gidMappings[1]']);
    expect(found[0].message).toBe('its containerID range overlaps that of linux.uidMappings[0]');
    expect(found[1].message).toBe('its hostID range overlaps that of linux.gidMappings[0]');
  });

  it('should accept ranges that only touch', () => {
    const maps = [range(0, 100, 10), range(10, 110, 10)];
    expect(problems(withUserNs(maps, maps))).toEqual([]);
  });

  it('should refuse mappings that leave the container’s root unmapped', () => {
    const found = problems(withUserNs([range(1, 100001, 10)], [range(0, 100000, 10)]));
    expect(found).toEqual([
      {
        path: 'linux.uidMappings',
        message: "must map id 0 (the container's root), which sets the container up",
      },
    ]);
  });

  it('should refuse more lines than the kernel takes', () => {
    const many = Array.from({ length: 341 }, (_, i) => range(i, 1000 + i, 1));
    expect(paths(withUserNs(many, [range(0, 1, 1)]))).toEqual(['linux.uidMappings']);
  });

  it('should refuse a user namespace by path, and a mount namespace by path beside a new one', () => {
    const byPath = withUserNs();
    byPath.linux!.namespaces!.find((n) => n.type === 'user')!.path = '/proc/1/ns/user';
    expect(paths(byPath)).toEqual(['linux.namespaces[6].path']);

    const mountByPath = withUserNs([range(0, 1, 1)], [range(0, 1, 1)]);
    mountByPath.linux!.namespaces!.find((n) => n.type === 'mount')!.path = '/proc/1/ns/mnt';
    expect(paths(mountByPath)).toEqual(['linux.namespaces[3].path']);
  });
});

describe(hostIdOf.name, () => {
  it('should map through the range holding the id, and give null outside every range', () => {
    const maps = [range(0, 1000, 1), range(1, 100000, 10)];
    expect(hostIdOf(maps, 0)).toBe(1000);
    expect(hostIdOf(maps, 1)).toBe(100000);
    expect(hostIdOf(maps, 10)).toBe(100009);
    expect(hostIdOf(maps, 11)).toBeNull();
  });
});
