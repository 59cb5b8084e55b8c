import { containerRecord, containerState } from '../containers/testing';
import { TASK_ID_LABEL } from '../cluster/task-labels';
import type { ContainerRecord } from '../containers/model';
import type { NetworkAttachment } from './attachment';
import { parkingKey, takingKey } from './parking';

const drivers: Record<string, string> = {
  bridge: 'bridge',
  front: 'bridge',
  back: 'bridge',
  mesh: 'overlay',
  host: 'host',
};
const driverOf = (name: string) => drivers[name];

function attachment(network: string, i: number, fields: Partial<NetworkAttachment> = {}): NetworkAttachment {
  return {
    network,
    ifname: `eth${i}`,
    ip: `10.0.${i}.2`,
    prefixLength: 24,
    gateway: `10.0.${i}.1`,
    mac: '02:42:0a:00:00:02',
    aliases: [],
    cniResult: { interfaces: [] },
    forwarding: 'network',
    ...fields,
  };
}

function task(
  networks = ['bridge'],
  change: (c: ContainerRecord) => void = () => undefined,
): ContainerRecord {
  const c = containerRecord('c1', 'web.1.t1', { [TASK_ID_LABEL]: 't1' }, containerState('exited'));
  c.networks = networks.map((n, i) => attachment(n, i));
  change(c);
  return c;
}

describe('parkingKey', () => {
  it("should park a task container's bridge namespace under its networks in interface order", () => {
    expect(parkingKey(task(), driverOf)).toBe('bridge');
    expect(parkingKey(task(['front', 'back']), driverOf)).toBe('front\0back');
    expect(parkingKey(task(['back', 'front']), driverOf)).not.toBe(
      parkingKey(task(['front', 'back']), driverOf),
    );
  });

  it('should not park a container that is no task', () => {
    expect(
      parkingKey(
        task(['bridge'], (c) => (c.config.labels = {})),
        driverOf,
      ),
    ).toBeNull();
  });

  it.each<[string, (c: ContainerRecord) => void]>([
    [
      'published ports',
      (c) => (c.hostConfig.ports = [{ containerPort: 80, protocol: 'tcp', hostIp: '', hostPort: 8080 }]),
    ],
    ['-P', (c) => (c.hostConfig.publishAll = true)],
    [
      'ports bound at its start',
      (c) => (c.boundPorts = [{ containerPort: 80, protocol: 'tcp', hostIp: '', hostPort: 8080 }]),
    ],
    ['privileged', (c) => (c.hostConfig.privileged = true)],
    ['NET_ADMIN', (c) => (c.hostConfig.capAdd = ['NET_ADMIN'])],
    ['CAP_SYS_ADMIN', (c) => (c.hostConfig.capAdd = ['cap_sys_admin'])],
    ['ALL capabilities', (c) => (c.hostConfig.capAdd = ['ALL'])],
    ['a net. sysctl', (c) => (c.hostConfig.sysctls = { 'net.ipv4.ip_forward': '1' })],
    ['an interface CNI never answered for', (c) => (c.networks[0].cniResult = undefined)],
    ['an attachment through the firewall plugin', (c) => (c.networks[0].forwarding = undefined)],
    ['a requested address', (c) => (c.networks[0].requestedAddress = '10.0.0.9/24')],
    ['an interface name out of order', (c) => (c.networks[0].ifname = 'eth1')],
  ])('should take down the namespace of a task with %s', (_what, change) => {
    expect(parkingKey(task(['bridge'], change), driverOf)).toBeNull();
  });

  it('should keep other capabilities and sysctls parkable', () => {
    const c = task(['bridge'], (c) => {
      c.hostConfig.capAdd = ['SYS_PTRACE'];
      c.hostConfig.sysctls = { 'kernel.msgmax': '65536' };
    });
    expect(parkingKey(c, driverOf)).toBe('bridge');
  });

  it('should not park overlay or unknown networks, nor a container without networks', () => {
    expect(parkingKey(task(['bridge', 'mesh']), driverOf)).toBeNull();
    expect(parkingKey(task(['gone']), driverOf)).toBeNull();
    expect(parkingKey(task([]), driverOf)).toBeNull();
  });
});

describe('takingKey', () => {
  it('should match the key its networks would be parked under', () => {
    expect(takingKey(task(), ['front', 'back'], driverOf)).toBe(
      parkingKey(task(['front', 'back']), driverOf),
    );
  });

  it('should not let a container that asks for ports, more capabilities or net. sysctls take one', () => {
    expect(
      takingKey(
        task(['bridge'], (c) => (c.hostConfig.publishAll = true)),
        ['bridge'],
        driverOf,
      ),
    ).toBeNull();
    expect(
      takingKey(
        task(['bridge'], (c) => (c.hostConfig.capAdd = ['NET_ADMIN'])),
        ['bridge'],
        driverOf,
      ),
    ).toBeNull();
    expect(
      takingKey(
        task(['bridge'], (c) => (c.config.labels = {})),
        ['bridge'],
        driverOf,
      ),
    ).toBeNull();
    expect(takingKey(task(), ['mesh'], driverOf)).toBeNull();
  });
});
