import { makeService, makeTask } from '@berth/cluster/testing';
import { nextWake, releaseDelayed } from './delay';
import { NOW } from './testing';
import type { ServiceContext } from './context';

describe('restart delays', () => {
  const service = makeService({ id: 's' });
  const ctx = { service, now: NOW } as ServiceContext;
  const held = (id: string, notBefore: number, state: 'pending' | 'failed' = 'pending') =>
    makeTask({ id, service, nodeId: '', state, desiredState: 'ready', notBefore });

  describe(releaseDelayed.name, () => {
    it('should release held tasks that are due, and only those', () => {
      const tasks = [
        held('due', NOW),
        held('early', NOW + 1),
        held('ended', NOW - 1, 'failed'),
        makeTask({ id: 'r', service, nodeId: 'node-1', state: 'running' }),
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
        nextWake(
          [
            makeTask({ id: 'r', service, nodeId: 'node-1', state: 'running', notBefore: NOW + 5 }),
            held('x', NOW + 5, 'failed'),
          ],
          NOW,
        ),
      ).toBeNull();
    });
  });
});
