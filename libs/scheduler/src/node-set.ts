import { occupiesNode, type ClusterSnapshot } from '@berth/cluster';
import { compareIds } from './compare';
import { hostPortsOfEndpoint } from './host-ports';
import { NodeInfo } from './node-info';

/** Every node of a snapshot with the load of the tasks that occupy it, in node id order. */
export class NodeSet {
  private readonly byId: ReadonlyMap<string, NodeInfo>;

  private constructor(readonly all: readonly NodeInfo[]) {
    this.byId = new Map(all.map((info) => [info.id, info]));
  }

  /** Host ports in use are those each task was made with (its own endpoint). */
  static from(snapshot: ClusterSnapshot): NodeSet {
    const infos = snapshot.nodes.map((node) => new NodeInfo(node));
    const set = new NodeSet(infos.sort((a, b) => compareIds(a.id, b.id)));
    for (const task of snapshot.tasks)
      if (occupiesNode(task)) set.get(task.nodeId)?.add(task, hostPortsOfEndpoint(task.endpoint));
    return set;
  }

  get(nodeId: string): NodeInfo | undefined {
    return this.byId.get(nodeId);
  }
}
