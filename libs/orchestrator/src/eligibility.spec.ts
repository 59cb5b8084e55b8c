import { parseConstraints } from '@berth/cluster';
import { makeNode } from '@berth/cluster/testing';
import { acceptsNewTasks, globalTaskMayStay, judgeNode, mustMoveFrom, type NodeVerdict } from './eligibility';

describe(judgeNode.name, () => {
  const zoneA = parseConstraints(['node.labels.zone==a']);

  it.each<[string, ReturnType<typeof makeNode> | undefined, NodeVerdict]>([
    ['a ready node', makeNode({ id: 'n', labels: { zone: 'a' } }), 'ok'],
    ['a paused node', makeNode({ id: 'n', availability: 'pause', labels: { zone: 'a' } }), 'ok'],
    ['a node in unknown state', makeNode({ id: 'n', state: 'unknown', labels: { zone: 'a' } }), 'ok'],
    ['a missing node', undefined, 'missing'],
    ['a drained node', makeNode({ id: 'n', availability: 'drain', labels: { zone: 'a' } }), 'drained'],
    ['a node with another label', makeNode({ id: 'n', labels: { zone: 'b' } }), 'unsatisfied'],
    ['a down node', makeNode({ id: 'n', state: 'down', labels: { zone: 'a' } }), 'down'],
    ['a disconnected node', makeNode({ id: 'n', state: 'disconnected', labels: { zone: 'a' } }), 'down'],
  ])('should judge %s', (_, node, verdict) => {
    expect(judgeNode(node, zoneA)).toBe(verdict);
  });

  it('should not judge by constraints that do not parse', () => {
    expect(judgeNode(makeNode({ id: 'n' }), null)).toBe('ok');
  });
});

describe('verdicts', () => {
  it('should move replicated tasks for anything but ok', () => {
    expect(mustMoveFrom('ok')).toBe(false);
    for (const verdict of ['missing', 'drained', 'unsatisfied', 'down'] as const)
      expect(mustMoveFrom(verdict)).toBe(true);
  });

  it('should keep global tasks on ok and down nodes only', () => {
    expect(globalTaskMayStay('ok')).toBe(true);
    expect(globalTaskMayStay('down')).toBe(true);
    for (const verdict of ['missing', 'drained', 'unsatisfied'] as const)
      expect(globalTaskMayStay(verdict)).toBe(false);
  });
});

describe(acceptsNewTasks.name, () => {
  const none = parseConstraints([]);

  it('should take ready, active nodes that satisfy the constraints', () => {
    expect(acceptsNewTasks(makeNode({ id: 'n' }), none)).toBe(true);
    expect(
      acceptsNewTasks(
        makeNode({ id: 'n', labels: { zone: 'a' } }),
        parseConstraints(['node.labels.zone==a']),
      ),
    ).toBe(true);
  });

  it.each([
    ['down', makeNode({ id: 'n', state: 'down' })],
    ['unknown', makeNode({ id: 'n', state: 'unknown' })],
    ['paused', makeNode({ id: 'n', availability: 'pause' })],
    ['drained', makeNode({ id: 'n', availability: 'drain' })],
  ])('should refuse a %s node', (_, node) => {
    expect(acceptsNewTasks(node, none)).toBe(false);
  });

  it('should refuse every node when the constraints do not parse', () => {
    expect(acceptsNewTasks(makeNode({ id: 'n' }), null)).toBe(false);
  });
});
