import { makeService } from '@berth/cluster/testing';
import { constraintsOf } from './context';

describe('context', () => {
  describe(constraintsOf.name, () => {
    it('should give the service’s constraints, parsed once for its spec version', () => {
      const service = makeService({ id: 'web', constraints: ['node.labels.zone==a'] });
      const first = constraintsOf(service);
      expect(first).toEqual([
        { text: 'node.labels.zone==a', key: 'node.labels.zone', operator: '==', value: 'a' },
      ]);
      // the next reconcile pass reads the same service object from the store's cache
      expect(constraintsOf(service)).toBe(first);
      expect(constraintsOf({ ...service, meta: { ...service.meta, version: 2 } })).toBe(first);
    });

    it('should read constraints that do not parse as unknown', () => {
      expect(constraintsOf(makeService({ id: 'web', constraints: ['zone=a'] }))).toBeNull();
    });
  });
});
