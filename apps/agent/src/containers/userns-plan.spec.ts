import { berth } from '@berth/proto';
import { InvalidArgumentError } from '../errors';
import type { RemapIdentity } from '../system/userns-remap';
import { planContainer, runtimeOptions, type ImageFacts, type Resolved } from './plan';
import { requestFromProto } from './request-proto';
import { usernsFor } from './userns-plan';

const REMAP: RemapIdentity = {
  uidMappings: [{ containerID: 0, hostID: 100000, size: 65536 }],
  gidMappings: [{ containerID: 0, hostID: 200000, size: 65536 }],
  rootUid: 100000,
  rootGid: 200000,
};
const image: ImageFacts = {
  reference: 'busybox',
  configDigest: 'sha256:cfg',
  manifestDigest: 'sha256:man',
  config: { Cmd: ['sh'] },
};
const request = (fields: Record<string, unknown> = {}) =>
  requestFromProto(
    berth.engine.v1.ContainerSpec.decode(
      berth.engine.v1.ContainerSpec.encode({ image: 'busybox', ...fields }).finish(),
    ),
  );
const plan = (fields: Record<string, unknown>, remap: RemapIdentity | null) =>
  planContainer(request(fields), image, 'a'.repeat(64), 'web', new Date(0), remap);

describe(usernsFor.name, () => {
  it('should remap every container when the daemon remaps', () => {
    expect(usernsFor(request(), REMAP)).toEqual({
      uidMappings: REMAP.uidMappings,
      gidMappings: REMAP.gidMappings,
    });
  });

  it('should remap nothing without --userns-remap, whatever the container asks', () => {
    expect(usernsFor(request(), null)).toBeUndefined();
    expect(usernsFor(request({ privileged: true, network: 'host' }), null)).toBeUndefined();
  });

  it('should leave a --userns=host container in the host’s user namespace, privileged or on its network', () => {
    expect(usernsFor(request({ userns: 'host' }), REMAP)).toBeUndefined();
    expect(usernsFor(request({ userns: 'host', privileged: true, network: 'host' }), REMAP)).toBeUndefined();
  });

  it('should refuse --privileged and host networking with a remapped root, in dockerd’s words', () => {
    expect(() => usernsFor(request({ privileged: true }), REMAP)).toThrow(
      new InvalidArgumentError(
        'privileged mode is incompatible with user namespaces.  You must run the container in the host namespace when running privileged mode',
      ),
    );
    expect(() => usernsFor(request({ network: 'host' }), REMAP)).toThrow(
      "cannot share the host's network namespace when user namespaces are enabled",
    );
  });

  it('should refuse a --userns it does not know, with the daemon remapping or not', () => {
    expect(() => usernsFor(request({ userns: 'private' }), REMAP)).toThrow('invalid --userns "private"');
    expect(() => usernsFor(request({ userns: 'private' }), null)).toThrow(InvalidArgumentError);
  });
});

describe('planContainer and runtimeOptions under --userns-remap', () => {
  const resolved: Resolved = {
    lowerDirs: ['/init', '/l1'],
    upperDir: '/c/upper',
    workDir: '/c/work',
    mergedDir: '/c/merged',
    user: { uid: 0, gid: 0, additionalGids: [] },
    netnsPath: '/run/netns/x',
    etcFiles: { hosts: '/c/hosts', hostname: '/c/hostname', resolvConf: '/c/resolv.conf' },
    volumeDirs: {},
  };

  it('should keep the mappings in the record and give them, with idmapped layers, to the runtime', () => {
    const c = plan({}, REMAP);
    expect(c.userns).toEqual({ uidMappings: REMAP.uidMappings, gidMappings: REMAP.gidMappings });
    expect(c.hostConfig.usernsMode).toBe('');
    expect(runtimeOptions(c, resolved).userNamespace).toEqual({ ...c.userns, idmapLayers: true });
  });

  it('should give the runtime no user namespace for a container made without one', () => {
    const c = plan({ userns: 'host' }, REMAP);
    expect(c.userns).toBeUndefined();
    expect(c.hostConfig.usernsMode).toBe('host');
    expect(runtimeOptions(c, resolved).userNamespace).toBeUndefined();
    expect(runtimeOptions(plan({}, null), resolved).userNamespace).toBeUndefined();
  });
});
