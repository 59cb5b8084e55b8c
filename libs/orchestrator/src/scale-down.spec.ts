import type { TaskState } from '@berth/cluster';
import { makeService, makeTask } from '@berth/cluster/testing';
import { liveTasksOf, pickSurplus } from './scale-down';

describe(pickSurplus.name, () => {
  const service = makeService({ id: 's' });
  const slot = (number: number, nodeId: string, state: TaskState = 'running') => [
    makeTask({ id: `t${number}`, service, slot: number, nodeId, state }),
  ];
  const numbers = (slots: ReturnType<typeof pickSurplus>) => slots.map((s) => s[0].slot);

  it('should pick slots not yet running first', () => {
    const slots = [slot(1, 'a'), slot(2, 'b', 'assigned'), slot(3, 'a'), slot(4, '', 'pending')];
    expect(numbers(pickSurplus(slots, 2))).toEqual([4, 2]);
  });

  it('should count a task not placed at all as on the busiest node', () => {
    const slots = [slot(1, 'a', 'assigned'), slot(2, 'a', 'assigned'), slot(3, '', 'pending')];
    expect(numbers(pickSurplus(slots, 1))).toEqual([3]);
  });

  it('should then pick from the busiest node', () => {
    const slots = [slot(1, 'a'), slot(2, 'a'), slot(3, 'b'), slot(4, 'c')];
    expect(numbers(pickSurplus(slots, 1))).toEqual([2]);
  });

  it('should re-count the busiest node after each pick', () => {
    const slots = [slot(1, 'a'), slot(2, 'a'), slot(3, 'a'), slot(4, 'b'), slot(5, 'b')];
    expect(numbers(pickSurplus(slots, 3))).toEqual([3, 5, 2]);
  });

  it('should then pick the highest slot numbers', () => {
    const slots = [slot(1, 'a'), slot(2, 'b'), slot(3, 'c')];
    expect(numbers(pickSurplus(slots, 2))).toEqual([3, 2]);
  });

  it('should not pick more slots than there are', () => {
    expect(pickSurplus([slot(1, 'a')], 3)).toHaveLength(1);
  });

  it('should return the live tasks of the picked slots only', () => {
    const dead = makeTask({
      id: 'old',
      service,
      slot: 1,
      nodeId: 'a',
      state: 'failed',
      desiredState: 'shutdown',
    });
    expect(liveTasksOf([[dead, ...slot(1, 'a')]]).map((task) => task.id)).toEqual(['t1']);
  });
});
