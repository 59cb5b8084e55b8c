import type { Network, Service, Task } from '@berth/cluster';
import { makeNode, makeService, makeSnapshot, makeTask } from '@berth/cluster/testing';
import { isNetworked, NetworkViewBook, networkViewsFor } from './network-views';

const net = (id: string): Network => ({
  id,
  meta: { version: 1, createdAt: 0, updatedAt: 0 },
  spec: { name: `net-${id}`, driver: 'overlay', labels: {}, attachable: false, ingress: false, subnet: '' },
  subnet: '10.0.1.0/24',
  gateway: '10.0.1.1',
  vni: 4097,
});

function on(service: Service, networkId: string, aliases: string[] = []): Service {
  return {
    ...service,
    spec: { ...service.spec, networks: [{ target: networkId, aliases }] },
    virtualIps: [{ networkId, address: '10.0.1.2/24' }],
  };
}

function running(service: Service, id: string, nodeId: string, address: string, networkId = 'n1'): Task {
  return { ...makeTask({ service, id, nodeId, state: 'running' }), networks: [{ networkId, address }] };
}

describe('networkViewsFor', () => {
  const nodes = ['a', 'b', 'c'].map((id, i) => {
    const node = makeNode({ id });
    return { ...node, status: { ...node.status, addr: `192.168.0.${i + 1}` } };
  });

  it('should show a node the networks its tasks are on, with peers, endpoints and service VIPs', () => {
    const web = on(makeService({ id: 'web', name: 'web' }), 'n1', ['www']);
    const tasks = [
      running(web, 't1', 'a', '10.0.1.3/24'),
      running(web, 't2', 'b', '10.0.1.4/24'),
      running(web, 't3', 'b', '10.0.1.5/24'),
    ];
    const [view] = networkViewsFor(
      'a',
      makeSnapshot({ nodes, services: [web], tasks, networks: [net('n1'), net('n2')] }),
    );
    expect(view.network.id).toBe('n1');
    expect(view.peers).toEqual(['192.168.0.2']);
    expect(view.endpoints.map((e) => [e.taskId, e.address, e.nodeAddr])).toEqual([
      ['t1', '10.0.1.3/24', '192.168.0.1'],
      ['t2', '10.0.1.4/24', '192.168.0.2'],
      ['t3', '10.0.1.5/24', '192.168.0.2'],
    ]);
    expect(view.services).toEqual([
      { id: 'web', name: 'web', aliases: ['www'], virtualIp: '10.0.1.2/24', mode: 'vip' },
    ]);
  });

  it('should show nothing to a node with no task on a network', () => {
    const web = on(makeService({ id: 'web' }), 'n1');
    const tasks = [running(web, 't1', 'a', '10.0.1.3/24')];
    expect(
      networkViewsFor('c', makeSnapshot({ nodes, services: [web], tasks, networks: [net('n1')] })),
    ).toEqual([]);
  });

  it('should leave out ended tasks and tasks not yet placed', () => {
    const web = on(makeService({ id: 'web' }), 'n1');
    const ended = {
      ...running(web, 'old', 'b', '10.0.1.9/24'),
      status: { ...running(web, 'x', 'b', '').status, state: 'failed' as const },
    };
    const unplaced = {
      ...running(web, 'new', '', '10.0.1.8/24'),
      status: { ...ended.status, state: 'pending' as const },
    };
    const tasks = [running(web, 't1', 'a', '10.0.1.3/24'), ended, unplaced];
    const [view] = networkViewsFor(
      'a',
      makeSnapshot({ nodes, services: [web], tasks, networks: [net('n1')] }),
    );
    expect(view.endpoints.map((e) => e.taskId)).toEqual(['t1']);
    expect(view.peers).toEqual([]);
  });

  describe('the ingress network', () => {
    const ingress: Network = {
      ...net('ing'),
      spec: { ...net('ing').spec, name: 'ingress', ingress: true },
      subnet: '10.255.0.0/16',
      nodeAddresses: nodes.map((n, i) => ({ nodeId: n.id, address: `10.255.0.${i + 2}/16` })),
    };
    const web = makeService({ id: 'web', name: 'web' });
    const meshed: Service = {
      ...web,
      spec: {
        ...web.spec,
        endpoint: {
          ...web.spec.endpoint,
          ports: [{ protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'ingress' }],
        },
      },
    };

    it('should reach every machine while a service publishes through the mesh, tasks or not', () => {
      const starting = {
        ...running(meshed, 't1', 'a', '10.255.0.9/16', 'ing'),
        status: { ...makeTask({}).status, state: 'starting' as const },
      };
      const tasks = [running(meshed, 't0', 'a', '10.255.0.8/16', 'ing'), starting];
      const [view] = networkViewsFor(
        'c',
        makeSnapshot({ nodes, networks: [ingress], services: [meshed], tasks }),
      );
      expect(view.network.id).toBe('ing');
      expect(view.peers).toEqual(['192.168.0.1', '192.168.0.2']);
      expect(view.endpoints.map((e) => [e.taskId, e.address, e.ready])).toEqual([
        ['', '10.255.0.2/16', true],
        ['', '10.255.0.3/16', true],
        ['', '10.255.0.4/16', true],
        ['t0', '10.255.0.8/16', true],
        ['t1', '10.255.0.9/16', false],
      ]);
      expect(view.services).toEqual([
        expect.objectContaining({ name: 'web', virtualIp: '', ports: meshed.spec.endpoint.ports }),
      ]);
    });

    it('should reach no machine when nothing is published through the mesh', () => {
      expect(networkViewsFor('c', makeSnapshot({ nodes, networks: [ingress], services: [web] }))).toEqual([]);
    });
  });

  it('should show a machine the networks its plain containers joined, with them as endpoints of no service', () => {
    const n1: Network = {
      ...net('n1'),
      attachments: [{ id: 'x1', nodeId: 'b', containerId: 'c1', address: '10.0.1.7/24' }],
    };
    const web = on(makeService({ id: 'web', name: 'web' }), 'n1');
    const snapshot = makeSnapshot({
      nodes,
      networks: [n1],
      services: [web],
      tasks: [running(web, 't1', 'a', '10.0.1.3/24')],
    });
    const [view] = networkViewsFor('b', snapshot);
    expect(view.peers).toEqual(['192.168.0.1']);
    expect(view.endpoints.map((e) => [e.taskId, e.serviceId, e.address])).toEqual([
      ['attachment:x1', '', '10.0.1.7/24'],
      ['t1', 'web', '10.0.1.3/24'],
    ]);
    expect(networkViewsFor('c', snapshot)).toEqual([]);
  });

  it('should give every node of one book the views it gets alone, from the networked tasks only', () => {
    const web = on(makeService({ id: 'web', name: 'web' }), 'n1');
    const plain = makeService({ id: 'plain' });
    const tasks = [
      running(web, 't1', 'a', '10.0.1.3/24'),
      running(web, 't2', 'b', '10.0.1.4/24'),
      makeTask({ service: plain, id: 'p1', nodeId: 'c', state: 'running' }),
    ];
    const snapshot = makeSnapshot({ nodes, services: [web, plain], tasks, networks: [net('n1')] });
    const book = new NetworkViewBook({ ...snapshot, tasks: tasks.filter(isNetworked) });
    for (const node of ['a', 'b', 'c']) expect(book.viewsFor(node)).toEqual(networkViewsFor(node, snapshot));
    expect(book.viewsFor('a')[0].peers).toEqual(['192.168.0.2']);
    expect(book.viewsFor('b')[0].peers).toEqual(['192.168.0.1']);
    expect(book.viewsFor('c')).toEqual([]);
  });
});
