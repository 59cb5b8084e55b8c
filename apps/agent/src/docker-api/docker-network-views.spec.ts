import { ForbiddenException } from '@nestjs/common';
import type { Network as ClusterNetwork } from '@berth/cluster';
import { containerRecord, containerState } from '../containers/testing';
import { InvalidArgumentError } from '../errors';
import { builtinNetworks } from '../networks/network-record';
import { attachment, bridgeNetwork } from '../networks/testing';
import { DockerFilters } from './docker-filters';
import {
  endpointId,
  endpointsOf,
  networkFacts,
  membersOf,
  NETWORK_LIST_FILTERS,
  networkInspect,
  networkMatches,
  networkRequestOf,
  networkSummary,
  clusterNetworkFacts,
} from './docker-network-views';
import { FilterError } from './docker-views';

const [bridge, host, none] = builtinNetworks(
  { dataRoot: '/var/lib/berth', bridge: 'berth0', bridgeSubnet: '172.30.0.0/16' },
  '2024-05-01T10:00:00.000Z',
).map(networkFacts);
const web = networkFacts(
  bridgeNetwork('web', 4, { labels: { tier: 'front' }, created: '2024-05-02T10:00:00.000Z' }),
);
const filters = (f: Record<string, string[]>) => DockerFilters.parse(JSON.stringify(f), NETWORK_LIST_FILTERS);

function running(id: string, name: string, network = 'bridge') {
  const c = containerRecord(id, name, {}, containerState('running'));
  c.hostConfig.network = network;
  return c;
}

describe('Docker network views', () => {
  describe(networkSummary.name, () => {
    it('should list the default bridge as dockerd does: local, IPv4, its subnet and bridge', () => {
      expect(networkSummary(bridge)).toMatchObject({
        Name: 'bridge',
        Scope: 'local',
        Driver: 'bridge',
        EnableIPv4: true,
        EnableIPv6: false,
        IPAM: { Driver: 'default', Config: [{ Subnet: '172.30.0.0/16', Gateway: '172.30.0.1' }] },
        Options: {
          'com.docker.network.bridge.default_bridge': 'true',
          'com.docker.network.bridge.name': 'berth0',
        },
      });
    });

    it('should list host and none without addresses, as the host and null drivers', () => {
      expect(networkSummary(host)).toMatchObject({ Driver: 'host', EnableIPv4: false, IPAM: { Config: [] } });
      expect(networkSummary(none)).toMatchObject({ Driver: 'null', EnableIPv4: false, IPAM: { Config: [] } });
    });

    it("should give a user network its labels and no options of the engine's", () => {
      expect(networkSummary(web)).toMatchObject({ Name: 'web', Labels: { tier: 'front' }, Options: {} });
    });

    it("should describe a cluster overlay as swarm-scoped, with the cluster's subnet", () => {
      const overlay = clusterNetworkFacts({
        id: 'o'.repeat(25),
        meta: { version: 1, createdAt: Date.parse('2024-05-03T00:00:00Z'), updatedAt: 0 },
        spec: { name: 'mesh', driver: 'overlay', labels: {}, attachable: true, ingress: false, subnet: '' },
        subnet: '10.0.9.0/24',
        gateway: '10.0.9.1',
        vni: 4097,
      } as ClusterNetwork);
      expect(networkSummary(overlay)).toMatchObject({
        Name: 'mesh',
        Scope: 'swarm',
        Driver: 'overlay',
        Attachable: true,
        Created: '2024-05-03T00:00:00.000Z',
        IPAM: { Config: [{ Subnet: '10.0.9.0/24' }] },
      });
    });
  });

  describe(networkInspect.name, () => {
    it('should list the running members with their address and a stable endpoint id', () => {
      const a = running('a'.repeat(64), 'api', 'web');
      a.networks = [attachment('web', 0, { ip: '10.89.4.2', prefixLength: 24, mac: '02:42:0a:59:04:02' })];
      const stopped = containerRecord('b'.repeat(64), 'old', {}, containerState('exited'));
      stopped.hostConfig.network = 'web';
      const doc = networkInspect(web, endpointsOf(web, [a, stopped, running('c'.repeat(64), 'other')]));
      expect(doc.Containers).toEqual({
        [a.id]: {
          Name: 'api',
          EndpointID: endpointId(a.id, web.id),
          MacAddress: '02:42:0a:59:04:02',
          IPv4Address: '10.89.4.2/24',
          IPv6Address: '',
        },
      });
      expect(endpointId(a.id, web.id)).toMatch(/^[0-9a-f]{64}$/);
    });

    it('should list a container on the host network with no address', () => {
      const h = running('d'.repeat(64), 'hostly', 'host');
      expect(networkInspect(host, endpointsOf(host, [h])).Containers[h.id]).toMatchObject({
        Name: 'hostly',
        IPv4Address: '',
      });
    });
  });

  describe(membersOf.name, () => {
    it('should count containers on a network first or connected later, running or not', () => {
      const first = containerRecord('1', 'first', {}, containerState('created'));
      first.hostConfig.network = 'web';
      const later = running('2', 'later');
      later.networks = [attachment('bridge', 0), attachment('web', 1)];
      expect(membersOf('web', [first, later, running('3', 'elsewhere')]).map((c) => c.name)).toEqual([
        'first',
        'later',
      ]);
    });
  });

  describe(networkMatches.name, () => {
    it('should filter by name, id, driver, label and scope', () => {
      expect(networkMatches(web, filters({ name: ['we'] }), false)).toBe(true);
      expect(networkMatches(web, filters({ id: [web.id.slice(0, 6)] }), false)).toBe(true);
      expect(networkMatches(host, filters({ driver: ['bridge'] }), false)).toBe(false);
      expect(networkMatches(web, filters({ label: ['tier=front'] }), false)).toBe(true);
      expect(networkMatches(web, filters({ label: ['tier=back'] }), false)).toBe(false);
      expect(networkMatches(web, filters({ scope: ['swarm'] }), false)).toBe(false);
    });

    it('should tell builtin from custom networks, and refuse other types', () => {
      expect(networkMatches(bridge, filters({ type: ['builtin'] }), false)).toBe(true);
      expect(networkMatches(web, filters({ type: ['builtin'] }), false)).toBe(false);
      expect(networkMatches(web, filters({ type: ['custom'] }), false)).toBe(true);
      expect(() => networkMatches(web, filters({ type: ['fancy'] }), false)).toThrow(
        new FilterError("invalid filter: 'type'='fancy'"),
      );
    });

    it('should call dangling only an unused custom network', () => {
      const dangling = filters({ dangling: ['true'] });
      expect(networkMatches(web, dangling, false)).toBe(true);
      expect(networkMatches(web, dangling, true)).toBe(false);
      expect(networkMatches(none, dangling, false)).toBe(false);
      expect(networkMatches(none, filters({ dangling: ['false'] }), false)).toBe(true);
    });

    it("should keep, for the prune's until, the networks made by then", () => {
      const until = Date.parse('2024-05-02T00:00:00Z');
      expect(networkMatches(bridge, DockerFilters.none(), false, until)).toBe(true);
      expect(networkMatches(web, DockerFilters.none(), false, until)).toBe(false);
    });

    it("should leave out, for the prune's label!, the networks with that label", () => {
      const f = DockerFilters.parse(JSON.stringify({ 'label!': ['tier'] }), ['label!']);
      expect(networkMatches(web, f, false)).toBe(false);
      expect(networkMatches(bridge, f, false)).toBe(true);
    });
  });

  describe(networkRequestOf.name, () => {
    it("should read the docker CLI's body into the engine's request", () => {
      expect(
        networkRequestOf({
          Name: 'web',
          Driver: 'bridge',
          Internal: true,
          Attachable: false,
          IPAM: {
            Driver: 'default',
            Config: [{ Subnet: '10.9.0.0/24', Gateway: '10.9.0.254' }],
            Options: {},
          },
          Options: {},
          Labels: { a: 'b' },
          EnableIPv6: false,
        }),
      ).toEqual({
        name: 'web',
        driver: 'bridge',
        subnet: '10.9.0.0/24',
        gateway: '10.9.0.254',
        internal: true,
        attachable: false,
        labels: { a: 'b' },
      });
    });

    it("should default what Debian's older client leaves out", () => {
      expect(networkRequestOf({ Name: 'plain', CheckDuplicate: true } as never)).toMatchObject({
        driver: 'bridge',
        subnet: '',
        labels: {},
      });
    });

    it("should forbid a predefined network's name as dockerd does", () => {
      expect(() => networkRequestOf({ Name: 'host' })).toThrow(
        new ForbiddenException('operation is not permitted on predefined host network '),
      );
    });

    it.each([
      [{ EnableIPv6: true }, 'IPv6 networks are not supported by Berth'],
      [{ Options: { 'com.docker.network.driver.mtu': '1400' } }, 'com.docker.network.driver.mtu'],
      [{ IPAM: { Config: [{ Subnet: '10.1.0.0/24' }, { Subnet: '10.2.0.0/24' }] } }, 'one IPv4 subnet'],
      [{ IPAM: { Config: [{ Subnet: '10.1.0.0/24', IPRange: '10.1.0.0/25' }] } }, 'ip-range'],
      [{ IPAM: { Driver: 'dhcp' } }, 'IPAM driver "dhcp"'],
      [{ ConfigOnly: true }, 'config-only'],
      [{ Scope: 'swarm' }, 'swarm-scope'],
    ])('should refuse what Berth cannot make, by name (%j)', (extra, words) => {
      expect(() => networkRequestOf({ Name: 'x', ...extra })).toThrow(words);
      expect(() => networkRequestOf({ Name: 'x', ...extra })).toThrow(InvalidArgumentError);
    });

    it('should need a name', () => {
      expect(() => networkRequestOf(null)).toThrow('a network needs a Name');
    });
  });
});
