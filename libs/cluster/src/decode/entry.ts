import { DecodeError, fromJson, type Decoder } from './decoder';
import { LIMITS } from './limits';

/** A decoder as callers use it: the path starts at KIND, and only a DecodeError ever leaves it. */
export type EntryDecoder<T> = (value: unknown, path?: string) => T;

/**
 * Whatever DECODE throws, as a DecodeError: a decoder that trips over something unforeseen (a
 * throwing getter, a stack overflow) still refuses rather than crashes its caller.
 */
export function entry<T>(kind: string, decode: Decoder<T>): EntryDecoder<T> {
  return (value, path = kind) => {
    try {
      return decode(value, path);
    } catch (error) {
      if (error instanceof DecodeError) throw error;
      throw new DecodeError(
        'value',
        path,
        `unreadable (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  };
}

/** TEXT, JSON of one object (at most LIMITS.json long), parsed and decoded: a request's `spec_json`. */
export function decodeJson<T>(text: unknown, decode: EntryDecoder<T>, path?: string): T {
  const value = entry(
    'json',
    fromJson((parsed) => parsed, LIMITS.json),
  )(text, path);
  return decode(value, path);
}
