import type { NetworkView } from '@berth/cluster';
import { desiredOverlay, overlayCommands } from './plan';

function view(vni: number, peers: string[], endpoints: [string, string][]): NetworkView {
  return {
    network: {
      id: `n${vni}`,
      meta: { version: 1, createdAt: 0, updatedAt: 0 },
      spec: {
        name: `net${vni}`,
        driver: 'overlay',
        labels: {},
        attachable: false,
        ingress: false,
        subnet: '',
      },
      subnet: '10.0.1.0/24',
      gateway: '10.0.1.1',
      vni,
    },
    peers,
    endpoints: endpoints.map(([address, nodeAddr], i) => ({
      taskId: `t${i}`,
      serviceId: 's',
      address,
      nodeId: nodeAddr === SELF_ADDR ? SELF : `node-${nodeAddr}`,
      nodeAddr,
      ready: true,
    })),
    services: [],
  };
}

const SELF = 'me';
const SELF_ADDR = '192.168.0.1';

describe('desiredOverlay', () => {
  it('should flood to every peer and pin every remote task, not the local ones', () => {
    const state = desiredOverlay(
      [
        view(
          4097,
          ['192.168.0.2', '192.168.0.3'],
          [
            ['10.0.1.3/24', SELF_ADDR],
            ['10.0.1.4/24', '192.168.0.2'],
            ['10.0.1.5/24', '192.168.0.3'],
          ],
        ),
      ],
      SELF,
    );
    expect(state).toEqual([
      {
        vni: 4097,
        fdb: [
          { mac: '00:00:00:00:00:00', dst: '192.168.0.2' },
          { mac: '00:00:00:00:00:00', dst: '192.168.0.3' },
          { mac: '02:42:0a:00:01:04', dst: '192.168.0.2' },
          { mac: '02:42:0a:00:01:05', dst: '192.168.0.3' },
        ],
      },
    ]);
  });

  it('should want the devices of a network even with no peer yet', () => {
    expect(desiredOverlay([view(4098, [], [['10.0.1.3/24', SELF_ADDR]])], SELF)).toEqual([
      { vni: 4098, fdb: [] },
    ]);
  });
});

describe('overlayCommands', () => {
  it('should make the bridge and the VXLAN device, then add the entries', () => {
    const commands = overlayCommands(
      [],
      [{ vni: 4097, fdb: [{ mac: '00:00:00:00:00:00', dst: '192.168.0.2' }] }],
    );
    expect(commands).toEqual([
      ['ip', 'link', 'add', 'bo4097', 'type', 'bridge'],
      ['ip', 'link', 'set', 'bo4097', 'up'],
      [
        'ip',
        'link',
        'add',
        'vx4097',
        'mtu',
        '1450',
        'type',
        'vxlan',
        'id',
        '4097',
        'dstport',
        '4789',
        'nolearning',
      ],
      ['ip', 'link', 'set', 'vx4097', 'master', 'bo4097'],
      ['ip', 'link', 'set', 'vx4097', 'up'],
      [
        'bridge',
        'fdb',
        'append',
        '00:00:00:00:00:00',
        'dev',
        'vx4097',
        'dst',
        '192.168.0.2',
        'self',
        'permanent',
      ],
    ]);
  });

  it('should change only the entries that differ', () => {
    const a = { mac: '00:00:00:00:00:00', dst: '192.168.0.2' };
    const b = { mac: '00:00:00:00:00:00', dst: '192.168.0.3' };
    expect(overlayCommands([{ vni: 4097, fdb: [a] }], [{ vni: 4097, fdb: [b] }])).toEqual([
      ['bridge', 'fdb', 'del', a.mac, 'dev', 'vx4097', 'dst', a.dst],
      ['bridge', 'fdb', 'append', b.mac, 'dev', 'vx4097', 'dst', b.dst, 'self', 'permanent'],
    ]);
    expect(overlayCommands([{ vni: 4097, fdb: [a] }], [{ vni: 4097, fdb: [a] }])).toEqual([]);
  });

  it('should take down the devices of a network no longer carried', () => {
    expect(overlayCommands([{ vni: 4097, fdb: [] }], [])).toEqual([
      ['ip', 'link', 'delete', 'vx4097'],
      ['ip', 'link', 'delete', 'bo4097'],
    ]);
  });
});
