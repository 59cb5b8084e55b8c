import type { ImageRecord } from '@berth/image';
import { ConflictError, InvalidArgumentError, NotFoundError } from '../errors';
import {
  ContainerCreator,
  type CreatorImages,
  type CreatorNetworks,
  type CreatorVolumes,
} from './container-creator';
import { containerRequest, type ContainerRequest } from './request';
import { containerRecord, containerState, MemoryRepository, RecordingEvents } from './testing';

const IMAGE = {
  configDigest: 'sha256:cfg',
  manifestDigest: 'sha256:man',
  layers: [{ chainId: 'sha256:l1' }],
} as unknown as ImageRecord;

function harness(options: { here?: boolean; overlay?: boolean } = {}) {
  const repo = new MemoryRepository(containerRecord('e'.repeat(64), 'taken', {}, containerState('exited')));
  const events = new RecordingEvents();
  const log: string[] = [];
  const images: CreatorImages = {
    tryResolve: (ref: string) => (options.here === false ? null : ref === 'busybox' ? IMAGE : null),
    containerConfig: () => ({ Cmd: ['sh'], Volumes: { '/data': {} } }),
    hold: (holder: string, images: string[]) =>
      void log.push(`hold ${images.join(',')} for ${holder.length}`),
  } as unknown as CreatorImages;
  const pulls: { reference: string; auth?: unknown }[] = [];
  const pull = (async (reference: string, o: { auth?: unknown } = {}) => {
    pulls.push({ reference, auth: o.auth });
    return { image: IMAGE, digest: 'sha256:man', status: 'Downloaded newer image for busybox:latest' };
  }) as unknown as ConstructorParameters<typeof ContainerCreator>[2];
  const networks: CreatorNetworks = {
    attachOverlay: async (ref: string) =>
      options.overlay && ref === 'ov'
        ? { networkId: 'n1', networkName: 'ov', attachmentId: 'a1', address: '10.0.9.2/24' }
        : null,
    detachOverlays: async (c: { networks: { cluster?: unknown }[] }) =>
      void log.push(`detach ${c.networks.filter((n) => n.cluster).length}`),
    find: (ref: string) => (ref === 'bridge' || ref === 'ov' ? ({ name: ref } as never) : null),
    get: (ref: string) => {
      if (ref === 'bridge' || ref === 'ov') return { name: ref } as never;
      throw new NotFoundError(`network ${ref} not found`);
    },
    checkPorts: async () => undefined,
  } as unknown as CreatorNetworks;
  const volumes: CreatorVolumes = {
    ensure: (name: string | null) => ({ volume: { name: name ?? 'anon1' }, created: name === null }),
    dataDir: (name: string) => `/volumes/${name}`,
    use: (name: string) => void log.push(`use ${name}`),
  } as unknown as CreatorVolumes;
  const layout = {
    makeRootfsDirs: () => void log.push('rootfs dirs'),
    copyImageContent: (_image: ImageRecord, dest: string, target: string) =>
      void log.push(`copy ${dest} to ${target}`),
  };
  const creator = new ContainerCreator(repo, images, pull, networks, volumes, layout, events);
  return { creator, repo, events, log, pulls };
}

const request = (fields: Partial<ContainerRequest> = {}) => containerRequest('busybox', fields);

describe(ContainerCreator.name, () => {
  describe('create', () => {
    it('should keep the planned container, its image held, its volume made from the image, and say so', async () => {
      const h = harness();
      const c = await h.creator.create(request({ name: 'web' }));
      expect(h.repo.get('web')).toBe(c);
      expect(c.mounts).toEqual([
        expect.objectContaining({
          type: 'volume',
          source: 'anon1',
          destination: '/data',
          hostPath: '/volumes/anon1',
        }),
      ]);
      expect(h.log).toEqual([
        'copy /data to /volumes/anon1',
        'use anon1',
        'rootfs dirs',
        'hold sha256:man for 64',
      ]);
      expect(h.events.actions(c.id)).toEqual(['create']);
    });

    it('should make up a name when none is given', async () => {
      const c = await harness().creator.create(request());
      expect(c.name).toMatch(/^[a-z]+_[a-z]+\d*$/);
    });

    it.each([
      ['taken', ConflictError, 'The container name "/taken" is already in use by container "eeee'],
      ['-bad', InvalidArgumentError, 'Invalid container name (-bad)'],
    ])('should refuse the name %s, keeping nothing', async (name, type, message) => {
      const h = harness();
      const made = h.creator.create(request({ name }));
      await expect(made).rejects.toThrow(type);
      await expect(h.creator.create(request({ name }))).rejects.toThrow(message);
      expect(h.repo.all()).toHaveLength(1);
    });

    it('should refuse a missing image unless asked to pull it, then pull it with the credentials', async () => {
      const h = harness({ here: false });
      await expect(h.creator.create(request())).rejects.toThrow(new NotFoundError('No such image: busybox'));
      const heard: unknown[] = [];
      await h.creator.create(
        request({ pull: { missing: true, auth: { username: 'u', password: 'p' } } }),
        (e) => heard.push(e),
      );
      expect(h.pulls).toEqual([{ reference: 'busybox', auth: { username: 'u', password: 'p' } }]);
      expect(heard).toEqual([{ digest: 'sha256:man', status: 'Downloaded newer image for busybox:latest' }]);
    });

    it("should refuse a --mount bind whose source is missing, giving back the cluster overlay's address", async () => {
      const h = harness({ overlay: true });
      const made = h.creator.create(
        request({
          network: 'ov',
          mounts: [
            {
              type: 'bind',
              source: '/no/such/dir',
              target: '/x',
              readOnly: false,
              options: [],
              createHostPath: false,
            },
          ],
        }),
      );
      await expect(made).rejects.toThrow('bind source path does not exist: /no/such/dir');
      expect(h.log).toEqual(['detach 1']);
      expect(h.repo.all()).toHaveLength(1);
    });

    it('should put a container on an attachable overlay with the manager’s address, out through the bridge', async () => {
      const c = await harness({ overlay: true }).creator.create(
        request({ network: 'ov', networkAliases: ['db'] }),
      );
      expect(c.hostConfig).toMatchObject({ network: 'bridge', networkAliases: [] });
      expect(c.networks[0]).toMatchObject({
        network: 'ov',
        requestedAddress: '10.0.9.2/24',
        aliases: ['db'],
      });
    });

    it('should refuse a network this machine does not have', async () => {
      const h = harness();
      await expect(h.creator.create(request({ network: 'nowhere' }))).rejects.toThrow(
        'network nowhere not found',
      );
      expect(h.repo.all()).toHaveLength(1);
    });
  });
});
