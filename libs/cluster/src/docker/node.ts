/** A node in Docker's shape (`docker node inspect`, `GET /nodes/{id}`). Pure. */
import type { Node } from '../objects';
import { dockerMeta } from './common';
import type { DockerNode } from './shapes';

export interface DockerNodeOptions {
  /** the cluster CA's certificate, for Description.TLSInfo.TrustRoot */
  trustRoot?: string;
}

export function dockerNode(node: Node, options: DockerNodeOptions = {}): DockerNode {
  const { description, status } = node;
  return {
    ...dockerMeta(node.id, node.meta),
    Spec: { Labels: { ...node.spec.labels }, Role: node.spec.role, Availability: node.spec.availability },
    Description: {
      Hostname: description.hostname,
      Platform: { Architecture: description.platform.architecture, OS: description.platform.os },
      Resources: {
        NanoCPUs: description.resources.nanoCpus,
        MemoryBytes: description.resources.memoryBytes,
      },
      Engine: {
        EngineVersion: description.engineVersion,
        ...(Object.keys(description.engineLabels).length > 0 && {
          Labels: { ...description.engineLabels },
        }),
      },
      TLSInfo: options.trustRoot ? { TrustRoot: options.trustRoot } : {},
    },
    Status: { State: status.state, ...(status.message && { Message: status.message }), Addr: status.addr },
    ...(node.managerStatus && {
      ManagerStatus: {
        // spelled out when false too: `--format '{{.ManagerStatus.Leader}}'` prints false with docker
        Leader: node.managerStatus.leader,
        Reachability: node.managerStatus.reachability,
        ...(node.managerStatus.addr && { Addr: node.managerStatus.addr }),
      },
    }),
  };
}
