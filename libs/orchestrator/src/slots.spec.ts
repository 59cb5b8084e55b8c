import type { Service, Task } from '@berth/cluster';
import { makeService, makeTask, type TaskOptions } from '@berth/cluster/testing';
import { byAge, endedOnItsOwn, groupSlots, isDone, isRunnable, newestTask } from './slots';
import { NOW } from './testing';

/** A task of `service` placed on node-1 and running there, unless told otherwise. */
const placed = (id: string, service: Service, options: TaskOptions = {}): Task =>
  makeTask({ id, service, nodeId: 'node-1', state: 'running', ...options });

describe('slots', () => {
  const service = makeService({ id: 's', restart: { condition: 'none' } });

  describe(groupSlots.name, () => {
    it('should group a replicated service by slot number, oldest first', () => {
      const tasks = [
        placed('b', service, { slot: 2, createdAt: 5 }),
        placed('c', service, { slot: 1, createdAt: 9 }),
        placed('a', service, { slot: 1, createdAt: 1 }),
      ];
      const slots = groupSlots(service, tasks);
      expect([...slots.keys()].sort()).toEqual(['1', '2']);
      expect(slots.get('1')!.map((task) => task.id)).toEqual(['a', 'c']);
    });

    it('should group a global service by node', () => {
      const global = makeService({ id: 'g', global: true });
      const tasks = [placed('a', global, { nodeId: 'n1' }), placed('b', global, { nodeId: 'n2' })];
      expect([...groupSlots(global, tasks).keys()]).toEqual(['n1', 'n2']);
    });
  });

  describe(byAge.name, () => {
    it('should break ties of creation time by id', () => {
      const tasks = [placed('b', service), placed('a', service)];
      expect([...tasks].sort(byAge).map((task) => task.id)).toEqual(['a', 'b']);
      expect(newestTask(tasks)!.id).toBe('b');
    });
  });

  describe(isRunnable.name, () => {
    it('should count a live task, held ones included', () => {
      expect(isRunnable([placed('a', service)])).toBe(true);
      expect(isRunnable([placed('a', service, { state: 'pending', desiredState: 'ready' })])).toBe(true);
    });

    it('should not count ended or given-up tasks', () => {
      expect(isRunnable([placed('a', service, { state: 'failed' })])).toBe(false);
      expect(isRunnable([placed('a', service, { desiredState: 'shutdown' })])).toBe(false);
      expect(isRunnable([])).toBe(false);
    });
  });

  describe(endedOnItsOwn.name, () => {
    it.each(['complete', 'failed', 'rejected', 'orphaned'] as const)('should be true for %s', (state) => {
      expect(endedOnItsOwn(placed('a', service, { state }))).toBe(true);
    });

    it.each(['shutdown', 'remove', 'running', 'pending'] as const)('should be false for %s', (state) => {
      expect(endedOnItsOwn(placed('a', service, { state }))).toBe(false);
    });
  });

  describe(isDone.name, () => {
    const ended = { state: 'complete', desiredState: 'shutdown', exitCode: 0 } as const;

    it('should be done when the newest task ended and is not to be restarted', () => {
      expect(isDone([placed('a', service, ended)], service, NOW)).toBe(true);
    });

    it('should not be done when the service changed since', () => {
      const updated = { ...service, specVersion: 2 };
      expect(isDone([placed('a', service, ended)], updated, NOW)).toBe(false);
    });

    it('should not be done when the manager shut the task down', () => {
      const shut = placed('a', service, { state: 'shutdown', desiredState: 'shutdown' });
      expect(isDone([shut], service, NOW)).toBe(false);
    });

    it('should not be done while the restart decision is pending', () => {
      expect(isDone([placed('a', service, { state: 'complete' })], service, NOW)).toBe(false);
    });

    it('should not be done when the policy restarts it', () => {
      const any = makeService({ id: 's' });
      expect(isDone([placed('a', any, ended)], any, NOW)).toBe(false);
    });

    it('should not be done when a newer task runs', () => {
      const slot = [placed('a', service, ended), placed('b', service, { createdAt: 1 })];
      expect(isDone(slot, service, NOW)).toBe(false);
    });

    it('should judge attempts at the time the task ended, so that time passing does not revive it', () => {
      const limited = makeService({ id: 's', restart: { maxAttempts: 1, windowMs: 1000 } });
      const task = placed('a', limited, {
        ...ended,
        state: 'failed',
        restarts: [NOW - 500],
        endedAt: NOW - 100,
      });
      expect(isDone([task], limited, NOW)).toBe(true);
      expect(isDone([task], limited, NOW + 10_000)).toBe(true);
    });

    it('should be false for an empty slot', () => {
      expect(isDone([], service, NOW)).toBe(false);
    });
  });
});
