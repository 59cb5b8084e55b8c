import { makeNode } from '@berth/cluster/testing';
import { demoteRefusal, managerStatuses, quorumOf, servingDecision } from './manager-role';

const manager = (id: string) => makeNode({ id, hostname: id, role: 'manager' });
const worker = (id: string) => makeNode({ id, hostname: id, role: 'worker' });

describe(servingDecision.name, () => {
  const base = { clusterId: 'c1', hasUnlockKey: true, ownNodeId: 'm1', ownNode: manager('m1') };

  it('should serve a manager node of an existing cluster that holds the unlock key', () => {
    expect(servingDecision(base)).toEqual({ serve: true });
  });

  it('should serve the manager that made the cluster before its agent attached it to a node', () => {
    expect(servingDecision({ ...base, ownNodeId: null, ownNode: undefined })).toEqual({ serve: true });
  });

  it.each([
    ['no cluster', { clusterId: null }, 'berth cluster init'],
    ['no unlock key', { hasUnlockKey: false }, '--token <manager token>'],
    ['its node removed', { ownNode: undefined }, 'node m1 was removed'],
    ['its node demoted', { ownNode: worker('m1') }, '`berth node promote m1`'],
  ])('should wait, saying what to do, with %s', (_what, change, says) => {
    const decision = servingDecision({ ...base, ...change });
    expect(decision.serve).toBe(false);
    expect(decision.serve === false && decision.why).toContain(says);
  });
});

describe(managerStatuses.name, () => {
  const nodes = [manager('m1'), manager('m2'), manager('m3'), worker('w1')];

  it('should mark the leader, the present and the absent managers, and leave workers out', () => {
    const present = new Map([
      ['m1', '10.0.0.1:7380'],
      ['m2', '10.0.0.2:7380'],
    ]);
    const statuses = managerStatuses(nodes, present, '10.0.0.2:7380');
    expect(Object.fromEntries(statuses)).toEqual({
      m1: { leader: false, reachability: 'reachable', addr: '10.0.0.1:7380' },
      m2: { leader: true, reachability: 'reachable', addr: '10.0.0.2:7380' },
      m3: { leader: false, reachability: 'unreachable', addr: '' },
    });
  });

  it('should mark no leader when none leads', () => {
    const statuses = managerStatuses(nodes, new Map([['m1', 'a:1']]), null);
    expect([...statuses.values()].some((s) => s.leader)).toBe(false);
  });

  it('should not take an absent manager for the leader', () => {
    expect(managerStatuses([manager('m3')], new Map(), '').get('m3')?.leader).toBe(false);
  });
});

describe(demoteRefusal.name, () => {
  const all = (n: number) => Array.from({ length: n }, (_, i) => manager(`m${i + 1}`));
  const presentOf = (...ids: string[]) => new Map(ids.map((id) => [id, `${id}:7380`]));

  it('should refuse the last manager', () => {
    expect(demoteRefusal(manager('m1'), [manager('m1'), worker('w1')], presentOf('m1'))).toContain(
      'last manager',
    );
  });

  it('should let one of three go while the other two are reachable', () => {
    expect(demoteRefusal(manager('m1'), all(3), presentOf('m1', 'm2', 'm3'))).toBeNull();
  });

  it('should refuse when the managers left would be fewer than a majority reachable', () => {
    // 5 managers, 2 unreachable: demoting a third reachable one leaves 2 of 4 reachable, quorum 3
    const refusal = demoteRefusal(manager('m1'), all(5), presentOf('m1', 'm2', 'm3'));
    expect(refusal).toContain('2 of 4 managers reachable, fewer than the 3');
  });

  it('should let an unreachable manager go when the others hold a majority', () => {
    expect(demoteRefusal(manager('m3'), all(3), presentOf('m1', 'm2'))).toBeNull();
  });

  it.each([
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [5, 3],
    [7, 4],
  ])('should count %i managers a quorum of %i', (managers, quorum) => {
    expect(quorumOf(managers)).toBe(quorum);
  });
});
