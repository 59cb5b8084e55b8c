import type { Task, TaskState } from '@berth/cluster';
import { makeTask } from '@berth/cluster/testing';
import { assignmentDiff, assignmentKey, isAssignedTo } from './assignments';

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
