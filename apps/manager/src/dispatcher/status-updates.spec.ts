import type { Task, TaskState, TaskStatus } from '@berth/cluster';
import { makeTask } from '@berth/cluster/testing';
import { applyStatus, StatusRefusal, type StatusVerdict } from './status-updates';

function task(id: string, state: TaskState, desired: TaskState = 'running', nodeId = 'n1'): Task {
  return makeTask({ id, state, desiredState: desired, nodeId });
}

describe(applyStatus.name, () => {
  const status = (state: TaskState, message = '') => ({ ...task('x', state).status, state, message });

  it('should take a report that moves the task forward', () => {
    const verdict = applyStatus(task('a', 'assigned'), 'n1', status('running', 'started'));
    expect(verdict.apply && verdict.task.status).toMatchObject({ state: 'running', message: 'started' });
  });

  const refusal = (verdict: StatusVerdict) => (verdict.apply ? undefined : verdict.refusal);

  it('should refuse a report on a task of another node, naming both nodes', () => {
    const verdict = refusal(applyStatus(task('a', 'assigned', 'running', 'n2'), 'n1', status('running')));
    expect(verdict).toBeInstanceOf(StatusRefusal);
    expect(verdict).toMatchObject({ reason: 'other-node', taskId: 'a', nodeId: 'n1' });
    expect(verdict?.message).toBe('report of node n1 on task a refused: the task belongs to node n2');
  });

  it('should refuse a report on a task not placed yet as one of another node', () => {
    expect(refusal(applyStatus(task('a', 'pending', 'running', ''), 'n1', status('running')))).toMatchObject({
      reason: 'other-node',
    });
  });

  it('should refuse a report that moves the state backwards, or on a missing task', () => {
    expect(refusal(applyStatus(task('a', 'running'), 'n1', status('starting')))).toMatchObject({
      reason: 'backwards',
      message: 'report of node n1 on task a refused: its state may not move from running to starting',
    });
    expect(refusal(applyStatus(task('a', 'failed'), 'n1', status('running')))).toMatchObject({
      reason: 'backwards',
    });
    expect(refusal(applyStatus(undefined, 'n1', status('running'), 'gone'))).toMatchObject({
      reason: 'no-such-task',
      taskId: 'gone',
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

  it("should take only the agent's fields of a report, leaving the scheduler's and the manager's as they were", () => {
    const pending = task('a', 'assigned');
    pending.status = {
      ...pending.status,
      startedAt: 1_000,
      rejections: [{ filter: 'nodes', rejected: 0, examined: 0 }],
    };
    const report = {
      ...status('running', 'started'),
      timestamp: 5_000,
      containerId: 'c1',
      startedAt: 9_999,
      rejections: [{ filter: 'ready', rejected: 3, examined: 3 }],
      owner: 'me',
    } as TaskStatus;
    const verdict = applyStatus(pending, 'n1', report);
    expect(verdict.apply && verdict.task.status).toEqual({
      ...pending.status,
      state: 'running',
      message: 'started',
      timestamp: 5_000,
      containerId: 'c1',
    });
    expect(verdict.apply && { ...verdict.task, status: pending.status }).toEqual(pending);
  });
});
