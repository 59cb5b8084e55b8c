/**
 * Small decoders for what crosses a process edge (a client's request, an agent's report, a
 * manager's assignment, a manager's answer to the CLI): each takes an `unknown` and returns a
 * fresh value of its type, built only from the fields it knows, or throws a DecodeError that names
 * the field. Hand-written rather than ajv: the object decoders are typed against the interfaces in
 * ../objects (a field added there and not here fails to compile), and the result is a new object,
 * so nothing of the input (extra keys, `__proto__`) survives into the process.
 */

/** What was wrong, for callers that tell cases apart (tests, metrics); the message is for people. */
export type DecodeProblem = 'json' | 'type' | 'missing' | 'value' | 'size';

export class DecodeError extends Error {
  constructor(
    readonly kind: DecodeProblem,
    /** where in the value: `task.status.state`, `spec.task.container.env[3]` */
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = new.target.name;
  }
}

/** Reads VALUE, found at PATH, as a T; throws DecodeError. */
export type Decoder<T> = (value: unknown, path: string) => T;

/** A decoder for every field of T, optional ones included: nothing goes unchecked by accident. */
export type Fields<T> = { [K in keyof T]-?: Decoder<T[K]> };

const describe = (value: unknown): string =>
  value === undefined
    ? 'nothing'
    : value === null
      ? 'null'
      : Array.isArray(value)
        ? 'an array'
        : `${/^[aeiou]/.test(typeof value) ? 'an' : 'a'} ${typeof value}`;

function expected(what: string, value: unknown, path: string): DecodeError {
  return new DecodeError(
    value === undefined ? 'missing' : 'type',
    path,
    `expected ${what}, got ${describe(value)}`,
  );
}

export function string(maxLength: number): Decoder<string> {
  return (value, path) => {
    if (typeof value !== 'string') throw expected('a string', value, path);
    if (value.length > maxLength)
      throw new DecodeError('size', path, `${value.length} characters, at most ${maxLength}`);
    return value;
  };
}

/** A string matching PATTERN (a format, e.g. an address), said as WHAT. */
export function matching(pattern: RegExp, maxLength: number, what: string): Decoder<string> {
  const text = string(maxLength);
  return (value, path) => {
    const s = text(value, path);
    if (!pattern.test(s)) throw new DecodeError('value', path, `${JSON.stringify(s)} is not ${what}`);
    return s;
  };
}

export const boolean: Decoder<boolean> = (value, path) => {
  if (typeof value !== 'boolean') throw expected('true or false', value, path);
  return value;
};

interface NumberRange {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** A finite number in range (integers by default: counts, ports, times, bytes). */
export function number({
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
  integer = true,
}: NumberRange = {}): Decoder<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw expected('a number', value, path);
    if (integer && !Number.isInteger(value))
      throw new DecodeError('value', path, `${value} is not a whole number`);
    if (value < min || value > max)
      throw new DecodeError('value', path, `${value} is not within ${min}..${max}`);
    return value;
  };
}

/** One of a fixed set of strings (a state, a mode): anything else is refused. */
export function oneOf<T extends string>(values: readonly T[]): Decoder<T> {
  const known = new Set<string>(values);
  return (value, path) => {
    if (typeof value !== 'string') throw expected('a string', value, path);
    if (!known.has(value))
      throw new DecodeError(
        'value',
        path,
        `${JSON.stringify(value.slice(0, 64))} is not one of ${values.join(', ')}`,
      );
    return value as T;
  };
}

export function array<T>(item: Decoder<T>, maxItems: number): Decoder<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) throw expected('an array', value, path);
    if (value.length > maxItems)
      throw new DecodeError('size', path, `${value.length} items, at most ${maxItems}`);
    return value.map((v, i) => item(v, `${path}[${i}]`));
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys that would reach an object's prototype if assigned: never a name of anything. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** String keys to T values (labels, sysctls): at most MAX_KEYS keys of at most KEY_LENGTH. */
export function record<T>(item: Decoder<T>, maxKeys: number, keyLength: number): Decoder<Record<string, T>> {
  return (value, path) => {
    if (!isPlainObject(value)) throw expected('an object', value, path);
    const keys = Object.keys(value);
    if (keys.length > maxKeys) throw new DecodeError('size', path, `${keys.length} keys, at most ${maxKeys}`);
    const out: Record<string, T> = {};
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) throw new DecodeError('value', path, `the key ${key} is not allowed`);
      if (key.length > keyLength)
        throw new DecodeError(
          'size',
          `${path}.${key.slice(0, 32)}…`,
          `a key of ${key.length} characters, at most ${keyLength}`,
        );
      out[key] = item(value[key], `${path}.${key}`);
    }
    return out;
  };
}

/**
 * An object with exactly the fields of T, read from the input's own properties; a field the
 * input lacks is read as undefined (an optional field's decoder lets it through, others refuse),
 * keys T does not have are left behind.
 */
export function object<T>(fields: Fields<T>): Decoder<T> {
  const entries = Object.entries(fields) as [string, Decoder<unknown>][];
  return (value, path) => {
    if (!isPlainObject(value)) throw expected('an object', value, path);
    const out: Record<string, unknown> = {};
    for (const [key, decode] of entries) {
      const decoded = decode(Object.hasOwn(value, key) ? value[key] : undefined, `${path}.${key}`);
      if (decoded !== undefined) out[key] = decoded;
    }
    return out as T;
  };
}

/**
 * A protobuf message's fields (an envelope around JSON): read by name, as protobufjs keeps a
 * field's default on the message's prototype rather than on the message. Only for decoded
 * protobuf messages, whose field names are fixed by the .proto.
 */
export function message<T>(fields: Fields<T>): Decoder<T> {
  const entries = Object.entries(fields) as [string, Decoder<unknown>][];
  return (value, path) => {
    if (typeof value !== 'object' || value === null) throw expected('a message', value, path);
    const out: Record<string, unknown> = {};
    for (const [key, decode] of entries) {
      const decoded = decode((value as Record<string, unknown>)[key], `${path}.${key}`);
      if (decoded !== undefined) out[key] = decoded;
    }
    return out as T;
  };
}

export function bytes(maxLength: number): Decoder<Uint8Array> {
  return (value, path) => {
    if (!(value instanceof Uint8Array)) throw expected('bytes', value, path);
    if (value.length > maxLength)
      throw new DecodeError('size', path, `${value.length} bytes, at most ${maxLength}`);
    return value;
  };
}

/** Absent (undefined) is fine; null is not, unless the inner decoder takes it. */
export function optional<T>(inner: Decoder<T>): Decoder<T | undefined> {
  return (value, path) => (value === undefined ? undefined : inner(value, path));
}

/** Absent: FALLBACK (a field older writers left out); present: as INNER reads it. */
export function withDefault<T>(inner: Decoder<T>, fallback: () => T): Decoder<T> {
  return (value, path) => (value === undefined ? fallback() : inner(value, path));
}

export function nullable<T>(inner: Decoder<T>): Decoder<T | null> {
  return (value, path) => (value === null ? null : inner(value, path));
}

/** The JSON text of a value, parsed (at most MAX_LENGTH characters), then decoded. */
export function fromJson<T>(decode: Decoder<T>, maxLength: number): Decoder<T> {
  return (text, path) => {
    const json = string(maxLength)(text, path);
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new DecodeError('json', path, `not valid JSON (${(error as Error).message})`);
    }
    return decode(value, path);
  };
}
