import { defaultTaskSpec } from './defaults';
import type { Task } from './objects';
import { applyTaskChanges, mergeTaskChanges } from './snapshot';

function task(id: string, nodeId = ''): Task {
  return {
    id,
    meta: { version: 1, createdAt: 0, updatedAt: 0 },
    serviceId: 's',
    serviceName: 'web',
    endpoint: { mode: 'vip', ports: [] },
    slot: 1,
    nodeId,
    spec: defaultTaskSpec('busybox'),
    specVersion: 1,
    desiredState: 'running',
    status: { state: 'pending', timestamp: 0, message: '', err: '', containerId: '', exitCode: null },
    restarts: [],
    notBefore: 0,
  };
}

describe('applyTaskChanges', () => {
  it('should add creates, replace updates and drop deletes', () => {
    const after = applyTaskChanges(
      [task('a'), task('b')],
      [
        { kind: 'create', task: task('c') },
        { kind: 'update', task: task('a', 'n1') },
        { kind: 'delete', task: task('b') },
      ],
    );
    expect(after.map((t) => [t.id, t.nodeId])).toEqual([
      ['a', 'n1'],
      ['c', ''],
    ]);
  });
});

describe('mergeTaskChanges', () => {
  it('should write a task created and placed in one pass once, as a create', () => {
    const merged = mergeTaskChanges(
      [{ kind: 'create', task: task('a') }],
      [{ kind: 'update', task: task('a', 'n1') }],
    );
    expect(merged).toEqual([{ kind: 'create', task: task('a', 'n1') }]);
  });

  it('should drop a task created then deleted, and keep the later change otherwise', () => {
    expect(
      mergeTaskChanges([{ kind: 'create', task: task('a') }], [{ kind: 'delete', task: task('a') }]),
    ).toEqual([]);
    expect(
      mergeTaskChanges(
        [{ kind: 'update', task: task('b') }],
        [
          { kind: 'update', task: task('b', 'n2') },
          { kind: 'update', task: task('c') },
        ],
      ),
    ).toEqual([
      { kind: 'update', task: task('b', 'n2') },
      { kind: 'update', task: task('c') },
    ]);
  });
});
