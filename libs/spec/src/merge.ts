import type { Origin } from './errors';
import { isMap, isScalar, isSeq, type MapEntry, type MapNode, type Node, scalar, type SeqNode } from './tree';

/**
 * How a later file's value combines with an earlier one at a place in the document (compose's
 * override rules):
 * - `deep`: mappings merged key by key, anything else replaced;
 * - `replace`: the later value wins whole (`command`, `entrypoint`, `healthcheck.test`);
 * - `keyed`: mappings merged by key, the list form `KEY=VALUE` read as a mapping first;
 * - `unique`: lists concatenated, an earlier item replaced by a later one with the same identity;
 * - `listOrMap`: lists concatenated without repeats, or merged as mappings when either is one.
 */
type Rule =
  | { kind: 'deep' }
  | { kind: 'replace' }
  | { kind: 'keyed'; separators: string }
  | { kind: 'unique'; identity: (item: Node) => string }
  | { kind: 'listOrMap'; bareValue: (origin: Origin) => Node };

const DEEP: Rule = { kind: 'deep' };
const REPLACE: Rule = { kind: 'replace' };
const BY_VALUE: Rule = { kind: 'unique', identity: plainIdentity };

/** Service keys with a rule other than `deep`, by key (paths relative to the service). */
const SERVICE_RULES: Record<string, Rule> = {
  command: REPLACE,
  entrypoint: REPLACE,
  'healthcheck.test': REPLACE,
  environment: { kind: 'keyed', separators: '=' },
  labels: { kind: 'keyed', separators: '=' },
  annotations: { kind: 'keyed', separators: '=' },
  sysctls: { kind: 'keyed', separators: '=' },
  'deploy.labels': { kind: 'keyed', separators: '=' },
  'build.args': { kind: 'keyed', separators: '=' },
  extra_hosts: { kind: 'keyed', separators: '=:' },
  ports: BY_VALUE,
  expose: BY_VALUE,
  dns: BY_VALUE,
  dns_search: BY_VALUE,
  dns_opt: BY_VALUE,
  cap_add: BY_VALUE,
  cap_drop: BY_VALUE,
  tmpfs: BY_VALUE,
  env_file: BY_VALUE,
  external_links: BY_VALUE,
  security_opt: BY_VALUE,
  device_cgroup_rules: BY_VALUE,
  profiles: BY_VALUE,
  'deploy.placement.constraints': BY_VALUE,
  'deploy.placement.preferences': BY_VALUE,
  volumes: { kind: 'unique', identity: volumeTarget },
  devices: { kind: 'unique', identity: volumeTarget },
  secrets: { kind: 'unique', identity: fileReferenceTarget },
  configs: { kind: 'unique', identity: fileReferenceTarget },
  networks: { kind: 'listOrMap', bareValue: (origin) => scalar(null, origin) },
  // the mapping form of depends_on requires a condition; the list form means "started"
  depends_on: {
    kind: 'listOrMap',
    bareValue: (origin) => ({
      kind: 'map',
      entries: [{ key: 'condition', keyOrigin: origin, value: scalar('service_started', origin) }],
      origin,
    }),
  },
};

function ruleAt(path: readonly string[]): Rule {
  if (path.length >= 3 && path[0] === 'services') return SERVICE_RULES[path.slice(2).join('.')] ?? DEEP;
  return DEEP;
}

/** The files of a stack as one document, later files overriding earlier ones. */
export function mergeDocuments(documents: readonly MapNode[]): MapNode {
  return documents.reduce((base, override) => mergeMaps(base, override, []));
}

function mergeMaps(base: MapNode, override: MapNode, path: readonly string[]): MapNode {
  const entries: MapEntry[] = base.entries.map((entry) => {
    const later = override.entries.find((e) => e.key === entry.key);
    if (!later) return entry;
    return { ...later, value: mergeValues(entry.value, later.value, [...path, entry.key]) };
  });
  const added = override.entries.filter((e) => !base.entries.some((b) => b.key === e.key));
  return { ...base, entries: [...entries, ...added] };
}

function mergeValues(base: Node, override: Node, path: readonly string[]): Node {
  const rule = ruleAt(path);
  switch (rule.kind) {
    case 'replace':
      return override;
    case 'deep':
      if (isMap(base) && isMap(override)) return mergeMaps(base, override, path);
      // an empty value (`deploy:`) does not wipe out what an earlier file said
      if (isMap(base) && isScalar(override) && override.value === null) return base;
      return override;
    case 'keyed':
      return mergeKeyed(base, override, path, rule.separators);
    case 'unique':
      return mergeUnique(base, override, rule.identity);
    case 'listOrMap':
      if (isSeq(base) && isSeq(override)) return mergeUnique(base, override, plainIdentity);
      return mergeKeyed(base, override, path, '', rule.bareValue);
  }
}

function mergeKeyed(
  base: Node,
  override: Node,
  path: readonly string[],
  separators: string,
  bareValue?: (origin: Origin) => Node,
): Node {
  const baseMap = asMapping(base, separators, bareValue);
  const overrideMap = asMapping(override, separators, bareValue);
  if (!baseMap || !overrideMap) return override;
  return mergeMaps(baseMap, overrideMap, path);
}

/**
 * A mapping, or a list of `KEY=VALUE` (or bare `KEY`, whose value is BAREVALUE, else null) read as
 * one; undefined for anything else.
 */
export function asMapping(
  node: Node,
  separators: string,
  bareValue?: (origin: Origin) => Node,
): MapNode | undefined {
  if (isMap(node)) return node;
  if (!isSeq(node)) return undefined;
  const entries = node.items.map((item): MapEntry | undefined => {
    if (!isScalar(item) || item.value === null || typeof item.value === 'object') return undefined;
    const text = String(item.value);
    const cut = firstIndexOfAny(text, separators);
    const key = cut < 0 ? text : text.slice(0, cut);
    const value =
      cut >= 0
        ? scalar(text.slice(cut + 1), item.origin)
        : (bareValue?.(item.origin) ?? scalar(null, item.origin));
    return { key, keyOrigin: item.origin, value };
  });
  if (entries.some((e) => e === undefined)) return undefined;
  return { kind: 'map', entries: entries as MapEntry[], origin: node.origin };
}

function firstIndexOfAny(text: string, characters: string): number {
  const found = [...characters].map((c) => text.indexOf(c)).filter((i) => i >= 0);
  return found.length ? Math.min(...found) : -1;
}

function mergeUnique(base: Node, override: Node, identity: (item: Node) => string): Node {
  const baseList = asList(base);
  const overrideList = asList(override);
  if (!baseList || !overrideList) return override;
  const later = new Map(overrideList.items.map((item) => [identity(item), item]));
  const kept = baseList.items.map((item) => later.get(identity(item)) ?? item);
  const keptIds = new Set(kept.map(identity));
  const added = overrideList.items.filter((item) => {
    const id = identity(item);
    if (keptIds.has(id)) return false;
    keptIds.add(id);
    return true;
  });
  return { ...overrideList, items: [...kept, ...added] };
}

/** Lists, and single strings where compose allows "a string or a list" (`dns: 8.8.8.8`). */
function asList(node: Node): SeqNode | undefined {
  if (isSeq(node)) return node;
  if (isScalar(node) && typeof node.value === 'string')
    return { kind: 'seq', items: [node], origin: node.origin };
  return undefined;
}

function plainIdentity(node: Node): string {
  return JSON.stringify(stripOrigins(node));
}

function stripOrigins(node: Node): unknown {
  if (node.kind === 'scalar') return node.value === null ? null : String(node.value);
  if (node.kind === 'seq') return node.items.map(stripOrigins);
  return node.entries.map((e) => [e.key, stripOrigins(e.value)]);
}

/** `src:/target:ro` → `/target`; `{target: /t}` → `/t`; `/anon` → `/anon`. */
function volumeTarget(node: Node): string {
  if (isMap(node)) return fieldText(node, 'target') ?? plainIdentity(node);
  if (isScalar(node) && typeof node.value === 'string') {
    const parts = node.value.split(':');
    return parts.length === 1 ? parts[0] : parts[1];
  }
  return plainIdentity(node);
}

/** A secret's or config's place in the container: its target, else its source. */
function fileReferenceTarget(node: Node): string {
  if (isMap(node)) return fieldText(node, 'target') ?? fieldText(node, 'source') ?? plainIdentity(node);
  if (isScalar(node)) return String(node.value);
  return plainIdentity(node);
}

function fieldText(map: MapNode, key: string): string | undefined {
  const value = map.entries.find((e) => e.key === key)?.value;
  return isScalar(value) && value.value !== null ? String(value.value) : undefined;
}
