import type { Kind, ObjectsByKind } from './keys';

/** etcd's key-value as the store reads it. */
export interface RawKeyValue {
  key: Buffer;
  value: Buffer;
  mod_revision: string;
}

/** The stored JSON keeps meta's times; meta.version is etcd's mod_revision and is never stored. */
export function encodeObject(object: ObjectsByKind[Kind]): Buffer {
  const { meta, ...rest } = object;
  return Buffer.from(
    JSON.stringify({ ...rest, meta: { createdAt: meta.createdAt, updatedAt: meta.updatedAt } }),
  );
}

export function decodeObject<K extends Kind>(kv: RawKeyValue): ObjectsByKind[K] {
  const object = JSON.parse(kv.value.toString()) as ObjectsByKind[K];
  object.meta = { ...object.meta, version: Number(kv.mod_revision) };
  return object;
}
