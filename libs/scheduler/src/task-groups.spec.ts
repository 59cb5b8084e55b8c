import type { TaskState } from '@berth/cluster';
import { awaitsPlacement, groupTasksAwaitingPlacement } from './task-groups';
import { makeService, makeTask } from '@berth/cluster/testing';

describe('awaitsPlacement', () => {
  it.each<[TaskState, TaskState, boolean]>([
    ['pending', 'running', true],
    ['pending', 'ready', true],
    ['pending', 'shutdown', false],
    ['pending', 'remove', false],
    ['new', 'running', false],
    ['assigned', 'running', false],
    ['running', 'running', false],
  ])('should say %s, desired %s: %p', (state, desiredState, expected) => {
    expect(awaitsPlacement(makeTask({ state, desiredState }))).toBe(expected);
  });
});

describe('groupTasksAwaitingPlacement', () => {
  const web = makeService({ id: 'web', specVersion: 2 });
  const api = makeService({ id: 'api' });

  it('should group by service, spec version and pinned node', () => {
    const tasks = [
      makeTask({ service: web, slot: 1 }),
      makeTask({ service: web, slot: 2, specVersion: 1 }),
      makeTask({ service: web, slot: 3 }),
      makeTask({ service: api, slot: 0, nodeId: 'n1' }),
      makeTask({ service: api, slot: 0, nodeId: 'n2' }),
      makeTask({ service: api, slot: 1 }),
    ];
    const groups = groupTasksAwaitingPlacement(tasks).map((group) => ({
      key: `${group.serviceId}@${group.specVersion}${group.nodeId && ` on ${group.nodeId}`}`,
      tasks: group.tasks.map((task) => task.id),
    }));
    expect(groups).toEqual([
      { key: 'api@1 on n1', tasks: ['api.n1'] },
      { key: 'api@1 on n2', tasks: ['api.n2'] },
      { key: 'api@1', tasks: ['api.1'] },
      { key: 'web@1', tasks: ['web.2'] },
      { key: 'web@2', tasks: ['web.1', 'web.3'] },
    ]);
  });

  it('should order a group’s tasks by slot, then id', () => {
    const tasks = [
      makeTask({ service: web, slot: 10 }),
      makeTask({ service: web, slot: 2, id: 'web.2b' }),
      makeTask({ service: web, slot: 2, id: 'web.2a' }),
    ];
    expect(groupTasksAwaitingPlacement(tasks)[0].tasks.map((task) => task.id)).toEqual([
      'web.2a',
      'web.2b',
      'web.10',
    ]);
  });

  it('should leave out tasks not awaiting placement', () => {
    const tasks = [makeTask({ desiredState: 'shutdown' }), makeTask({ state: 'running', nodeId: 'n1' })];
    expect(groupTasksAwaitingPlacement(tasks)).toEqual([]);
  });
});
