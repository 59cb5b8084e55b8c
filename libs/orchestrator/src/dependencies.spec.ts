import type { Service, TaskState } from '@berth/cluster';
import { makeService, makeSnapshot, makeTask } from '@berth/scheduler/testing';
import { dependenciesMet } from './dependencies';
import { reconcile } from './reconcile';

function dependent(condition: 'service_started' | 'service_healthy'): Service {
  const s = makeService({ id: 'web', replicas: 2 });
  return { ...s, spec: { ...s.spec, dependsOn: [{ service: 'db', condition }] } };
}
const db = makeService({ id: 'db' });
const dbTask = (state: TaskState) => makeTask({ service: db, state, nodeId: 'n1' });

describe('dependenciesMet', () => {
  it('should hold a service until what it depends on has started', () => {
    const web = dependent('service_started');
    expect(dependenciesMet(web, { services: [web], tasks: [] })).toBe(false);
    expect(dependenciesMet(web, { services: [web, db], tasks: [dbTask('pending')] })).toBe(false);
    expect(dependenciesMet(web, { services: [web, db], tasks: [dbTask('starting')] })).toBe(true);
  });

  it('should wait for a running (so healthy) task with service_healthy', () => {
    const web = dependent('service_healthy');
    expect(dependenciesMet(web, { services: [web, db], tasks: [dbTask('starting')] })).toBe(false);
    expect(dependenciesMet(web, { services: [web, db], tasks: [dbTask('running')] })).toBe(true);
  });

  it('should make no tasks for a held service in the reconcile, and make them once it is free', () => {
    const web = dependent('service_started');
    const idle = reconcile(makeSnapshot({ services: [web, db], tasks: [dbTask('pending')] }), () => 'x');
    expect(idle.changes.filter((c) => c.task.serviceId === 'web')).toEqual([]);
    let n = 0;
    const free = reconcile(
      makeSnapshot({ services: [web, db], tasks: [dbTask('running')] }),
      () => `t${++n}`,
    );
    expect(free.changes.filter((c) => c.task.serviceId === 'web')).toHaveLength(2);
  });
});
