import { describeRejection, describeRejections, type SchedulingRejection } from './rejections';

describe('rejections', () => {
  describe(describeRejections.name, () => {
    it('should say only "no suitable node" when no filter refused anything', () => {
      expect(describeRejections([])).toBe('no suitable node');
    });

    it('should join the rejections in the order given, inside the parentheses', () => {
      const rejections: SchedulingRejection[] = [
        { filter: 'ready', rejected: 1, examined: 3 },
        { filter: 'resources', rejected: 2, examined: 2, shortOfCpu: 0, shortOfMemory: 2 },
      ];
      expect(describeRejections(rejections)).toBe(
        'no suitable node (1 node not available for new tasks; insufficient memory on 2 nodes)',
      );
    });

    it('should say why there was no node to look at', () => {
      expect(describeRejections([{ filter: 'nodes', rejected: 0, examined: 0 }])).toBe(
        'no suitable node (no nodes in the cluster)',
      );
      expect(describeRejections([{ filter: 'node', nodeId: 'n9', rejected: 0, examined: 0 }])).toBe(
        'no suitable node (node n9 is not in the cluster)',
      );
    });
  });

  describe(describeRejection.name, () => {
    it.each<[SchedulingRejection, string]>([
      [{ filter: 'ready', rejected: 1, examined: 1 }, '1 node not available for new tasks'],
      [{ filter: 'ready', rejected: 2, examined: 5 }, '2 nodes not available for new tasks'],
      [
        { filter: 'resources', rejected: 3, examined: 3, shortOfCpu: 0, shortOfMemory: 3 },
        'insufficient memory on 3 nodes',
      ],
      [
        { filter: 'resources', rejected: 1, examined: 3, shortOfCpu: 1, shortOfMemory: 0 },
        'insufficient CPU on 1 node',
      ],
      [
        { filter: 'resources', rejected: 2, examined: 2, shortOfCpu: 2, shortOfMemory: 2 },
        'insufficient CPU and memory on 2 nodes',
      ],
      [
        { filter: 'resources', rejected: 3, examined: 3, shortOfCpu: 2, shortOfMemory: 2 },
        'insufficient CPU on 2 nodes, memory on 2 nodes',
      ],
      [
        {
          filter: 'constraints',
          rejected: 3,
          examined: 3,
          unsatisfied: [
            { constraint: 'node.labels.zone==b', satisfiedBy: 1 },
            { constraint: 'node.role==manager', satisfiedBy: 0 },
          ],
        },
        'constraint node.labels.zone==b: 1 of 3 nodes, constraint node.role==manager: 0 of 3 nodes',
      ],
      [
        {
          filter: 'constraints',
          rejected: 1,
          examined: 1,
          unsatisfied: [{ constraint: 'node.id==x', satisfiedBy: 0 }],
        },
        'constraint node.id==x: 0 of 1 node',
      ],
      [
        { filter: 'host-ports', rejected: 1, examined: 2, ports: ['80/tcp'] },
        'host port 80/tcp already in use on 1 node',
      ],
      [
        { filter: 'host-ports', rejected: 2, examined: 2, ports: ['80/tcp', '443/tcp'] },
        'host ports 80/tcp, 443/tcp already in use on 2 nodes',
      ],
      [
        { filter: 'max-replicas', rejected: 1, examined: 4, max: 2 },
        'max replicas per node (2) reached on 1 node',
      ],
    ])('should word %j as "%s"', (rejection, text) => {
      expect(describeRejection(rejection)).toBe(text);
    });
  });
});
