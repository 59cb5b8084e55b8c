import { DecodeError, type Decoder } from './decoder';

type Tag<T, K extends keyof T> = T[K] & string;

/**
 * A union told apart by the string field TAG (`filter: 'ready' | 'resources' | …`): one decoder
 * per tag value, every value of the union covered; an unknown tag is refused.
 */
export function taggedUnion<T extends Record<K, string>, K extends keyof T & string>(
  tag: K,
  variants: { [V in Tag<T, K>]: Decoder<Extract<T, Record<K, V>>> },
): Decoder<T> {
  const byTag = new Map<string, Decoder<unknown>>(Object.entries(variants));
  return (value, path) => {
    const found =
      typeof value === 'object' && value !== null && Object.hasOwn(value, tag)
        ? (value as Record<string, unknown>)[tag]
        : undefined;
    const decode = typeof found === 'string' ? byTag.get(found) : undefined;
    if (!decode)
      throw new DecodeError(
        found === undefined ? 'missing' : 'value',
        `${path}.${tag}`,
        `expected one of ${[...byTag.keys()].join(', ')}`,
      );
    return decode(value, path) as T;
  };
}
