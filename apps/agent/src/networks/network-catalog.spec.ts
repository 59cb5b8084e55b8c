import * as fs from 'node:fs';
import { ConflictError, InvalidArgumentError, NotFoundError } from '../errors';
import { NetworkCatalog } from './network-catalog';
import { builtinNetworks } from './network-record';
import { NetworkStore } from './network.store';
import { bridgeNetwork, FakeOverlays, tempDir } from './testing';

describe(NetworkCatalog.name, () => {
  let dir: string;
  let store: NetworkStore;
  let overlays: FakeOverlays;
  let catalog: NetworkCatalog;
  const config = {
    dataRoot: '/var/lib/berth',
    bridge: 'berth0',
    bridgeSubnet: '10.88.0.0/16',
    networkPool: '10.89.0.0/22',
  };
  const mesh = { id: 'f'.repeat(64), name: 'mesh', vni: 4097, subnet: '10.0.1.0/24', attachable: true };

  beforeEach(() => {
    dir = tempDir();
    store = NetworkStore.open(dir, builtinNetworks(config, ''));
    overlays = new FakeOverlays();
    catalog = new NetworkCatalog(store, overlays, config);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('find', () => {
    it('should find a network by name, or by an id prefix of at least 3 characters', () => {
      store.add(bridgeNetwork('front'));
      expect(catalog.find('front')?.name).toBe('front');
      expect(catalog.find('fro')?.name).toBe('front'); // id prefix: "front-id…"
      expect(catalog.find('fr')).toBeNull();
      expect(catalog.find('bridge')?.builtin).toBe(true);
    });

    it("should find the cluster's overlay networks, and remember them once the cluster forgets them", () => {
      overlays.networks.set('mesh', mesh);
      expect(catalog.find('mesh')).toMatchObject({
        name: 'mesh',
        driver: 'overlay',
        bridge: 'bo4097',
        vni: 4097,
      });
      overlays.networks.clear();
      expect(catalog.find('mesh')?.driver).toBe('overlay');
      expect(catalog.list().map((n) => n.name)).not.toContain('mesh');
    });
  });

  describe('get', () => {
    it('should refuse an unknown network', () => {
      expect(() => catalog.get('nope')).toThrow(new NotFoundError('network nope not found'));
    });
  });

  describe('isOwn', () => {
    it("should tell this machine's networks from the cluster's", () => {
      overlays.networks.set('mesh', mesh);
      expect(catalog.isOwn('bridge')).toBe(true);
      expect(catalog.isOwn('mesh')).toBe(false);
    });
  });

  describe('create', () => {
    it('should give a new network the first free /24 of the pool, and keep it', () => {
      store.add(bridgeNetwork('front', 0, { subnet: '10.89.0.0/24' }));
      const n = catalog.create({ name: 'back', labels: { a: 'b' } });
      expect(n).toMatchObject({
        name: 'back',
        driver: 'bridge',
        subnet: '10.89.1.0/24',
        gateway: '10.89.1.1',
        bridge: `br-${n.id.slice(0, 12)}`,
        labels: { a: 'b' },
        builtin: false,
      });
      expect(NetworkStore.open(dir, []).all()).toContainEqual(n);
    });

    it.each([
      [{ name: '-x' }, new InvalidArgumentError('invalid network name "-x"')],
      [{ name: 'bridge' }, new ConflictError('network with name bridge already exists')],
      [
        { name: 'x', driver: 'overlay' },
        new InvalidArgumentError(
          'driver "overlay" is not supported on one machine (bridge); overlay networks come with the cluster',
        ),
      ],
      [
        { name: 'x', subnet: '10.9.0/24' },
        new InvalidArgumentError('invalid subnet "10.9.0/24" (use e.g. 10.90.0.0/24)'),
      ],
      [
        { name: 'x', subnet: '10.88.0.0/16' },
        new ConflictError('subnet 10.88.0.0/16 is already used by another network'),
      ],
    ])('should refuse %j', (req, error) => {
      expect(() => catalog.create(req)).toThrow(error);
    });

    it('should say so when the pool has no /24 left', () => {
      for (const name of ['a', 'b', 'c', 'd']) catalog.create({ name });
      expect(() => catalog.create({ name: 'e' })).toThrow(
        new ConflictError(
          'no free /24 left in the network pool 10.89.0.0/22; remove unused networks or give --subnet',
        ),
      );
    });
  });
});
