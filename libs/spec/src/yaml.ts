import {
  type Document,
  isAlias,
  isMap as isYamlMap,
  isScalar as isYamlScalar,
  isSeq as isYamlSeq,
  LineCounter,
  parseDocument,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import type { Origin, Problem } from './errors';
import { type MapEntry, type MapNode, type Node, scalar, type ScalarValue } from './tree';
import type { StackFile } from './types';

export interface ParsedFile {
  /** undefined when the file could not be read as a mapping */
  root: MapNode | undefined;
  problems: Problem[];
}

/** Aliases can make a small file expand into a huge tree ("billion laughs"); stop well before. */
const MAX_NODES = 200_000;

interface Walk {
  doc: Document;
  file: string;
  lines: LineCounter;
  nodesLeft: number;
  problems: Problem[];
  /** an alias expanded many times is looked up once (each lookup walks the document) */
  aliasTargets: Map<unknown, unknown>;
}

/**
 * Reads one stack file into a tree with positions: anchors and aliases expanded, `<<` merge keys
 * applied (explicit keys win, then earlier sources), YAML 1.2 scalars except that `0440` is octal
 * as in Go's YAML (compose files write file modes that way).
 */
export function parseStackFile(file: StackFile): ParsedFile {
  const lines = new LineCounter();
  const doc = parseDocument(file.content, { merge: true, lineCounter: lines, prettyErrors: false });
  const walk: Walk = {
    doc,
    file: file.path,
    lines,
    nodesLeft: MAX_NODES,
    problems: [],
    aliasTargets: new Map(),
  };
  if (doc.errors.length > 0) {
    return {
      root: undefined,
      problems: doc.errors.map((e) => syntaxProblem(walk, e.pos[0], e.code, e.message)),
    };
  }
  if (doc.contents === null) {
    return {
      root: undefined,
      problems: [problemAt(walk, 0, 'the file is empty: expected a mapping with services')],
    };
  }
  const root = convert(walk, doc.contents);
  if (root.kind !== 'map') {
    walk.problems.push({
      ...root.origin,
      path: '',
      message: `expected a mapping with services, got ${kindName(root)}`,
    });
    return { root: undefined, problems: walk.problems };
  }
  return { root, problems: walk.problems };
}

function syntaxProblem(walk: Walk, offset: number, code: string, message: string): Problem {
  if (code === 'MULTIPLE_DOCS')
    return problemAt(walk, offset, 'a stack file holds one YAML document, this one has more');
  if (code === 'DUPLICATE_KEY') return problemAt(walk, offset, 'this key is already in the mapping');
  return problemAt(walk, offset, `invalid YAML: ${message}`);
}

function problemAt(walk: Walk, offset: number, message: string): Problem {
  return { ...originAt(walk, offset), path: '', message };
}

function originAt(walk: Walk, offset: number): Origin {
  const { line, col } = walk.lines.linePos(offset);
  return { file: walk.file, line, column: col };
}

function originOf(walk: Walk, node: unknown, fallback: Origin): Origin {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? originAt(walk, range[0]) : fallback;
}

function convert(walk: Walk, node: unknown, fallback?: Origin): Node {
  const origin = originOf(walk, node, fallback ?? { file: walk.file, line: 1, column: 1 });
  if (--walk.nodesLeft < 0) {
    if (walk.nodesLeft === -1)
      walk.problems.push({ ...origin, path: '', message: 'too many alias expansions' });
    return scalar(null, origin);
  }
  if (isAlias(node)) {
    if (!walk.aliasTargets.has(node)) walk.aliasTargets.set(node, node.resolve(walk.doc));
    const target = walk.aliasTargets.get(node);
    if (!target) {
      walk.problems.push({ ...origin, path: '', message: `unknown alias *${node.source}` });
      return scalar(null, origin);
    }
    return convert(walk, target, origin);
  }
  if (isYamlMap(node)) return convertMap(walk, node as YAMLMap<unknown, unknown>, origin);
  if (isYamlSeq(node)) {
    return { kind: 'seq', items: node.items.map((item) => convert(walk, item, origin)), origin };
  }
  if (isYamlScalar(node)) return scalar(scalarValue(node), origin);
  return scalar(null, origin);
}

function convertMap(walk: Walk, map: YAMLMap<unknown, unknown>, origin: Origin): MapNode {
  const explicitKeys = new Set(map.items.filter((p) => !isMergeKey(p.key)).map((p) => keyText(p.key)));
  const entries: MapEntry[] = [];
  const seen = new Set<string>();
  const add = (entry: MapEntry) => {
    entries.push(entry);
    seen.add(entry.key);
  };
  for (const pair of map.items) {
    if (isMergeKey(pair.key)) {
      for (const source of mergeSources(walk, pair.value, originOf(walk, pair.key, origin)))
        for (const entry of source.entries)
          if (!explicitKeys.has(entry.key) && !seen.has(entry.key)) add(entry);
      continue;
    }
    const keyOrigin = originOf(walk, pair.key, origin);
    if (pair.key !== null && !isYamlScalar(pair.key)) {
      walk.problems.push({
        ...keyOrigin,
        path: '',
        message: 'a key must be a plain value, not a list or mapping',
      });
      continue;
    }
    const value = pair.value === null ? scalar(null, keyOrigin) : convert(walk, pair.value, keyOrigin);
    add({ key: keyText(pair.key), keyOrigin, value });
  }
  return { kind: 'map', entries, origin };
}

/** `<<: *base` or `<<: [*a, *b]`: the mappings to take keys from, in order of precedence. */
function mergeSources(walk: Walk, value: unknown, origin: Origin): MapNode[] {
  const sources = isYamlSeq(value) ? value.items : [value];
  return sources.flatMap((source) => {
    const node = convert(walk, source, origin);
    if (node.kind === 'map') return [node];
    walk.problems.push({
      ...node.origin,
      path: '',
      message: 'a merge key (<<) takes a mapping or a list of mappings',
    });
    return [];
  });
}

function isMergeKey(key: unknown): boolean {
  return isYamlScalar(key) && (typeof key.value === 'symbol' || (key.value === '<<' && key.type === 'PLAIN'));
}

function keyText(key: unknown): string {
  if (isYamlScalar(key)) return String(key.value);
  return 'null';
}

function scalarValue(node: Scalar): ScalarValue {
  const value: unknown = node.value;
  // Go's YAML reads 0440 as octal, and compose files rely on it for file modes
  if (node.type === 'PLAIN' && typeof node.source === 'string' && /^[-+]?0[0-7]+$/.test(node.source))
    return parseInt(node.source, 8);
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

function kindName(node: Node): string {
  if (node.kind === 'seq') return 'a list';
  if (node.kind === 'map') return 'a mapping';
  return node.value === null ? 'nothing' : `'${String(node.value)}'`;
}
