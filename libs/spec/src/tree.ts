import type { Origin } from './errors';

/**
 * A stack file as a tree that remembers where every key and value was written. Interpolation and
 * merging return new trees with the origins carried along, so a problem found after merging three
 * files still points at the file and line the offending value came from.
 */
export type Node = ScalarNode | MapNode | SeqNode;

export type ScalarValue = string | number | boolean | null;

export interface ScalarNode {
  kind: 'scalar';
  value: ScalarValue;
  origin: Origin;
}

export interface MapEntry {
  key: string;
  keyOrigin: Origin;
  value: Node;
}

export interface MapNode {
  kind: 'map';
  entries: readonly MapEntry[];
  origin: Origin;
}

export interface SeqNode {
  kind: 'seq';
  items: readonly Node[];
  origin: Origin;
}

/** Keys of maps and indexes of lists, from the document's root. */
export type Path = readonly (string | number)[];

export function scalar(value: ScalarValue, origin: Origin): ScalarNode {
  return { kind: 'scalar', value, origin };
}

export function isMap(node: Node | undefined): node is MapNode {
  return node?.kind === 'map';
}

export function isSeq(node: Node | undefined): node is SeqNode {
  return node?.kind === 'seq';
}

export function isScalar(node: Node | undefined): node is ScalarNode {
  return node?.kind === 'scalar';
}

export function entryOf(map: MapNode, key: string): MapEntry | undefined {
  return map.entries.find((e) => e.key === key);
}

/** `['services', 'web', 'ports', 0]` → `services.web.ports[0]` */
export function formatPath(path: Path): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return text ? `${text}.${segment}` : segment;
  }, '');
}

/** The plain JavaScript value of a tree: what the schema validates and the compiler reads. */
export function toPlain(node: Node): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map':
      return Object.fromEntries(node.entries.map((e) => [e.key, toPlain(e.value)]));
  }
}

/**
 * Where the thing at PATH was written. A map value is placed at its key (the start of its
 * `key: value` line), a list item at the item; a path that goes further than the tree (a key that
 * is missing) is placed at the deepest part that exists.
 */
export function locate(root: Node, path: Path): Origin {
  let node: Node = root;
  let origin = root.origin;
  for (const segment of path) {
    const next = step(node, segment);
    if (!next) return origin;
    node = next.node;
    origin = next.origin;
  }
  return origin;
}

function step(node: Node, segment: string | number): { node: Node; origin: Origin } | undefined {
  if (node.kind === 'map' && typeof segment === 'string') {
    const entry = entryOf(node, segment);
    return entry && { node: entry.value, origin: entry.keyOrigin };
  }
  if (node.kind === 'seq' && typeof segment === 'number') {
    const item = node.items[segment];
    return item && { node: item, origin: item.origin };
  }
  return undefined;
}

/** The node at PATH, if there is one. */
export function nodeAt(root: Node, path: Path): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of path) node = node && step(node, segment)?.node;
  return node;
}
