/**
 * Bad input for decoder tests, made from a good value: a seeded generator (the same seed, the same
 * cases, so a failure can be replayed) that breaks one or a few places of the value at a time.
 * Test support only: not exported from @berth/cluster.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** mulberry32: small, fast, good enough to pick cases. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every place in VALUE: each object's and array's members, at any depth. */
export function pathsOf(value: unknown, at: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => [
    [...at, key],
    ...pathsOf((value as Record<string, unknown>)[key], [...at, key]),
  ]);
}

function nested(depth: number): Json {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** What a place may become: the wrong type, nothing, an unknown word, garbage. */
const SMALL: ((original: unknown, random: () => number) => unknown)[] = [
  () => null,
  () => true,
  () => 0,
  () => -1,
  () => 1.5,
  () => Number.POSITIVE_INFINITY, // JSON.parse never makes it: only a caller in-process could
  () => Number.NaN,
  () => 2 ** 60,
  () => '',
  () => 'not-a-known-value',
  () => '__proto__',
  () => [],
  () => ({}),
  () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
  (original) => (typeof original === 'string' ? `${original}\u0000\ud800` : [original]),
  (original) => (typeof original === 'number' ? -original - 1 : String(original)),
  (_, random) => Math.floor(random() * 2 ** 31) * (random() < 0.5 ? -1 : 1),
];

/** ... or too much: past the limits, or absurdly deep (made last, as walking them again is slow). */
const HUGE: ((original: unknown) => unknown)[] = [
  () => 'x'.repeat(70_000),
  () => nested(2_000),
  (original) => Array<unknown>(5_000).fill(Array.isArray(original) ? (original[0] ?? 'x') : 'x'),
];

const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)];

function parentOf(root: unknown, path: Path): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  return node;
}

function replacement(original: unknown, random: () => number, huge: boolean): unknown {
  return huge && random() < 0.15 ? pick(HUGE, random)(original) : pick(SMALL, random)(original, random);
}

/** VALUE with one place broken: replaced, deleted, or given an extra hostile key (HUGE: maybe too much). */
export function mutateOnce(value: unknown, random: () => number, huge = true): unknown {
  const copy = structuredClone(value);
  const paths = pathsOf(copy);
  if (!paths.length || random() < 0.05) return replacement(copy, random, huge);
  const path = paths[Math.floor(random() * paths.length)];
  const parent = parentOf(copy, path);
  const key = path[path.length - 1];
  const choice = random();
  if (choice < 0.15) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (
    choice < 0.25 &&
    typeof parent[key] === 'object' &&
    parent[key] !== null &&
    !Array.isArray(parent[key])
  ) {
    // an own `__proto__` key, as JSON.parse makes it
    Object.assign(parent[key] as object, JSON.parse('{"__proto__": {"polluted": true}, "extra": 1}'));
  } else {
    parent[key] = replacement(parent[key], random, huge);
  }
  return copy;
}

/** COUNT broken versions of VALUE, each broken in one to three places. */
export function* mutations(value: unknown, count: number, seed: number): Generator<unknown> {
  const random = prng(seed);
  for (let i = 0; i < count; i++) {
    let broken = value;
    const more = Math.floor(random() * 3);
    for (let j = 0; j < more && typeof broken === 'object' && broken !== null; j++)
      broken = mutateOnce(broken, random, false);
    yield mutateOnce(broken, random);
  }
}

/** Broken JSON texts of VALUE: cut short, a byte changed, braces unbalanced. */
export function* brokenTexts(value: unknown, count: number, seed: number): Generator<string> {
  const random = prng(seed);
  const text = JSON.stringify(value);
  for (let i = 0; i < count; i++) {
    const at = Math.floor(random() * text.length);
    const kind = i % 3;
    if (kind === 0) yield text.slice(0, at);
    else if (kind === 1)
      yield `${text.slice(0, at)}${String.fromCharCode(Math.floor(random() * 128))}${text.slice(at + 1)}`;
    else yield `${'['.repeat(at % 50)}${text}`;
  }
}
