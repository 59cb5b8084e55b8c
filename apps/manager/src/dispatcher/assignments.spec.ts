import type { Task, TaskState } from '@berth/cluster';
import { makeTask } from '@berth/cluster/testing';
import { assignmentDiff, assignmentKey, isAssignedTo } from './assignments';
import { applyStatus } from './status-updates';

function task(id: string, state: TaskState, desired: TaskState = 'running', nodeId = 'n1'): Task {
  return makeTask({ id, state, desiredState: desired, nodeId });
}

describe('isAssignedTo', () => {
  it('should give a node its assigned and running tasks, and those it must still stop', () => {
    expect(isAssignedTo(task('a', 'assigned'), 'n1')).toBe(true);
    expect(isAssignedTo(task('a', 'running'), 'n1')).toBe(true);
    expect(isAssignedTo(task('a', 'running', 'shutdown'), 'n1')).toBe(true);
  });

  it('should not give a node tasks not yet placed, placed elsewhere, or over and unwanted', () => {
    expect(isAssignedTo(task('a', 'pending'), 'n1')).toBe(false);
    expect(isAssignedTo(task('a', 'running', 'running', 'n2'), 'n1')).toBe(false);
    expect(isAssignedTo(task('a', 'shutdown', 'shutdown'), 'n1')).toBe(false);
    expect(isAssignedTo(task('a', 'failed', 'shutdown'), 'n1')).toBe(false);
  });

  it('should keep a task that ended while still wanted, so the node can report on it', () => {
    expect(isAssignedTo(task('a', 'failed', 'running'), 'n1')).toBe(true);
  });
});

describe('assignmentDiff', () => {
  it('should resend only tasks whose desired state or spec changed, and name those gone', () => {
    const a = task('a', 'running');
    const b = task('b', 'running');
    const sent = new Map([
      ['a', assignmentKey(a)],
      ['b', assignmentKey(b)],
      ['c', 'x'],
    ]);
    const diff = assignmentDiff(sent, [
      { ...a, status: { ...a.status, message: 'news' } },
      { ...b, desiredState: 'shutdown' },
    ]);
    expect(diff.changed.map((t) => t.id)).toEqual(['b']);
    expect(diff.removed).toEqual(['c']);
  });
});

describe('applyStatus', () => {
  const status = (state: TaskState, message = '') => ({ ...task('x', state).status, state, message });

  it('should take a report that moves the task forward', () => {
    const verdict = applyStatus(task('a', 'assigned'), 'n1', status('running', 'started'));
    expect(verdict.apply && verdict.task.status).toMatchObject({ state: 'running', message: 'started' });
  });

  it('should refuse a report about another node, a missing task, or a move backwards', () => {
    expect(applyStatus(task('a', 'assigned', 'running', 'n2'), 'n1', status('running'))).toEqual({
      apply: false,
      reason: 'task belongs to node n2',
    });
    expect(applyStatus(undefined, 'n1', status('running'))).toEqual({ apply: false, reason: 'no such task' });
    expect(applyStatus(task('a', 'running'), 'n1', status('starting'))).toEqual({
      apply: false,
      reason: 'state may not move from running to starting',
    });
  });

  it('should skip a report with nothing new, and keep one with a new message', () => {
    expect(applyStatus(task('a', 'running'), 'n1', status('running')).apply).toBe(false);
    expect(applyStatus(task('a', 'preparing'), 'n1', status('preparing', 'pulling busybox')).apply).toBe(
      true,
    );
  });

  it('should note when the task began to run, and keep it when it ends', () => {
    const running = applyStatus(task('a', 'starting'), 'n1', {
      ...status('running', 'started'),
      timestamp: 5_000,
    });
    expect(running.apply && running.task.status.startedAt).toBe(5_000);
    const ended = applyStatus(running.apply ? running.task : undefined, 'n1', {
      ...status('complete', 'finished'),
      timestamp: 7_000,
    });
    expect(ended.apply && ended.task.status).toMatchObject({
      state: 'complete',
      timestamp: 7_000,
      startedAt: 5_000,
    });
    const neverRan = applyStatus(task('b', 'starting'), 'n1', status('failed', 'started'));
    expect(neverRan.apply && neverRan.task.status.startedAt).toBeUndefined();
  });
});
