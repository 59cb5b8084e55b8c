import type { Node } from './objects';

/** A placement constraint as `docker service create --constraint` takes it: `KEY==VALUE` or `KEY!=VALUE`. */
export interface Constraint {
  /** the text the user wrote, for messages */
  text: string;
  key: string;
  operator: '==' | '!=';
  value: string;
}

export class ConstraintError extends Error {
  constructor(
    readonly constraint: string,
    reason: string,
  ) {
    super(`invalid constraint "${constraint}": ${reason}`);
  }
}

const FIXED_KEYS = ['node.id', 'node.hostname', 'node.role', 'node.platform.os', 'node.platform.arch'];
const LABEL_PREFIXES = ['node.labels.', 'engine.labels.'];

export function parseConstraint(text: string): Constraint {
  const match = /^\s*([^=!\s]+)\s*(==|!=)\s*(.*?)\s*$/.exec(text);
  if (!match) throw new ConstraintError(text, 'expected KEY==VALUE or KEY!=VALUE');
  const [, key, operator, value] = match;
  const known =
    FIXED_KEYS.includes(key) || LABEL_PREFIXES.some((p) => key.startsWith(p) && key.length > p.length);
  if (!known)
    throw new ConstraintError(
      text,
      `unknown key "${key}" (use ${FIXED_KEYS.join(', ')}, node.labels.NAME or engine.labels.NAME)`,
    );
  if (value === '') throw new ConstraintError(text, 'the value is empty');
  return { text: text.trim(), key, operator: operator as Constraint['operator'], value };
}

export function parseConstraints(texts: readonly string[]): Constraint[] {
  return texts.map(parseConstraint);
}

/** A spec's constraints parsed, or why they do not parse. */
export type CompiledConstraints =
  { ok: true; constraints: readonly Constraint[] } | { ok: false; error: ConstraintError };

const compiled = new WeakMap<readonly string[], CompiledConstraints>();

/**
 * The constraints of a placement (a service's `spec.task.placement`, a task's `spec.placement`),
 * parsed once: specs are replaced, never changed in place, so the list itself keys the cache,
 * and the loops' passes over an unchanged spec find it parsed.
 */
export function compiledConstraints(placement: {
  readonly constraints: readonly string[];
}): CompiledConstraints {
  const texts = placement.constraints;
  let result = compiled.get(texts);
  if (!result) compiled.set(texts, (result = compile(texts)));
  return result;
}

function compile(texts: readonly string[]): CompiledConstraints {
  try {
    return { ok: true, constraints: parseConstraints(texts) };
  } catch (error) {
    if (error instanceof ConstraintError) return { ok: false, error };
    throw error;
  }
}

/** Whether KEY names a node attribute (`node.id`, `node.labels.zone`, …) constraints and spread preferences may use. */
export function isNodeAttribute(key: string): boolean {
  return FIXED_KEYS.includes(key) || /^(node|engine)\.labels\.[^\s]+$/.test(key);
}

/** The node attribute a constraint or placement preference names; undefined when a label is absent. */
export function nodeAttribute(node: Node, key: string): string | undefined {
  switch (key) {
    case 'node.id':
      return node.id;
    case 'node.hostname':
      return node.description.hostname;
    case 'node.role':
      return node.spec.role;
    case 'node.platform.os':
      return node.description.platform.os;
    case 'node.platform.arch':
      return node.description.platform.architecture;
  }
  if (key.startsWith('node.labels.')) return node.spec.labels[key.slice('node.labels.'.length)];
  if (key.startsWith('engine.labels.'))
    return node.description.engineLabels[key.slice('engine.labels.'.length)];
  return undefined;
}

/** Like swarmkit, values compare without regard to case; a missing label equals nothing. */
export function satisfies(node: Node, constraint: Constraint): boolean {
  const actual = nodeAttribute(node, constraint.key);
  const equal = actual !== undefined && actual.toLowerCase() === constraint.value.toLowerCase();
  return constraint.operator === '==' ? equal : !equal;
}

export function satisfiesAll(node: Node, constraints: readonly Constraint[]): boolean {
  return constraints.every((c) => satisfies(node, c));
}
