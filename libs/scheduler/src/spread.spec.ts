import type { Service } from '@berth/cluster';
import { NodeInfo } from './node-info';
import { SpreadTree } from './spread';
import { makeNode, makeService, runningTask, type NodeOptions } from '@berth/cluster/testing';

const web = makeService({ id: 'web' });
const other = makeService({ id: 'other' });

function nodeInfo(id: string, options: NodeOptions = {}): NodeInfo {
  return new NodeInfo(makeNode({ id, ...options }));
}

function withTasks(info: NodeInfo, service: Service, count: number): NodeInfo {
  for (let slot = 1; slot <= count; slot++) info.add(runningTask(service, info.id, 100 + slot), []);
  return info;
}

/** Places `count` tasks of `web` one by one; a node takes at most `capacity` of them. */
function place(tree: SpreadTree, count: number, capacity = Infinity): string[] {
  const taken = new Map<string, number>();
  const placed: string[] = [];
  for (let i = 0; i < count; i++) {
    const node = tree.placeNext((info) => {
      info.add(runningTask(web, info.id, i + 1), []);
      taken.set(info.id, (taken.get(info.id) ?? 0) + 1);
      return taken.get(info.id)! < capacity;
    });
    if (!node) break;
    placed.push(node.id);
  }
  return placed;
}

function tally(ids: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of ids) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
}

function build(nodes: NodeInfo[], preferences: string[] = [], fits = (_: NodeInfo) => true): SpreadTree {
  return SpreadTree.build(nodes, fits, 'web', preferences);
}

describe(SpreadTree.name, () => {
  describe('without preferences', () => {
    it('should put 6 tasks on 3 nodes 2, 2 and 2, going round in id order', () => {
      const placed = place(build([nodeInfo('n3'), nodeInfo('n1'), nodeInfo('n2')]), 6);
      expect(placed).toEqual(['n1', 'n2', 'n3', 'n1', 'n2', 'n3']);
    });

    it('should fill the emptiest nodes first', () => {
      const nodes = [withTasks(nodeInfo('n1'), web, 3), nodeInfo('n2'), withTasks(nodeInfo('n3'), web, 1)];
      expect(tally(place(build(nodes), 5))).toEqual({ n2: 3, n3: 2 });
    });

    it('should prefer fewest tasks of the service over fewest tasks overall', () => {
      const busyElsewhere = withTasks(nodeInfo('n1'), other, 5);
      const runsOneOfOurs = withTasks(nodeInfo('n2'), web, 1);
      expect(place(build([busyElsewhere, runsOneOfOurs]), 1)).toEqual(['n1']);
    });

    it('should break a tie in the service’s tasks by fewest tasks overall', () => {
      const busy = withTasks(nodeInfo('n1'), other, 2);
      const quiet = withTasks(nodeInfo('n2'), other, 1);
      expect(place(build([busy, quiet]), 2)).toEqual(['n2', 'n1']);
    });

    it('should leave out the nodes that do not fit, asking once per node', () => {
      const asked: string[] = [];
      const fits = (info: NodeInfo) => (asked.push(info.id), info.id !== 'n2');
      expect(tally(place(build([nodeInfo('n1'), nodeInfo('n2'), nodeInfo('n3')], [], fits), 4))).toEqual({
        n1: 2,
        n3: 2,
      });
      expect(asked).toEqual(['n1', 'n2', 'n3']);
    });

    it('should drop a node once it can take no more, and stop when none is left', () => {
      const tree = build([nodeInfo('n1'), nodeInfo('n2')]);
      expect(place(tree, 5, 2)).toEqual(['n1', 'n2', 'n1', 'n2']);
      expect(tree.placeNext(() => true)).toBeUndefined();
    });

    it('should place nothing without nodes', () => {
      expect(build([]).placeNext(() => true)).toBeUndefined();
    });
  });

  describe('with a preference', () => {
    const zone = (id: string, value?: string) => nodeInfo(id, { labels: value ? { zone: value } : {} });

    it('should split tasks evenly per zone, not per node', () => {
      const placed = place(
        build([zone('a1', 'a'), zone('a2', 'a'), zone('b1', 'b')], ['node.labels.zone']),
        4,
      );
      expect(tally(placed)).toEqual({ a1: 1, a2: 1, b1: 2 });
    });

    it('should put nodes without the label in a group of their own', () => {
      const nodes = [zone('a1', 'a'), zone('a2', 'a'), zone('x1'), zone('x2'), zone('b1', 'b')];
      expect(tally(place(build(nodes, ['node.labels.zone']), 6))).toEqual({
        a1: 1,
        a2: 1,
        b1: 2,
        x1: 1,
        x2: 1,
      });
    });

    it('should count the tasks the service already has in each zone', () => {
      const nodes = [withTasks(zone('a1', 'a'), web, 3), zone('a2', 'a'), zone('b1', 'b')];
      expect(tally(place(build(nodes, ['node.labels.zone']), 5))).toEqual({ a2: 1, b1: 4 });
    });

    it('should count tasks on a zone’s nodes that cannot take this one', () => {
      const full = withTasks(zone('a1', 'a'), web, 2);
      const fits = (info: NodeInfo) => info.id !== 'a1';
      const placed = place(build([full, zone('a2', 'a'), zone('b1', 'b')], ['node.labels.zone'], fits), 4);
      expect(tally(placed)).toEqual({ a2: 1, b1: 3 });
    });

    it('should ignore other services’ tasks when spreading over zones', () => {
      const nodes = [withTasks(zone('a1', 'a'), other, 10), zone('b1', 'b')];
      expect(tally(place(build(nodes, ['node.labels.zone']), 4))).toEqual({ a1: 2, b1: 2 });
    });

    it('should give the rest to the other zones when one fills up', () => {
      const placed = place(
        build([zone('a1', 'a'), zone('b1', 'b'), zone('b2', 'b')], ['node.labels.zone']),
        6,
        2,
      );
      expect(tally(placed)).toEqual({ a1: 2, b1: 2, b2: 2 });
    });

    it('should leave out a zone where no node fits', () => {
      const fits = (info: NodeInfo) => info.id !== 'b1';
      const placed = place(build([zone('a1', 'a'), zone('b1', 'b')], ['node.labels.zone'], fits), 2);
      expect(placed).toEqual(['a1', 'a1']);
    });
  });

  describe('with several preferences', () => {
    const at = (id: string, zone: string, rack: string) => nodeInfo(id, { labels: { zone, rack } });

    it('should spread over the first, then the next within each group', () => {
      const nodes = [
        at('a-r1-1', 'a', 'r1'),
        at('a-r1-2', 'a', 'r1'),
        at('a-r2-1', 'a', 'r2'),
        at('b-r1-1', 'b', 'r1'),
      ];
      const placed = place(build(nodes, ['node.labels.zone', 'node.labels.rack']), 8);
      expect(tally(placed)).toEqual({ 'a-r1-1': 1, 'a-r1-2': 1, 'a-r2-1': 2, 'b-r1-1': 4 });
    });

    it('should keep a rack of one zone apart from the rack of the same name in another', () => {
      const nodes = [at('a1', 'a', 'r1'), at('b1', 'b', 'r1'), at('b2', 'b', 'r2')];
      const placed = place(build(nodes, ['node.labels.zone', 'node.labels.rack']), 4);
      expect(tally(placed)).toEqual({ a1: 2, b1: 1, b2: 1 });
    });
  });
});
