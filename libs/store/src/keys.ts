import type { Cluster, FileObject, Network, Node, Service, Task } from '@berth/cluster';

/** DESIGN.md decision 3: one key per object, `/berth/v1/<kind>/<id>`. */
export const KINDS = ['cluster', 'nodes', 'services', 'tasks', 'networks', 'secrets', 'configs'] as const;
export type Kind = (typeof KINDS)[number];

export interface ObjectsByKind {
  cluster: Cluster;
  nodes: Node;
  services: Service;
  tasks: Task;
  networks: Network;
  secrets: FileObject;
  configs: FileObject;
}
export type StoredObject = ObjectsByKind[Kind];

export const DEFAULT_ROOT = '/berth/v1/';

/** Where a store's objects live; tests give each run a root of its own. */
export class KeyLayout {
  constructor(readonly root: string = DEFAULT_ROOT) {
    if (!root.startsWith('/') || !root.endsWith('/'))
      throw new Error(`store root must start and end with '/': ${root}`);
  }

  objectKey(kind: Kind, id: string): string {
    if (!id || id.includes('/')) throw new Error(`invalid ${kind} id "${id}"`);
    return `${this.root}${kind}/${id}`;
  }

  kindPrefix(kind: Kind): string {
    return `${this.root}${kind}/`;
  }

  /** The kind and id a key names, or null for keys that are not objects (elections, …). */
  parse(key: string): { kind: Kind; id: string } | null {
    if (!key.startsWith(this.root)) return null;
    const [kind, id, ...rest] = key.slice(this.root.length).split('/');
    if (rest.length > 0 || !id || !(KINDS as readonly string[]).includes(kind)) return null;
    return { kind: kind as Kind, id };
  }
}

/** etcd's range end for "every key starting with prefix": the prefix with its last byte incremented. */
export function prefixEnd(prefix: string): Buffer {
  const end = Buffer.from(prefix);
  for (let i = end.length - 1; i >= 0; i--) {
    if (end[i] < 0xff) {
      end[i]++;
      return end.subarray(0, i + 1);
    }
  }
  return Buffer.from([0]);
}
