/**
 * The part of Go's text/template that `docker … --format` users write:
 * fields (`{{.State.Status}}`), functions (`json`, `join`, `index`, `upper`,
 * `lower`, `title`, `len`, `println`, `printf "%s"`), `{{range …}}`,
 * `{{if …}}{{else}}`, `{{end}}`, and `{{- … -}}` trimming. Pure.
 */

import { formatTable } from './args';

export class TemplateError extends Error {}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; expr: string }
  | { kind: 'range'; expr: string; body: Node[] }
  | { kind: 'if'; expr: string; then: Node[]; otherwise: Node[] };

interface Token {
  text?: string;
  action?: string;
}

function tokenize(template: string): Token[] {
  const out: Token[] = [];
  let rest = template;
  for (;;) {
    const open = rest.indexOf('{{');
    if (open < 0) {
      if (rest) out.push({ text: rest });
      return out;
    }
    let text = rest.slice(0, open);
    const close = rest.indexOf('}}', open);
    if (close < 0) throw new TemplateError(`template: unclosed action in "${template}"`);
    let action = rest.slice(open + 2, close);
    rest = rest.slice(close + 2);
    if (action.startsWith('-')) {
      text = text.replace(/\s+$/, '');
      action = action.slice(1);
    }
    if (action.endsWith('-')) {
      action = action.slice(0, -1);
      rest = rest.replace(/^\s+/, '');
    }
    if (text) out.push({ text });
    out.push({ action: action.trim() });
  }
}

function parse(tokens: Token[], pos: { i: number }, until: string[]): { nodes: Node[]; end: string } {
  const nodes: Node[] = [];
  while (pos.i < tokens.length) {
    const t = tokens[pos.i++];
    if (t.text !== undefined) {
      nodes.push({ kind: 'text', text: t.text });
      continue;
    }
    const action = t.action!;
    const word = action.split(/\s+/)[0];
    if (until.includes(word)) return { nodes, end: word };
    if (word === 'range') {
      const body = parse(tokens, pos, ['end']);
      nodes.push({ kind: 'range', expr: action.slice(5).trim(), body: body.nodes });
    } else if (word === 'if') {
      const then = parse(tokens, pos, ['else', 'end']);
      const otherwise = then.end === 'else' ? parse(tokens, pos, ['end']).nodes : [];
      nodes.push({ kind: 'if', expr: action.slice(2).trim(), then: then.nodes, otherwise });
    } else if (word === 'end' || word === 'else') {
      throw new TemplateError(`template: unexpected {{${word}}}`);
    } else nodes.push({ kind: 'action', expr: action });
  }
  if (until.length) throw new TemplateError(`template: missing {{end}}`);
  return { nodes, end: '' };
}

/** Words of an expression: strings keep their quotes, so they stay literal. */
function words(expr: string): string[] {
  return expr.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
}

function field(data: unknown, path: string): unknown {
  if (path === '.') return data;
  let value = data;
  for (const key of path.split('.').filter(Boolean)) {
    if (value === null || value === undefined) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '<no value>';
  if (Array.isArray(value)) return `[${value.map(show).join(' ')}]`;
  if (typeof value === 'object')
    return `map[${Object.entries(value as object)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}:${show(v)}`)
      .join(' ')}]`;
  return String(value);
}

function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}

const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  json: (v) => JSON.stringify(v ?? null),
  join: (list, sep) => (Array.isArray(list) ? list.map(String).join(String(sep)) : show(list)),
  index: (v, key) => (v as Record<string, unknown> | undefined)?.[String(key)],
  upper: (v) => String(v).toUpperCase(),
  lower: (v) => String(v).toLowerCase(),
  title: (v) => String(v).replace(/\b\w/g, (c) => c.toUpperCase()),
  len: (v) =>
    Array.isArray(v) || typeof v === 'string'
      ? v.length
      : v && typeof v === 'object'
        ? Object.keys(v).length
        : 0,
  println: (...args) => `${args.map(show).join(' ')}\n`,
  printf: (format, ...args) => {
    let i = 0;
    return String(format).replace(/%[svdq%]/g, (m) =>
      m === '%%' ? '%' : m === '%q' ? JSON.stringify(String(args[i++])) : show(args[i++]),
    );
  },
};

function evaluate(expr: string, dot: unknown): unknown {
  // pipelines: "a | b" passes a's value as b's last argument
  const stages = expr.split(/\s+\|\s+/);
  let value: unknown;
  for (const [n, stage] of stages.entries()) {
    const w = words(stage);
    const arg = (word: string): unknown => {
      if (word.startsWith('"')) return JSON.parse(word) as string;
      if (/^-?\d+$/.test(word)) return Number(word);
      if (word.startsWith('.')) return field(dot, word);
      if (word === '$') return dot;
      throw new TemplateError(`template: function "${word}" not defined`);
    };
    const fn = FUNCTIONS[w[0]];
    if (fn) {
      const args = w.slice(1).map(arg);
      if (n > 0) args.push(value);
      value = fn(...args);
    } else {
      if (w.length !== 1) throw new TemplateError(`template: can't give an argument to non-function ${w[0]}`);
      value = arg(w[0]);
    }
  }
  return value;
}

function render(nodes: Node[], dot: unknown): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'action') {
      const value = evaluate(node.expr, dot);
      out += typeof value === 'string' ? value : show(value);
    } else if (node.kind === 'if')
      out += render(truthy(evaluate(node.expr, dot)) ? node.then : node.otherwise, dot);
    else {
      const list = evaluate(node.expr, dot);
      const items = Array.isArray(list) ? list : list && typeof list === 'object' ? Object.values(list) : [];
      for (const item of items) out += render(node.body, item);
    }
  }
  return out;
}

/** A compiled template: call it with the data. */
export function compileTemplate(template: string): (data: unknown) => string {
  const nodes = parse(tokenize(template.replace(/\\t/g, '\t').replace(/\\n/g, '\n')), { i: 0 }, []).nodes;
  return (data) => render(nodes, data);
}

/** `table {{.ID}}\t{{.Name}}`: the header from the fields' names, then a row per item, columns aligned. */
export function renderTable(
  template: string,
  rows: readonly Record<string, unknown>[],
  headers: Record<string, string> = {},
): string {
  const body = template.replace(/^table\s*/, '');
  const header = body.replace(
    /\{\{-?\s*\.(\w+)\s*-?\}\}/g,
    (_, name: string) => headers[name] ?? name.toUpperCase(),
  );
  const row = compileTemplate(body);
  const [head, ...lines] = [header, ...rows.map((r) => row(r))].map((l) =>
    l.replace(/\\t/g, '\t').split('\t'),
  );
  return formatTable(head, lines);
}
