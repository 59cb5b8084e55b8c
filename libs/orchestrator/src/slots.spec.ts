import { byAge, endedOnItsOwn, groupSlots, isDone, isRunnable, newestTask } from './slots';
import { makeService, makeTask, NOW } from './testing';

describe('slots', () => {
  const service = makeService('s', { restart: { condition: 'none' } });

  describe(groupSlots.name, () => {
    it('should group a replicated service by slot number, oldest first', () => {
      const tasks = [
        makeTask('b', service, { slot: 2, createdAt: 5 }),
        makeTask('c', service, { slot: 1, createdAt: 9 }),
        makeTask('a', service, { slot: 1, createdAt: 1 }),
      ];
      const slots = groupSlots(service, tasks);
      expect([...slots.keys()].sort()).toEqual(['1', '2']);
      expect(slots.get('1')!.map((task) => task.id)).toEqual(['a', 'c']);
    });

    it('should group a global service by node', () => {
      const global = makeService('g', { global: true });
      const tasks = [makeTask('a', global, { nodeId: 'n1' }), makeTask('b', global, { nodeId: 'n2' })];
      expect([...groupSlots(global, tasks).keys()]).toEqual(['n1', 'n2']);
    });
  });

  describe(byAge.name, () => {
    it('should break ties of creation time by id', () => {
      const tasks = [makeTask('b', service), makeTask('a', service)];
      expect([...tasks].sort(byAge).map((task) => task.id)).toEqual(['a', 'b']);
      expect(newestTask(tasks)!.id).toBe('b');
    });
  });

  describe(isRunnable.name, () => {
    it('should count a live task, held ones included', () => {
      expect(isRunnable([makeTask('a', service)])).toBe(true);
      expect(isRunnable([makeTask('a', service, { state: 'pending', desiredState: 'ready' })])).toBe(true);
    });

    it('should not count ended or given-up tasks', () => {
      expect(isRunnable([makeTask('a', service, { state: 'failed' })])).toBe(false);
      expect(isRunnable([makeTask('a', service, { desiredState: 'shutdown' })])).toBe(false);
      expect(isRunnable([])).toBe(false);
    });
  });

  describe(endedOnItsOwn.name, () => {
    it.each(['complete', 'failed', 'rejected', 'orphaned'] as const)('should be true for %s', (state) => {
      expect(endedOnItsOwn(makeTask('a', service, { state }))).toBe(true);
    });

    it.each(['shutdown', 'remove', 'running', 'pending'] as const)('should be false for %s', (state) => {
      expect(endedOnItsOwn(makeTask('a', service, { state }))).toBe(false);
    });
  });

  describe(isDone.name, () => {
    const ended = { state: 'complete', desiredState: 'shutdown', exitCode: 0 } as const;

    it('should be done when the newest task ended and is not to be restarted', () => {
      expect(isDone([makeTask('a', service, ended)], service, NOW)).toBe(true);
    });

    it('should not be done when the service changed since', () => {
      const updated = { ...service, specVersion: 2 };
      expect(isDone([makeTask('a', service, ended)], updated, NOW)).toBe(false);
    });

    it('should not be done when the manager shut the task down', () => {
      const shut = makeTask('a', service, { state: 'shutdown', desiredState: 'shutdown' });
      expect(isDone([shut], service, NOW)).toBe(false);
    });

    it('should not be done while the restart decision is pending', () => {
      expect(isDone([makeTask('a', service, { state: 'complete' })], service, NOW)).toBe(false);
    });

    it('should not be done when the policy restarts it', () => {
      const any = makeService('s');
      expect(isDone([makeTask('a', any, ended)], any, NOW)).toBe(false);
    });

    it('should not be done when a newer task runs', () => {
      const slot = [makeTask('a', service, ended), makeTask('b', service, { createdAt: 1 })];
      expect(isDone(slot, service, NOW)).toBe(false);
    });

    it('should judge attempts at the time the task ended, so that time passing does not revive it', () => {
      const limited = makeService('s', { restart: { maxAttempts: 1, windowMs: 1000 } });
      const task = makeTask('a', limited, {
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
