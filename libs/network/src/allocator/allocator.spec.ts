import type { Network, Service, Task } from '@berth/cluster';
import { makeNode, makeService, makeSnapshot, makeTask } from '@berth/cluster/testing';
import { addressUsage, allocate, claimAddress, WAITING_FOR_ADDRESSES } from './allocator';

function network(id: string, subnet = '10.0.1.0/24'): Network {
  return {
    id,
    meta: { version: 1, createdAt: 0, updatedAt: 0 },
    spec: { name: `net-${id}`, driver: 'overlay', labels: {}, attachable: false, ingress: false, subnet: '' },
    subnet,
    gateway: subnet.replace(/0\/\d+$/, '1'),
    vni: 4097,
  };
}

function onNetworks(service: Service, ids: string[], mode: 'vip' | 'dnsrr' = 'vip'): Service {
  return {
    ...service,
    spec: {
      ...service.spec,
      networks: ids.map((target) => ({ target, aliases: [] })),
      endpoint: { ...service.spec.endpoint, mode },
    },
  };
}

const newTask = (service: Service, slot: number, extra: Partial<Task> = {}): Task => ({
  ...makeTask({ service, slot, state: 'new', message: WAITING_FOR_ADDRESSES }),
  ...extra,
});

describe('allocate', () => {
  const net = network('n1');

  it('should give a service a virtual IP on each of its networks, then leave it alone', () => {
    const service = onNetworks(makeService({ id: 'web' }), ['n1']);
    const plan = allocate(makeSnapshot({ networks: [net], services: [service] }));
    expect(plan.services.map((s) => s.virtualIps)).toEqual([[{ networkId: 'n1', address: '10.0.1.2/24' }]]);
    expect(allocate(makeSnapshot({ networks: [net], services: plan.services })).services).toEqual([]);
  });

  it('should give no virtual IP in dnsrr mode, and drop one of a network the service left', () => {
    const dnsrr = onNetworks(makeService({ id: 'a' }), ['n1'], 'dnsrr');
    expect(allocate(makeSnapshot({ networks: [net], services: [dnsrr] })).services).toEqual([]);
    const left = {
      ...onNetworks(makeService({ id: 'b' }), []),
      virtualIps: [{ networkId: 'n1', address: '10.0.1.2/24' }],
    };
    expect(allocate(makeSnapshot({ networks: [net], services: [left] })).services[0].virtualIps).toEqual([]);
  });

  it('should address new tasks on every network of their service and hand them to the scheduler', () => {
    const other = network('n2', '10.0.2.0/24');
    const service = {
      ...onNetworks(makeService({ id: 'web' }), ['n1', 'n2']),
      virtualIps: [
        { networkId: 'n1', address: '10.0.1.2/24' },
        { networkId: 'n2', address: '10.0.2.2/24' },
      ],
    };
    const plan = allocate(
      makeSnapshot({
        now: 5,
        networks: [net, other],
        services: [service],
        tasks: [newTask(service, 1), newTask(service, 2)],
      }),
    );
    expect(
      plan.tasks.map((c) => [c.task.id, c.task.networks, c.task.status.state, c.task.status.message]),
    ).toEqual([
      [
        'web.1',
        [
          { networkId: 'n1', address: '10.0.1.3/24' },
          { networkId: 'n2', address: '10.0.2.3/24' },
        ],
        'pending',
        'pending task scheduling',
      ],
      [
        'web.2',
        [
          { networkId: 'n1', address: '10.0.1.4/24' },
          { networkId: 'n2', address: '10.0.2.4/24' },
        ],
        'pending',
        'pending task scheduling',
      ],
    ]);
  });

  it('should not hand out an address a live task holds, and take back those of ended tasks', () => {
    const small = network('n1', '10.0.1.0/29'); // hosts .2 to .6
    const service = onNetworks(makeService({ id: 'web' }), ['n1']);
    const live = (slot: number, address: string) => ({
      ...makeTask({ service, slot, state: 'running', id: `live${slot}` }),
      networks: [{ networkId: 'n1', address }],
    });
    const ended = makeTask({ service, slot: 9, state: 'failed', id: 'old' });
    const tasks = [
      live(1, '10.0.1.3/29'),
      live(2, '10.0.1.4/29'),
      live(3, '10.0.1.5/29'),
      { ...ended, networks: [{ networkId: 'n1', address: '10.0.1.6/29' }] },
      newTask(service, 4),
    ];
    const plan = allocate(
      makeSnapshot({
        networks: [small],
        services: [{ ...service, virtualIps: [{ networkId: 'n1', address: '10.0.1.2/29' }] }],
        tasks,
      }),
    );
    expect(plan.tasks.map((c) => c.task.networks)).toEqual([[{ networkId: 'n1', address: '10.0.1.6/29' }]]);
  });

  it('should not give a new task the address another one just gave back while higher ones are free', () => {
    const service = onNetworks(makeService({ id: 'web' }), ['n1']);
    const gaveBack = {
      ...makeTask({ service, slot: 1, state: 'shutdown', id: 'old' }),
      networks: [{ networkId: 'n1', address: '10.0.1.3/24' }],
    };
    const replacement = {
      ...makeTask({ service, slot: 1, state: 'running', id: 'new' }),
      networks: [{ networkId: 'n1', address: '10.0.1.4/24' }],
    };
    const plan = allocate(
      makeSnapshot({
        networks: [net],
        services: [{ ...service, virtualIps: [{ networkId: 'n1', address: '10.0.1.2/24' }] }],
        tasks: [gaveBack, replacement, newTask(service, 2)],
      }),
    );
    expect(plan.tasks.map((c) => c.task.networks)).toEqual([[{ networkId: 'n1', address: '10.0.1.5/24' }]]);
  });

  it('should keep a task new, saying why, when its network is full, and not repeat itself', () => {
    const tiny = network('n1', '10.0.1.0/30'); // hosts .1 (gateway) and .2
    const service = {
      ...onNetworks(makeService({ id: 'web' }), ['n1']),
      virtualIps: [{ networkId: 'n1', address: '10.0.1.2/30' }],
    };
    const plan = allocate(
      makeSnapshot({ networks: [tiny], services: [service], tasks: [newTask(service, 1)] }),
    );
    expect(plan.tasks[0].task.status).toMatchObject({
      state: 'new',
      message: 'no free address in network net-n1 (10.0.1.0/30)',
    });
    expect(
      allocate(makeSnapshot({ networks: [tiny], services: [service], tasks: [plan.tasks[0].task] })).tasks,
    ).toEqual([]);
  });

  it('should leave alone tasks that are not new or no longer wanted, and pass tasks without networks through', () => {
    const service = onNetworks(makeService({ id: 'web' }), ['n1']);
    const plain = makeService({ id: 'plain' });
    const tasks = [
      makeTask({ service, slot: 1, state: 'pending' }),
      newTask(service, 2, { desiredState: 'shutdown' }),
      newTask(plain, 1),
    ];
    const plan = allocate(
      makeSnapshot({
        networks: [net],
        services: [{ ...service, virtualIps: [{ networkId: 'n1', address: '10.0.1.2/24' }] }, plain],
        tasks,
      }),
    );
    expect(plan.tasks.map((c) => [c.task.id, c.task.status.state, c.task.networks])).toEqual([
      ['plain.1', 'pending', []],
    ]);
  });

  it('should give back the same free count after 100 scale cycles of 10 tasks (nothing leaks)', () => {
    const service = {
      ...onNetworks(makeService({ id: 'web' }), ['n1']),
      virtualIps: [{ networkId: 'n1', address: '10.0.1.2/24' }],
    };
    let history: Task[] = [];
    for (let cycle = 0; cycle < 100; cycle++) {
      const fresh = Array.from({ length: 10 }, (_, i) => newTask(service, i + 1, { id: `c${cycle}-${i}` }));
      const plan = allocate(
        makeSnapshot({ networks: [net], services: [service], tasks: [...history, ...fresh] }),
      );
      expect(plan.tasks).toHaveLength(10);
      // scaled to 0: they end and stay in history a while
      history = [
        ...history,
        ...plan.tasks.map((c) => ({ ...c.task, status: { ...c.task.status, state: 'shutdown' as const } })),
      ].slice(-50);
    }
    const probe = allocate(
      makeSnapshot({
        networks: [net],
        services: [service],
        tasks: [...history, newTask(service, 1, { id: 'probe' })],
      }),
    );
    expect(probe.tasks[0].task.networks).toEqual([{ networkId: 'n1', address: '10.0.1.3/24' }]);
  });

  describe('the ingress network', () => {
    const ingress: Network = {
      ...network('ing', '10.255.0.0/16'),
      spec: { ...network('ing').spec, name: 'ingress', ingress: true },
      nodeAddresses: [],
    };
    const published = (service: Service, mode: 'ingress' | 'host' = 'ingress'): Service => ({
      ...service,
      spec: {
        ...service.spec,
        endpoint: {
          ...service.spec.endpoint,
          ports: [{ protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: mode }],
        },
      },
    });

    it('should give every machine an address on it, keep them, and free those of machines that left', () => {
      const nodes = ['a', 'b'].map((id) => makeNode({ id }));
      const first = allocate(makeSnapshot({ nodes, networks: [ingress] }));
      expect(first.networks[0].nodeAddresses).toEqual([
        { nodeId: 'a', address: '10.255.0.2/16' },
        { nodeId: 'b', address: '10.255.0.3/16' },
      ]);
      expect(allocate(makeSnapshot({ nodes, networks: first.networks })).networks).toEqual([]);
      const left = allocate(makeSnapshot({ nodes: [nodes[1]], networks: first.networks }));
      expect(left.networks[0].nodeAddresses).toEqual([{ nodeId: 'b', address: '10.255.0.3/16' }]);
    });

    it('should address the tasks of a service publishing through the mesh there, but not host-mode ones', () => {
      const nodes = [makeNode({ id: 'a' })];
      const networks = [{ ...ingress, nodeAddresses: [{ nodeId: 'a', address: '10.255.0.2/16' }] }];
      const meshed = published(makeService({ id: 'web' }));
      const plan = allocate(
        makeSnapshot({ nodes, networks, services: [meshed], tasks: [newTask(meshed, 1)] }),
      );
      expect(plan.tasks[0].task.networks).toEqual([{ networkId: 'ing', address: '10.255.0.3/16' }]);
      expect(plan.services).toEqual([]); // no virtual IP on ingress: the mesh balances to tasks itself
      const host = published(makeService({ id: 'h' }), 'host');
      const hosted = allocate(makeSnapshot({ nodes, networks, services: [host], tasks: [newTask(host, 1)] }));
      expect(hosted.tasks[0].task.networks).toEqual([]);
    });
  });
});

describe('addressUsage', () => {
  it('should count what services, live tasks and machines hold, and nothing of ended tasks', () => {
    const net: Network = {
      id: 'n1',
      meta: { version: 1, createdAt: 0, updatedAt: 0 },
      spec: { name: 'n', driver: 'overlay', labels: {}, attachable: false, ingress: false, subnet: '' },
      subnet: '10.0.1.0/24',
      gateway: '10.0.1.1',
      vni: 4097,
      nodeAddresses: [{ nodeId: 'a', address: '10.0.1.9/24' }],
    };
    const service = {
      ...makeService({ id: 'web' }),
      virtualIps: [{ networkId: 'n1', address: '10.0.1.2/24' }],
    };
    const live = {
      ...makeTask({ service, slot: 1, state: 'running' }),
      networks: [{ networkId: 'n1', address: '10.0.1.3/24' }],
    };
    const ended = {
      ...makeTask({ service, slot: 2, state: 'failed' }),
      id: 't2',
      networks: [{ networkId: 'n1', address: '10.0.1.4/24' }],
    };
    expect(
      addressUsage(makeSnapshot({ networks: [net], services: [service], tasks: [live, ended] }), net),
    ).toEqual({
      total: 253,
      used: 3,
      free: 250,
    });
  });

  it('should count plain containers attached as taken, and free those of machines that left', () => {
    const attached: Network = {
      ...network('n1'),
      spec: { ...network('n1').spec, attachable: true },
      attachments: [
        { id: 'x1', nodeId: 'a', containerId: 'c1', address: '10.0.1.2/24' },
        { id: 'x2', nodeId: 'gone', containerId: 'c2', address: '10.0.1.3/24' },
      ],
    };
    const service = onNetworks(makeService({ id: 'web' }), ['n1']);
    const plan = allocate(
      makeSnapshot({ nodes: [makeNode({ id: 'a' })], networks: [attached], services: [service] }),
    );
    expect(plan.services[0].virtualIps).toEqual([{ networkId: 'n1', address: '10.0.1.4/24' }]);
    expect(plan.networks.map((n) => n.attachments)).toEqual([[attached.attachments![0]]]);
    expect(claimAddress(makeSnapshot({ networks: [attached] }), attached)).toBe('10.0.1.4/24');
  });
});
