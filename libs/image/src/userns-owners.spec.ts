import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { containerOwners, hostOwners, shiftOwners } from './userns-owners';

describe(containerOwners.name, () => {
  const owners = containerOwners({
    uidMappings: [
      { containerID: 0, hostID: 100000, size: 1000 },
      { containerID: 1000, hostID: 300000, size: 10 },
    ],
    gidMappings: [{ containerID: 0, hostID: 200000, size: 1000 }],
  });

  it('should shift host ids in the ranges back to the container’s', () => {
    expect([owners(100000, 'uid'), owners(100999, 'uid'), owners(300005, 'uid')]).toEqual([0, 999, 1005]);
    expect(owners(200010, 'gid')).toBe(10);
  });

  it('should keep ids outside the ranges: the layers’, seen as they are on disk', () => {
    expect([owners(0, 'uid'), owners(101000, 'uid'), owners(100000, 'gid')]).toEqual([0, 101000, 100000]);
  });
});

describe(hostOwners.name, () => {
  const owners = hostOwners({
    uidMappings: [{ containerID: 0, hostID: 100000, size: 1000 }],
    gidMappings: [{ containerID: 0, hostID: 200000, size: 1000 }],
  });

  it('should give the host ids of the container’s, and keep ids it does not map', () => {
    expect([owners(0, 'uid'), owners(999, 'uid'), owners(5, 'gid')]).toEqual([100000, 100999, 200005]);
    expect(owners(1000, 'uid')).toBe(1000);
  });
});

describe(shiftOwners.name, () => {
  it('should chown every entry through the map, keeping modes and set-id bits, and links as links', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shift-owners-'));
    try {
      fs.mkdirSync(path.join(dir, 'd'));
      fs.writeFileSync(path.join(dir, 'd', 'f'), 'x');
      fs.chmodSync(path.join(dir, 'd', 'f'), 0o4755);
      fs.symlinkSync('f', path.join(dir, 'd', 'l'));
      fs.lchownSync(path.join(dir, 'd', 'l'), 7, 7);
      shiftOwners(dir, (id) => (id === 0 ? 100000 : id));
      const owner = (p: string) => fs.lstatSync(path.join(dir, p)).uid;
      expect([owner(''), owner('d'), owner('d/f'), owner('d/l')]).toEqual([100000, 100000, 100000, 7]);
      expect(fs.statSync(path.join(dir, 'd', 'f')).mode & 0o7777).toBe(0o4755);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
