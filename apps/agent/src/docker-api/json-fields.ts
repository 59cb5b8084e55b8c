/**
 * Reading the Docker Engine API's untrusted JSON bodies: typed getters that name the field they
 * read when it has the wrong type (`HostConfig.Memory must be an integer`), Go's rule that null
 * is the zero value, and the refusal of fields Berth cannot honour. Pure.
 */
import { Status } from '@berth/proto';
import { EngineError, InvalidArgumentError } from '../errors';

/** A field set to something Berth cannot do (a device, another runtime, …): 501 Not Implemented. */
export class NotSupportedError extends EngineError {
  constructor(
    /** the field's path in the request body, e.g. `HostConfig.Devices` */
    readonly field: string,
    message: string,
  ) {
    super(message, Status.UNIMPLEMENTED);
  }
}

type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Go's zero values as JSON spells them: absent, null, '', 0, false, [] and {}. */
export function isZero(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === 0 || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isObject(v) && Object.keys(v).length === 0;
}

/** V as a short text for a message: a string quoted, anything else as JSON, cut at 60 characters. */
export function shown(v: unknown): string {
  const cut = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
  return typeof v === 'string' ? `"${cut(v)}"` : cut(JSON.stringify(v) ?? String(v));
}

/** One JSON object of a request body, at PATH ('' for the body itself). */
export class JsonFields {
  private constructor(
    private readonly fields: JsonObject,
    readonly path: string,
    /** false when the object was absent or null */
    readonly given: boolean,
  ) {}

  /** VALUE read as an object at PATH; absent or null reads as an empty one. */
  static of(value: unknown, path: string): JsonFields {
    if (value === undefined || value === null) return new JsonFields({}, path, false);
    if (!isObject(value)) throw new InvalidArgumentError(`${path || 'the request body'} must be an object`);
    return new JsonFields(value, path, true);
  }

  /** The path of KEY, for messages: `HostConfig.Memory`. */
  name(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  /** KEY's value as sent; null reads as undefined (and so does anything the object only inherits). */
  raw(key: string): unknown {
    return Object.hasOwn(this.fields, key) ? (this.fields[key] ?? undefined) : undefined;
  }

  keys(): string[] {
    return Object.keys(this.fields);
  }

  private wrong(key: string, what: string): InvalidArgumentError {
    return new InvalidArgumentError(`${this.name(key)} must be ${what}`);
  }

  string(key: string): string {
    const v = this.raw(key) ?? '';
    if (typeof v !== 'string') throw this.wrong(key, 'a string');
    return v;
  }

  boolean(key: string): boolean {
    const v = this.raw(key) ?? false;
    if (typeof v !== 'boolean') throw this.wrong(key, 'true or false');
    return v;
  }

  /** A whole number, or null when absent. */
  integerOrNull(key: string): number | null {
    const v = this.raw(key);
    if (v === undefined) return null;
    if (typeof v !== 'number' || !Number.isInteger(v)) throw this.wrong(key, 'an integer');
    return v;
  }

  integer(key: string): number {
    return this.integerOrNull(key) ?? 0;
  }

  /** A whole number that is 0 or more. */
  count(key: string): number {
    const n = this.integer(key);
    if (n < 0) throw new InvalidArgumentError(`${this.name(key)} must not be negative`);
    return n;
  }

  strings(key: string): string[] {
    const v = this.raw(key) ?? [];
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) throw this.wrong(key, 'a list of strings');
    return v as string[];
  }

  /** moby's StrSlice: a list of strings, or one string as a list of one; null when absent. */
  stringSlice(key: string): string[] | null {
    const v = this.raw(key);
    if (v === undefined) return null;
    return typeof v === 'string' ? [v] : this.strings(key);
  }

  stringMap(key: string): Record<string, string> {
    const v = this.raw(key) ?? {};
    if (!isObject(v) || Object.values(v).some((s) => typeof s !== 'string'))
      throw this.wrong(key, 'an object of strings');
    return { ...(v as Record<string, string>) };
  }

  object(key: string): JsonFields {
    const v = this.raw(key);
    if (v !== undefined && !isObject(v)) throw this.wrong(key, 'an object');
    return JsonFields.of(v, this.name(key));
  }

  objects(key: string): JsonFields[] {
    const v = this.raw(key) ?? [];
    if (!Array.isArray(v) || v.some((o) => !isObject(o))) throw this.wrong(key, 'a list of objects');
    return v.map((o, i) => JsonFields.of(o, `${this.name(key)}[${i}]`));
  }

  /** An object's entries, each value as sent (a map keyed by port, network, path…). */
  entries(key: string): [string, unknown][] {
    const v = this.raw(key) ?? {};
    if (!isObject(v)) throw this.wrong(key, 'an object');
    return Object.entries(v);
  }

  /** Refuses KEY unless it is its zero value or one of ALLOWED; FLAG names the docker option. */
  refuseUnless(key: string, flag: string, allowed: readonly unknown[] = []): void {
    const v = this.raw(key);
    if (isZero(v) || allowed.includes(v)) return;
    throw new NotSupportedError(
      this.name(key),
      `${this.name(key)} ${shown(v)} is not supported by Berth${flag ? ` (${flag})` : ''}`,
    );
  }
}
