import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinNetworks } from './network-record';
import { NetworkStore } from './network.store';
import { bridgeNetwork, tempDir } from './testing';

describe(NetworkStore.name, () => {
  let root: string;
  let dir: string;
  const builtins = builtinNetworks(
    { dataRoot: '/var/lib/berth', bridge: 'berth0', bridgeSubnet: '10.88.0.0/16' },
    '2026-01-01T00:00:00.000Z',
  );
  const saved = () => JSON.parse(fs.readFileSync(path.join(dir, 'networks.json'), 'utf8')) as unknown;

  beforeEach(() => {
    root = tempDir();
    dir = path.join(root, 'network');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  describe('open', () => {
    it('should make the directory and hold only the pre-defined networks when nothing is kept', () => {
      const store = NetworkStore.open(dir, builtins);
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      expect(store.all().map((n) => n.name)).toEqual(['bridge', 'host', 'none']);
    });

    it("should read networks.json's user networks after the pre-defined ones, ignoring builtins kept there", () => {
      fs.mkdirSync(dir);
      const front = bridgeNetwork('front');
      const stale = { ...bridgeNetwork('bridge'), builtin: true };
      fs.writeFileSync(path.join(dir, 'networks.json'), JSON.stringify([stale, front]));
      const store = NetworkStore.open(dir, builtins);
      expect(store.all().map((n) => n.name)).toEqual(['bridge', 'host', 'none', 'front']);
      expect(store.all()[0]).toBe(builtins[0]);
      expect(store.all()[3]).toEqual(front);
    });

    it('should start with no user network when networks.json cannot be read', () => {
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'networks.json'), '[{"name":');
      expect(NetworkStore.open(dir, builtins).all()).toHaveLength(3);
    });
  });

  describe('add', () => {
    it('should keep the user networks, and only them, in networks.json', () => {
      const store = NetworkStore.open(dir, builtins);
      store.add(bridgeNetwork('front', 1));
      store.add(bridgeNetwork('back', 2));
      expect(saved()).toEqual([bridgeNetwork('front', 1), bridgeNetwork('back', 2)]);
      expect(
        NetworkStore.open(dir, builtins)
          .all()
          .map((n) => n.name),
      ).toEqual(['bridge', 'host', 'none', 'front', 'back']);
    });
  });

  describe('delete', () => {
    it('should forget the network, on disk too', () => {
      const store = NetworkStore.open(dir, builtins);
      store.add(bridgeNetwork('front', 1));
      store.add(bridgeNetwork('back', 2));
      store.delete(bridgeNetwork('front').id);
      expect(store.all().map((n) => n.name)).toEqual(['bridge', 'host', 'none', 'back']);
      expect(saved()).toEqual([bridgeNetwork('back', 2)]);
    });
  });
});
