import type { TaskState } from '@berth/cluster';
import { makeService, makeTask } from '@berth/cluster/testing';
import { endedInFailure, restartsInWindow, shouldRestart } from './restart-policy';
import { NOW } from './testing';

describe(endedInFailure.name, () => {
  it.each<[TaskState, number | null, boolean]>([
    ['complete', 0, false],
    ['complete', null, false],
    ['complete', 3, true],
    ['failed', 1, true],
    ['failed', null, true],
    ['rejected', null, true],
    ['orphaned', null, true],
    ['shutdown', 0, false],
    ['shutdown', 143, true],
  ])('should judge %s with exit code %p as failure: %p', (state, exitCode, failure) => {
    expect(endedInFailure(makeTask({ id: 't', service: makeService({ id: 's' }), state, exitCode }))).toBe(
      failure,
    );
  });
});

describe(restartsInWindow.name, () => {
  it('should keep every restart when the window is 0', () => {
    expect(restartsInWindow([1, 2, 3], 0, NOW)).toEqual([1, 2, 3]);
  });

  it('should keep only restarts strictly less than the window old', () => {
    expect(restartsInWindow([NOW - 1000, NOW - 999, NOW], 1000, NOW)).toEqual([NOW - 999, NOW]);
  });
});

describe(shouldRestart.name, () => {
  const condition = (name: 'any' | 'on-failure' | 'none') =>
    makeService({ id: 's', restart: { condition: name } });

  it.each<['any' | 'on-failure' | 'none', TaskState, number | null, boolean]>([
    ['any', 'complete', 0, true],
    ['any', 'failed', 1, true],
    ['any', 'rejected', null, true],
    ['any', 'orphaned', null, true],
    ['any', 'shutdown', 0, true],
    ['on-failure', 'complete', 0, false],
    ['on-failure', 'complete', 2, true],
    ['on-failure', 'failed', 1, true],
    ['on-failure', 'rejected', null, true],
    ['on-failure', 'orphaned', null, true],
    ['on-failure', 'shutdown', 0, false],
    ['none', 'complete', 0, false],
    ['none', 'failed', 1, false],
    ['none', 'rejected', null, false],
  ])('should with condition %s restart a task %s (exit %p): %p', (name, state, exitCode, expected) => {
    expect(shouldRestart(makeTask({ id: 't', service: condition(name), state, exitCode }), NOW)).toBe(
      expected,
    );
  });

  it('should stop at maxAttempts restarts when there is no window', () => {
    const service = makeService({ id: 's', restart: { maxAttempts: 2 } });
    expect(shouldRestart(makeTask({ id: 't', service, state: 'failed', restarts: [1] }), NOW)).toBe(true);
    expect(shouldRestart(makeTask({ id: 't', service, state: 'failed', restarts: [1, 2] }), NOW)).toBe(false);
  });

  it('should count only the restarts inside the window', () => {
    const service = makeService({ id: 's', restart: { maxAttempts: 2, windowMs: 60_000 } });
    const old = [NOW - 120_000, NOW - 90_000];
    expect(shouldRestart(makeTask({ id: 't', service, state: 'failed', restarts: old }), NOW)).toBe(true);
    const recent = [NOW - 30_000, NOW - 10_000];
    expect(shouldRestart(makeTask({ id: 't', service, state: 'failed', restarts: recent }), NOW)).toBe(false);
  });

  it('should use the policy the task ran under', () => {
    const task = makeTask({
      id: 't',
      service: makeService({ id: 's', restart: { condition: 'none' } }),
      state: 'failed',
    });
    expect(shouldRestart(task, NOW)).toBe(false);
  });
});
