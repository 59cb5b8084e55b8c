import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import composeSpecSchema from '../schema/compose-spec.json';
import type { Path } from './tree';
import { describeValue, joinOr } from './words';

/** A place where the document does not follow the compose specification's schema. */
export interface SchemaIssue {
  path: Path;
  message: string;
}

let validator: ValidateFunction | undefined;

/** Compiled on first use (about a quarter of a second), then kept. */
function composeValidator(): ValidateFunction {
  if (validator) return validator;
  // the schema names its meta-schema by an https URL ajv does not know; draft-07 is ajv's default
  const schema: Record<string, unknown> = { ...composeSpecSchema };
  delete schema.$schema;
  // inlineRefs and optimize off: compiling twice as fast matters more here than validating faster
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    validateSchema: false,
    inlineRefs: false,
    code: { optimize: false },
  });
  validator = ajv.compile(schema);
  return validator;
}

/** Everything in DOCUMENT the compose schema refuses, one issue per place, in words for people. */
export function validateAgainstSchema(document: unknown): SchemaIssue[] {
  const validate = composeValidator();
  if (validate(document)) return [];
  return describeErrors(validate.errors ?? [], document);
}

const COMPOUND = new Set(['oneOf', 'anyOf', 'allOf', 'not', 'if']);
const NAMED_SECTIONS = new Set(['services', 'networks', 'volumes', 'secrets', 'configs']);

interface Located {
  error: ErrorObject;
  /** the instance path as segments (list indexes as numbers) */
  at: Path;
}

/**
 * ajv reports every branch of a `oneOf`: for a ports item that is a mapping with an unknown key it
 * says "must be number", "must be string", the unknown key, and "must match exactly one schema".
 * Only the branch the value's shape chose is informative, so type mismatches are dropped where the
 * same value has a more specific error (or an error inside it), the remaining type mismatches of
 * one value are joined ("expected a mapping or a list"), and a compound error is kept only when
 * nothing under it explains it.
 */
export function describeErrors(errors: readonly ErrorObject[], document: unknown): SchemaIssue[] {
  const located = errors.map((error) => ({ error, at: segmentsOf(error.instancePath, document) }));
  const concrete = located.filter((l) => !COMPOUND.has(l.error.keyword));
  const informative = concrete.filter((l) => l.error.keyword !== 'type' || !explainedElsewhere(l, concrete));
  const issues: SchemaIssue[] = [];
  const typeMismatches = new Map<string, Located[]>();
  for (const l of informative) {
    if (l.error.keyword !== 'type') {
      issues.push(describe(l, document));
      continue;
    }
    const key = JSON.stringify(l.at);
    typeMismatches.set(key, [...(typeMismatches.get(key) ?? []), l]);
  }
  for (const group of typeMismatches.values()) issues.push(describeTypeMismatch(group, document));
  for (const l of located.filter((c) => COMPOUND.has(c.error.keyword))) {
    if (!concrete.some((c) => isWithin(c.at, l.at)))
      issues.push({ path: l.at, message: compoundMessage(l.error) });
  }
  return dedupe(issues);
}

function explainedElsewhere(mismatch: Located, all: readonly Located[]): boolean {
  return all.some(
    (other) =>
      other !== mismatch &&
      ((other.error.keyword !== 'type' && samePath(other.at, mismatch.at)) ||
        isStrictlyWithin(other.at, mismatch.at)),
  );
}

function describe(l: Located, document: unknown): SchemaIssue {
  const { error, at } = l;
  const params = error.params as Record<string, unknown>;
  const value = valueAt(document, at);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      if (at.length === 1 && NAMED_SECTIONS.has(String(at[0])))
        return {
          path: [...at, key],
          message: `invalid name '${key}': use letters, digits, '.', '_' and '-'`,
        };
      return { path: [...at, key], message: `unknown key '${key}'` };
    }
    case 'required':
      return { path: at, message: `missing key '${String(params.missingProperty)}'` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(describeValue).join(', ');
      return { path: at, message: `expected one of ${allowed}, got ${describeValue(value)}` };
    }
    case 'uniqueItems':
      return {
        path: [...at, Number(params.i)],
        message: `same as item ${String(params.j)}: each item must be different`,
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        path: at,
        message: `must be ${String(params.comparison)} ${String(params.limit)}, got ${describeValue(value)}`,
      };
    case 'pattern':
      return { path: at, message: `${describeValue(value)} does not match ${String(params.pattern)}` };
    default:
      return { path: at, message: error.message ?? `is not valid (${error.keyword})` };
  }
}

function describeTypeMismatch(group: readonly Located[], document: unknown): SchemaIssue {
  const at = group[0].at;
  const expected = [...new Set(group.flatMap((l) => typesOf(l.error.params as { type: unknown })))];
  return {
    path: at,
    message: `expected ${joinOr(expected.map(typeName))}, got ${describeValue(valueAt(document, at))}`,
  };
}

function typesOf(params: { type: unknown }): string[] {
  return Array.isArray(params.type) ? params.type.map(String) : String(params.type).split(',');
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  null: 'an empty value',
};

function typeName(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

function compoundMessage(error: ErrorObject): string {
  const passing = (error.params as { passingSchemas?: unknown }).passingSchemas;
  if (Array.isArray(passing)) return 'matches more than one of the allowed forms';
  return 'is not in any of the allowed forms';
}

/** `/services/web/ports/0` → `['services', 'web', 'ports', 0]` (numbers where the value is a list). */
function segmentsOf(pointer: string, document: unknown): Path {
  if (pointer === '') return [];
  const segments: (string | number)[] = [];
  let value = document;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(value) ? Number(key) : key;
    segments.push(segment);
    value = (value as Record<string | number, unknown> | undefined)?.[segment];
  }
  return segments;
}

function valueAt(document: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (value, segment) => (value as Record<string | number, unknown> | undefined)?.[segment],
    document,
  );
}

function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function isWithin(inner: Path, outer: Path): boolean {
  return inner.length >= outer.length && outer.every((s, i) => s === inner[i]);
}

function isStrictlyWithin(inner: Path, outer: Path): boolean {
  return inner.length > outer.length && isWithin(inner, outer);
}

function dedupe(issues: readonly SchemaIssue[]): SchemaIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = JSON.stringify([issue.path, issue.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
