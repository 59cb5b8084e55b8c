/**
 * Reading a Docker request body (JSON a client sent: `unknown`), field by field, as Docker's Go
 * types read it: a field left out or null is its zero value, keys Docker does not know are left
 * behind. What Berth cannot carry out is refused by name (UnsupportedFieldError); what is not
 * the right type or too large is refused as any decoder refuses it (DecodeError).
 */
import { DecodeError, number, record, string } from '../decode/decoder';
import { LIMITS } from '../decode/limits';

/** A field Berth cannot carry out, set to something other than its zero value. */
export class UnsupportedFieldError extends DecodeError {
  constructor(path: string, reason: string) {
    super('value', path, reason);
  }
}

/** PATH's field KEY: `TaskTemplate.ContainerSpec`, `Mounts[2]`. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

export const isAbsent = (value: unknown): value is null | undefined => value === undefined || value === null;

/** An object's own fields; absent is the empty object. */
export function fields(value: unknown, path: string): Record<string, unknown> {
  if (isAbsent(value)) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new DecodeError('type', path || 'body', `expected an object, got ${describe(value)}`);
  return value as Record<string, unknown>;
}

/** FIELDS' KEY, read only when the input has it as its own (never through a prototype). */
export function field(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

export function text(value: unknown, path: string, maxLength: number = LIMITS.text): string {
  return isAbsent(value) ? '' : string(maxLength)(value, path);
}

export function flag(value: unknown, path: string): boolean {
  if (isAbsent(value)) return false;
  if (typeof value !== 'boolean')
    throw new DecodeError('type', path, `expected true or false, got ${describe(value)}`);
  return value;
}

/** A whole number (counts, bytes, nanoseconds) within MIN..MAX; absent is 0. */
export function whole(value: unknown, path: string, max: number = Number.MAX_SAFE_INTEGER, min = 0): number {
  return isAbsent(value) ? 0 : number({ min, max })(value, path);
}

export function list<T>(value: unknown, path: string, item: (v: unknown, path: string) => T): T[] {
  if (isAbsent(value)) return [];
  if (!Array.isArray(value)) throw new DecodeError('type', path, `expected an array, got ${describe(value)}`);
  if (value.length > LIMITS.listItems)
    throw new DecodeError('size', path, `${value.length} items, at most ${LIMITS.listItems}`);
  return value.map((v, i) => item(v, at(path, i)));
}

export function texts(value: unknown, path: string, maxLength: number = LIMITS.argument): string[] {
  return list(value, path, (v, p) => string(maxLength)(v, p));
}

export function labels(value: unknown, path: string): Record<string, string> {
  return isAbsent(value) ? {} : record(string(LIMITS.text), LIMITS.labelKeys, LIMITS.name)(value, path);
}

/** One of CHOICES; absent or '' is ZERO (Docker's default for the field). */
export function choice<T extends string>(value: unknown, path: string, choices: readonly T[], zero: T): T {
  const given = text(value, path, LIMITS.name);
  if (given === '') return zero;
  if (!(choices as readonly string[]).includes(given))
    throw new DecodeError('value', path, `${JSON.stringify(given)} is not one of ${choices.join(', ')}`);
  return given as T;
}

/** Docker's zero value: absent, null, '', 0, false, or a list or object of nothing but zero values. */
export function isZero(value: unknown): boolean {
  if (isAbsent(value) || value === '' || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.every(isZero);
  if (typeof value === 'object') return Object.values(value as object).every(isZero);
  return false;
}

/** Refuses OBJECT's KEY unless it is a zero value: Berth has no way to do what it asks. */
export function refuseSet(object: Record<string, unknown>, key: string, path: string, reason: string): void {
  if (!isZero(field(object, key))) throw new UnsupportedFieldError(at(path, key), reason);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return `${/^[aeiou]/.test(typeof value) ? 'an' : 'a'} ${typeof value}`;
}

/**
 * READ's result, or its refusal: whatever else it throws (a stack overflow on absurdly deep
 * input) is a DecodeError too, so a caller answers "bad request" and never crashes.
 */
export function readBody<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof DecodeError) throw error;
    throw new DecodeError(
      'value',
      'body',
      `unreadable (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
