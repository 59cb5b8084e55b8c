import type { Problem } from './errors';
import { formatPath, type MapNode, type Node, type Path } from './tree';

/** A variable's value, or undefined when it is not set (set-but-empty is ''). */
export type Lookup = (name: string) => string | undefined;

export type Substitution = { ok: true; value: string; unset: string[] } | { ok: false; message: string };

const NAME_START = /[A-Za-z_]/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const OPERATORS = [':-', ':?', ':+', '-', '?', '+'] as const;
type Operator = (typeof OPERATORS)[number];

/**
 * Compose's variable substitution in one string: `$VAR`, `${VAR}`, `${VAR:-default}` (unset or
 * empty), `${VAR-default}` (unset), `${VAR:?message}` / `${VAR?message}` (required),
 * `${VAR:+other}` / `${VAR+other}` (replacement when set), `$$` for a literal `$`. Defaults may
 * hold further substitutions (`${A:-${B}}`). A `$` not followed by a name, `{` or `$` stays as it
 * is. Unset variables become '' and are listed in `unset`.
 */
export function substitute(template: string, lookup: Lookup): Substitution {
  const unset: string[] = [];
  let out = '';
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf('$', i);
    if (dollar < 0) return { ok: true, value: out + template.slice(i), unset };
    out += template.slice(i, dollar);
    const next = template[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
    } else if (next === '{') {
      const close = closingBrace(template, dollar + 1);
      if (close < 0) return invalid(template.slice(dollar));
      const braced = expand(template.slice(dollar + 2, close), lookup);
      if (!braced.ok) return braced.message ? braced : invalid(template.slice(dollar, close + 1));
      out += braced.value;
      unset.push(...braced.unset);
      i = close + 1;
    } else if (next !== undefined && NAME_START.test(next)) {
      const name = NAME.exec(template.slice(dollar + 1))![0];
      out += valueOf(name, lookup, unset);
      i = dollar + 1 + name.length;
    } else {
      out += '$';
      i = dollar + 1;
    }
  }
  return { ok: true, value: out, unset };
}

/** The message of an invalid template: `message` '' means "say the template is invalid". */
function invalid(text: string): Substitution {
  return {
    ok: false,
    message: `invalid interpolation format "${text}": you may need to escape any $ with another $`,
  };
}

/** Index of the `}` closing the `{` at OPEN, counting nested `${`; -1 if there is none. */
function closingBrace(text: string, open: number): number {
  let depth = 1;
  for (let j = open + 1; j < text.length; j++) {
    if (text.startsWith('${', j)) {
      depth++;
      j++;
    } else if (text[j] === '}' && --depth === 0) return j;
  }
  return -1;
}

/** The inside of `${…}`. */
function expand(body: string, lookup: Lookup): Substitution {
  const name = NAME.exec(body)?.[0];
  if (!name) return { ok: false, message: '' };
  const rest = body.slice(name.length);
  if (rest === '') {
    const unset: string[] = [];
    return { ok: true, value: valueOf(name, lookup, unset), unset };
  }
  const operator = OPERATORS.find((op) => rest.startsWith(op));
  if (!operator) return { ok: false, message: '' };
  return applyOperator(name, operator, rest.slice(operator.length), lookup);
}

function applyOperator(name: string, operator: Operator, argument: string, lookup: Lookup): Substitution {
  const value = lookup(name);
  const isSet = value !== undefined;
  const isFilled = isSet && value !== '';
  const given = (v: string): Substitution => ({ ok: true, value: v, unset: [] });
  switch (operator) {
    case ':-':
      return isFilled ? given(value) : substitute(argument, lookup);
    case '-':
      return isSet ? given(value) : substitute(argument, lookup);
    case ':+':
      return isFilled ? substitute(argument, lookup) : given('');
    case '+':
      return isSet ? substitute(argument, lookup) : given('');
    case ':?':
      return isFilled ? given(value) : required(name, argument, lookup);
    case '?':
      return isSet ? given(value) : required(name, argument, lookup);
  }
}

function required(name: string, message: string, lookup: Lookup): Substitution {
  const text = substitute(message, lookup);
  const reason = text.ok ? text.value : message;
  return {
    ok: false,
    message: reason
      ? `required variable ${name} is missing a value: ${reason}`
      : `required variable ${name} is missing a value`,
  };
}

function valueOf(name: string, lookup: Lookup, unset: string[]): string {
  const value = lookup(name);
  if (value === undefined) unset.push(name);
  return value ?? '';
}

export interface InterpolatedTree {
  root: MapNode;
  problems: Problem[];
  /** variables used but not set, in the order first met */
  unset: string[];
}

/**
 * Substitutes variables in every string value of a file (keys are left alone). Each failure is a
 * problem at the value's key (or list item) with its key path.
 */
export function interpolateTree(root: MapNode, lookup: Lookup): InterpolatedTree {
  const problems: Problem[] = [];
  const unset: string[] = [];
  const walk = (node: Node, path: Path, origin = node.origin): Node => {
    switch (node.kind) {
      case 'map':
        return {
          ...node,
          entries: node.entries.map((e) => ({ ...e, value: walk(e.value, [...path, e.key], e.keyOrigin) })),
        };
      case 'seq':
        return { ...node, items: node.items.map((item, i) => walk(item, [...path, i])) };
      case 'scalar': {
        if (typeof node.value !== 'string' || !node.value.includes('$')) return node;
        const result = substitute(node.value, lookup);
        if (!result.ok) {
          problems.push({ ...origin, path: formatPath(path), message: result.message });
          return node;
        }
        for (const name of result.unset) if (!unset.includes(name)) unset.push(name);
        return { ...node, value: result.value };
      }
    }
  };
  return { root: walk(root, []) as MapNode, problems, unset };
}

/** Compose's words for a variable used but not set. */
export function unsetWarning(name: string): string {
  return `The "${name}" variable is not set. Defaulting to a blank string.`;
}
