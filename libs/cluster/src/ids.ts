import * as crypto from 'node:crypto';

/** A new object id: 25 lowercase base-36 characters, like swarmkit's. */
export function newObjectId(): string {
  let id = '';
  while (id.length < 25) id += crypto.randomBytes(16).readBigUInt64BE().toString(36);
  return id.slice(0, 25);
}
