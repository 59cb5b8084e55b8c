import { attachmentOf, bridgePlugins, overlayPlugins, pluginInput } from './config';

const net = {
  name: 'bridge',
  bridge: 'berth0',
  subnet: '10.88.0.0/16',
  ipamDir: '/var/lib/berth/network/ipam',
};

describe('bridgePlugins', () => {
  it('should chain bridge, with portmap only when ports are published, and no firewall plugin', () => {
    expect(bridgePlugins(net, []).map((p) => p.type)).toEqual(['bridge']);
    const withPorts = bridgePlugins(net, [
      { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
    ]);
    expect(withPorts.map((p) => p.type)).toEqual(['bridge', 'portmap']);
    expect(withPorts[1].runtimeConfig).toEqual({
      portMappings: [{ hostPort: 8080, containerPort: 80, protocol: 'tcp', hostIP: '127.0.0.1' }],
    });
  });

  it('should end with the firewall plugin only to undo an attachment made through it', () => {
    expect(bridgePlugins(net, [], { firewall: true }).map((p) => p.type)).toEqual(['bridge', 'firewall']);
    expect(bridgePlugins(net, [], { firewall: false }).map((p) => p.type)).toEqual(['bridge']);
  });

  it('should give host-local its own data dir and the subnet, and leave masquerading to the network', () => {
    const [bridge] = bridgePlugins(net, []);
    expect(bridge).toMatchObject({
      bridge: 'berth0',
      isGateway: true,
      ipMasq: false,
      ipam: {
        type: 'host-local',
        ranges: [[{ subnet: '10.88.0.0/16' }]],
        dataDir: '/var/lib/berth/network/ipam',
      },
    });
    expect(bridgePlugins({ ...net, internal: true }, [])[0]).toMatchObject({
      ipMasq: false,
      ipam: { routes: [] },
    });
  });
});

describe('pluginInput', () => {
  it('should name the network and version and pass the previous result on', () => {
    expect(pluginInput('n', { type: 'firewall' }, { ips: [] })).toEqual({
      cniVersion: '1.0.0',
      name: 'n',
      type: 'firewall',
      prevResult: { ips: [] },
    });
  });
});

describe('attachmentOf', () => {
  it("should read the container's address, gateway, MAC and host veth from a bridge result", () => {
    const result = {
      interfaces: [
        { name: 'berth0', mac: '5e:37:fd:66:29:5d' },
        { name: 'vethfe76e807', mac: 'd6:b7:86:2f:6b:78' },
        { name: 'eth0', mac: '66:a3:84:25:c1:e0', sandbox: '/run/netns/x' },
      ],
      ips: [{ interface: 2, address: '10.88.0.2/16', gateway: '10.88.0.1' }],
    };
    expect(attachmentOf(result)).toEqual({
      ip: '10.88.0.2',
      prefixLength: 16,
      gateway: '10.88.0.1',
      mac: '66:a3:84:25:c1:e0',
      hostInterface: 'vethfe76e807',
    });
  });
});

describe('overlayPlugins', () => {
  it('should put the container on the bridge with the given address and MAC, no gateway and no NAT', () => {
    const plugins = overlayPlugins({
      bridge: 'bo4097',
      address: '10.0.1.5/24',
      mac: '02:42:0a:00:01:05',
      mtu: 1450,
    });
    expect(plugins).toEqual([
      {
        type: 'bridge',
        bridge: 'bo4097',
        isGateway: false,
        ipMasq: false,
        hairpinMode: true,
        mtu: 1450,
        ipam: { type: 'static', addresses: [{ address: '10.0.1.5/24' }] },
      },
      { type: 'tuning', mac: '02:42:0a:00:01:05' },
    ]);
  });
});
