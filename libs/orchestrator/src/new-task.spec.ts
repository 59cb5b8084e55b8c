import type { PortConfig } from '@berth/cluster';
import { makeService } from '@berth/cluster/testing';
import { newTask } from './new-task';

const fields = { id: 't1', slot: 1, nodeId: '', now: 5 };
const port = (publishMode: PortConfig['publishMode']): PortConfig => ({
  protocol: 'tcp',
  targetPort: 80,
  publishedPort: 8080,
  publishMode,
});

describe('newTask', () => {
  it('should go straight to the scheduler when the service needs no network address', () => {
    const task = newTask(makeService({ id: 's' }), fields);
    expect(task.status).toMatchObject({ state: 'pending', message: 'pending task scheduling' });
  });

  it('should wait for addresses when the service is on a network or publishes through the mesh', () => {
    const base = makeService({ id: 's' });
    const onNetwork = { ...base, spec: { ...base.spec, networks: [{ target: 'n1', aliases: [] }] } };
    const meshed = {
      ...base,
      spec: { ...base.spec, endpoint: { ...base.spec.endpoint, ports: [port('ingress')] } },
    };
    const hostPort = {
      ...base,
      spec: { ...base.spec, endpoint: { ...base.spec.endpoint, ports: [port('host')] } },
    };
    expect(newTask(onNetwork, fields).status.state).toBe('new');
    expect(newTask(meshed, fields).status).toMatchObject({
      state: 'new',
      message: 'waiting for network addresses',
    });
    expect(newTask(hostPort, fields).status.state).toBe('pending');
  });
});
