import type { NetworkEndpoint, NetworkServiceView, NetworkView } from '@berth/cluster';
import { balancerScript, meshScript } from './rules';

const endpoint = (taskId: string, serviceId: string, address: string, ready = true): NetworkEndpoint => ({
  taskId,
  serviceId,
  address,
  nodeId: 'n',
  nodeAddr: '192.168.0.1',
  ready,
});

const service = (id: string, extra: Partial<NetworkServiceView> = {}): NetworkServiceView => ({
  id,
  name: id,
  aliases: [],
  virtualIp: '10.0.1.2/24',
  mode: 'vip',
  ...extra,
});

function view(services: NetworkServiceView[], endpoints: NetworkEndpoint[], ingress = false): NetworkView {
  return {
    network: {
      id: 'n1',
      meta: { version: 1, createdAt: 0, updatedAt: 0 },
      spec: { name: 'front', driver: 'overlay', labels: {}, attachable: false, ingress, subnet: '' },
      subnet: '10.0.1.0/24',
      gateway: '10.0.1.1',
      vni: 4097,
    },
    peers: [],
    endpoints,
    services,
  };
}

describe('balancerScript', () => {
  it("should send a VIP's traffic to one of its service's ready tasks, whatever order they come in", () => {
    const script = balancerScript([
      view(
        [service('a')],
        [
          endpoint('t2', 'a', '10.0.1.4/24'),
          endpoint('t1', 'a', '10.0.1.3/24'),
          endpoint('t3', 'a', '10.0.1.5/24', false),
        ],
      ),
    ]);
    expect(script).toContain(
      'ip daddr 10.0.1.2 dnat to numgen random mod 2 map { 0 : 10.0.1.3, 1 : 10.0.1.4 }',
    );
    expect(script).not.toContain('10.0.1.5');
    // the table is replaced whole: made if missing, dropped, made again, in one transaction
    expect(script.split('\n').slice(0, 3)).toEqual([
      'table ip berth_lb',
      'delete table ip berth_lb',
      'table ip berth_lb {',
    ]);
  });

  it('should refuse connections to a VIP with no ready task rather than leave them hanging', () => {
    const script = balancerScript([view([service('a')], [endpoint('t1', 'a', '10.0.1.3/24', false)])]);
    expect(script).not.toContain('dnat');
    expect(script).toContain('ip daddr 10.0.1.2 meta l4proto tcp reject with tcp reset');
  });

  it('should leave dnsrr services and services without a VIP to DNS, and drop the table when nothing is left', () => {
    const script = balancerScript([
      view(
        [service('a', { mode: 'dnsrr', virtualIp: '' }), service('b', { virtualIp: '' })],
        [endpoint('t1', 'a', '10.0.1.3/24')],
      ),
    ]);
    expect(script).toBe('table ip berth_lb\ndelete table ip berth_lb\n');
  });

  it('should not count a machine’s own address on the network as a task', () => {
    const script = balancerScript([view([service('a')], [{ ...endpoint('', '', '10.0.1.9/24') }])]);
    expect(script).not.toContain('10.0.1.9');
  });
});

describe('meshScript', () => {
  const web = service('web', {
    virtualIp: '',
    ports: [{ protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'ingress' }],
  });

  it('should forward a published port on every local address to a ready task, from the machine’s ingress address', () => {
    const script = meshScript(view([web], [endpoint('t1', 'web', '10.255.0.7/16')], true), 'bo4096');
    const rule =
      'fib daddr type local tcp dport 8080 dnat to numgen random mod 1 map { 0 : 10.255.0.7 } : 80';
    expect(script.split('\n').filter((l) => l.includes(rule))).toHaveLength(2); // prerouting and output
    expect(script).toContain('oifname "bo4096" ct status dnat masquerade');
  });

  it('should refuse a published port whose service has no ready task', () => {
    const script = meshScript(view([web], [endpoint('t1', 'web', '10.255.0.7/16', false)], true), 'bo4096');
    expect(script).not.toContain('dnat to');
    expect(script).toContain('fib daddr type local tcp dport 8080 reject with tcp reset');
  });

  it('should drop the table when the machine carries no ingress network', () => {
    expect(meshScript(undefined, '')).toBe('table ip berth_mesh\ndelete table ip berth_mesh\n');
  });
});
