import type { NetworkView } from '@berth/cluster';
import { serviceRecords } from './service-records';

const views: NetworkView[] = [
  {
    network: {
      id: 'n1',
      meta: { version: 1, createdAt: 0, updatedAt: 0 },
      spec: { name: 'front', driver: 'overlay', labels: {}, attachable: false, ingress: false, subnet: '' },
      subnet: '10.0.1.0/24',
      gateway: '10.0.1.1',
      vni: 4097,
    },
    peers: [],
    endpoints: [
      { taskId: 't1', serviceId: 'a', address: '10.0.1.4/24', nodeId: 'x', nodeAddr: '', ready: true },
      { taskId: 't2', serviceId: 'a', address: '10.0.1.3/24', nodeId: 'y', nodeAddr: '', ready: true },
      { taskId: 't3', serviceId: 'a', address: '10.0.1.9/24', nodeId: 'y', nodeAddr: '', ready: false },
      { taskId: 't4', serviceId: 'r', address: '10.0.1.5/24', nodeId: 'y', nodeAddr: '', ready: true },
    ],
    services: [
      { id: 'a', name: 'app_a', aliases: ['a'], virtualIp: '10.0.1.2/24', mode: 'vip' },
      { id: 'r', name: 'rr', aliases: [], virtualIp: '', mode: 'dnsrr' },
      { id: 'z', name: 'idle', aliases: [], virtualIp: '', mode: 'dnsrr' },
    ],
  },
];

describe('serviceRecords', () => {
  it('should answer a service name or alias with its virtual IP, in any case, with or without the root dot', () => {
    expect(serviceRecords(views, 'app_a')).toEqual(['10.0.1.2']);
    expect(serviceRecords(views, 'A.')).toEqual(['10.0.1.2']);
  });

  it('should answer tasks.NAME with the ready tasks only', () => {
    expect(serviceRecords(views, 'tasks.a')).toEqual(['10.0.1.3', '10.0.1.4']);
  });

  it('should answer a dnsrr service with its tasks, and a service with none with an empty answer', () => {
    expect(serviceRecords(views, 'rr')).toEqual(['10.0.1.5']);
    expect(serviceRecords(views, 'idle')).toEqual([]);
  });

  it('should not know names of other networks or no service', () => {
    expect(serviceRecords(views, 'db')).toBeNull();
    expect(serviceRecords([], 'a')).toBeNull();
  });
});
