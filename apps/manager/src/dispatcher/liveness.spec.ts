import { makeNode } from '@berth/cluster/testing';
import { silentNodes } from './liveness';

describe('silentNodes', () => {
  const ready = (id: string) => makeNode({ id });
  const down = (id: string) => {
    const node = makeNode({ id });
    node.status = { ...node.status, state: 'down' };
    return node;
  };

  it('should pick the ready nodes without a session anywhere for longer than the absence allowed', () => {
    const nodes = [ready('held'), ready('moving'), ready('gone'), down('already'), ready('never')];
    const liveness = {
      present: new Set(['held']),
      lastPresent: new Map([
        ['held', 0],
        ['moving', 9_000], // its manager died a second ago: it is finding another
        ['gone', 7_000],
        ['already', 0],
      ]),
    };
    expect(silentNodes(nodes, liveness, 10_000, 2_000).map((n) => n.id)).toEqual(['gone', 'never']);
  });

  it("should spare every node during a leader's fresh grace period (last present in the future)", () => {
    const liveness = { present: new Set<string>(), lastPresent: new Map([['a', 13_000]]) };
    expect(silentNodes([ready('a')], liveness, 14_900, 2_000)).toEqual([]);
    expect(silentNodes([ready('a')], liveness, 15_001, 2_000).map((n) => n.id)).toEqual(['a']);
  });
});
