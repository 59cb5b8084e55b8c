import { Injectable } from '@nestjs/common';
import type { Node, NodeSpec } from '@berth/cluster';
import { conflict, invalid } from '../errors';
import { StateService } from '../state/state.service';
import { resolveRef } from '../state/refs';

const AVAILABILITIES = ['active', 'pause', 'drain'];
const ROLES = ['manager', 'worker'];

@Injectable()
export class NodesService {
  constructor(private readonly state: StateService) {}

  list(): Node[] {
    return this.state.cache
      .list('nodes')
      .sort((a, b) => a.description.hostname.localeCompare(b.description.hostname));
  }

  get(ref: string): Node {
    return resolveRef(this.list(), ref, (n) => n.description.hostname, 'node');
  }

  async update(ref: string, spec: NodeSpec, version: number): Promise<Node> {
    const node = this.get(ref);
    if (!AVAILABILITIES.includes(spec.availability))
      throw invalid(`invalid availability "${spec.availability}": use active, pause or drain`);
    if (!ROLES.includes(spec.role)) throw invalid(`invalid role "${spec.role}": use manager or worker`);
    const read = version ? { ...node, meta: { ...node.meta, version } } : node;
    const result = await this.state.commit([{ op: 'update', kind: 'nodes', object: { ...read, spec } }]);
    if (result.conflicts.length)
      throw conflict(`node ${node.id} changed meanwhile; inspect it and try again`);
    return result.written[0] as Node;
  }

  async remove(ref: string, force: boolean): Promise<void> {
    const node = this.get(ref);
    if (node.status.state === 'ready' && !force)
      throw conflict(
        `node ${node.id} is not down and can't be removed: stop its agent (or \`berth cluster leave\` on it) first, or use --force`,
      );
    const result = await this.state.commit([{ op: 'delete', kind: 'nodes', object: node }]);
    if (result.conflicts.length) throw conflict(`node ${node.id} changed meanwhile; try again`);
  }
}
