import type { Task } from '@berth/cluster';
import { makeService, makeTask } from '@berth/cluster/testing';
import { Plan } from './plan';
import { deepFreeze } from './testing';

describe(Plan.name, () => {
  const service = makeService({ id: 's' });
  const a = makeTask({ id: 'a', service });
  const b = makeTask({ id: 'b', service });
  const shut = (task: Task): Task => ({ ...task, desiredState: 'shutdown' });

  it('should list the tasks by id whatever the input order', () => {
    expect(new Plan([b, a]).tasks().map((task) => task.id)).toEqual(['a', 'b']);
  });

  it('should merge update then delete into one delete', () => {
    const plan = new Plan([a]);
    plan.apply([{ kind: 'update', task: shut(a) }]);
    plan.apply([{ kind: 'delete', task: shut(a) }]);
    expect(plan.changes()).toEqual([{ kind: 'delete', task: shut(a) }]);
    expect(plan.tasks()).toEqual([]);
  });

  it('should merge create then update into one create of the final task', () => {
    const plan = new Plan([]);
    plan.apply([{ kind: 'create', task: a }]);
    plan.apply([{ kind: 'update', task: shut(a) }]);
    expect(plan.changes()).toEqual([{ kind: 'create', task: shut(a) }]);
  });

  it('should drop a task created then deleted', () => {
    const plan = new Plan([]);
    plan.apply([{ kind: 'create', task: a }]);
    plan.apply([{ kind: 'delete', task: a }]);
    expect(plan.changes()).toEqual([]);
    expect(plan.tasks()).toEqual([]);
  });

  it('should keep the last of several updates at the place of the first', () => {
    const plan = new Plan([a, b]);
    plan.apply([{ kind: 'update', task: { ...a, desiredState: 'ready' } }]);
    plan.apply([{ kind: 'update', task: shut(b) }]);
    plan.apply([{ kind: 'update', task: shut(a) }]);
    expect(plan.changes()).toEqual([
      { kind: 'update', task: shut(a) },
      { kind: 'update', task: shut(b) },
    ]);
  });

  it('should group tasks by service', () => {
    const other = makeTask({ id: 'c', service: makeService({ id: 't' }) });
    const plan = new Plan([other, a]);
    expect(plan.tasksOf('s')).toEqual([a]);
    expect(plan.tasksOf('t')).toEqual([other]);
    expect(plan.tasksOf('gone')).toEqual([]);
  });

  it('should not modify its input', () => {
    const input = deepFreeze([a, b]);
    const plan = new Plan(input);
    plan.apply([
      { kind: 'update', task: shut(a) },
      { kind: 'delete', task: b },
    ]);
    expect(input).toEqual([makeTask({ id: 'a', service }), makeTask({ id: 'b', service })]);
  });
});
