/**
 * What a decoded message holds, as types: protobufjs fills every scalar,
 * repeated and map field with its default, so those are never null; a
 * message-typed field is null when it was not sent. The generated
 * interfaces say "maybe absent" for all of them; this says what is true.
 */
type Scalar = string | number | boolean | Uint8Array;

type Element<U> = U extends Scalar ? U : Decoded<U>;

type Field<V> = [NonNullable<V>] extends [never]
  ? null // a oneof member that this variant of the message does not hold
  : NonNullable<V> extends (infer U)[]
    ? Element<U>[]
    : NonNullable<V> extends Scalar
      ? NonNullable<V>
      : string extends keyof NonNullable<V>
        ? NonNullable<V> // a map
        : Decoded<NonNullable<V>> | null; // a message: null when absent

export type Decoded<T> = { [K in keyof T]-?: Field<T[K]> };
