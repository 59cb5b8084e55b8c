import { makeTask } from './testing';
import type { Task, TaskState } from './objects';
import { crashLoop, howItEnded } from './crash-loop';

/** A task that started at START (or never, when null) and reached STATE at END. */
function ended(
  id: string,
  state: TaskState,
  start: number | null,
  end: number,
  exitCode: number | null = 0,
): Task {
  const task = makeTask({ id, state });
  task.status = { ...task.status, timestamp: end, exitCode };
  if (start !== null) task.status.startedAt = start;
  return task;
}

describe('crashLoop', () => {
  const quick = (i: number) => ended(`t${i}`, 'complete', i * 1000, i * 1000 + 200);

  it('should see five tasks in a row that ended within 10 s of starting', () => {
    const tasks = [1, 2, 3, 4, 5].map(quick);
    expect(crashLoop(tasks)).toEqual({ count: 5, last: tasks[4] });
  });

  it('should not see a loop in fewer ends, or when one of the last five ran 10 s or more', () => {
    expect(crashLoop([1, 2, 3, 4].map(quick))).toBeNull();
    const long = ended('long', 'complete', 4_000, 14_000);
    expect(crashLoop([quick(1), quick(2), quick(3), long, quick(15), quick(16)])).toBeNull();
  });

  it('should count tasks that never started (rejected, or failed before running) and leave out those the manager stopped', () => {
    const tasks = [
      ended('r1', 'rejected', null, 1_000, null),
      ended('f2', 'failed', null, 2_000, 127),
      ended('s3', 'shutdown', 2_500, 2_900),
      ended('f4', 'failed', 3_000, 3_100, 1),
      ended('c5', 'complete', 4_000, 4_100),
      ended('c6', 'complete', 5_000, 5_100),
    ];
    expect(crashLoop(tasks)?.count).toBe(5);
    expect(crashLoop(tasks)?.last.id).toBe('c6');
    expect(crashLoop(tasks, { times: 6, minRunMs: 10_000 })).toBeNull();
  });

  it('should ignore tasks still running', () => {
    expect(crashLoop([makeTask({ id: 'a', state: 'running' }), ...[1, 2, 3, 4].map(quick)])).toBeNull();
  });
});

describe('howItEnded', () => {
  it('should word the end as service ps does, with the exit code', () => {
    expect(howItEnded(ended('a', 'complete', 0, 1))).toBe('Complete (exit 0)');
    const failed = ended('b', 'failed', 0, 1, 3);
    failed.status.err = 'task: non-zero exit (3)';
    expect(howItEnded(failed)).toBe('Failed (exit 3): task: non-zero exit (3)');
  });
});
