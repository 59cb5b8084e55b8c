import { nextWake, releaseDelayed } from './delay';
import { makeService, makeTask, NOW } from './testing';
import type { ServiceContext } from './context';

describe('restart delays', () => {
  const service = makeService('s');
  const ctx = { service, now: NOW } as ServiceContext;
  const held = (id: string, notBefore: number, state: 'pending' | 'failed' = 'pending') =>
    makeTask(id, service, { nodeId: '', state, desiredState: 'ready', notBefore });

  describe(releaseDelayed.name, () => {
    it('should release held tasks that are due, and only those', () => {
      const tasks = [
        held('due', NOW),
        held('early', NOW + 1),
        held('ended', NOW - 1, 'failed'),
        makeTask('r', service),
      ];
      expect(releaseDelayed(ctx, tasks)).toEqual([
        { kind: 'update', task: { ...tasks[0], desiredState: 'running' } },
      ]);
    });
  });

  describe(nextWake.name, () => {
    it('should be the earliest future notBefore of a held task', () => {
      expect(nextWake([held('a', NOW + 9), held('b', NOW + 3), held('c', NOW)], NOW)).toBe(NOW + 3);
    });

    it('should be null without held tasks', () => {
      expect(
        nextWake([makeTask('r', service, { notBefore: NOW + 5 }), held('x', NOW + 5, 'failed')], NOW),
      ).toBeNull();
    });
  });
});
