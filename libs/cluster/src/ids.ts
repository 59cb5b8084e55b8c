import * as crypto from 'node:crypto';

/** Random bytes drawn 4 KiB at a time: a pass that makes thousands of tasks asks the system once, not per id. */
const pool = Buffer.alloc(4096);
let used = pool.length;

function random64(): bigint {
  if (used + 8 > pool.length) {
    crypto.randomFillSync(pool);
    used = 0;
  }
  const value = pool.readBigUInt64BE(used);
  used += 8;
  return value;
}

/** A new object id: 25 lowercase base-36 characters, like swarmkit's. */
export function newObjectId(): string {
  let id = '';
  while (id.length < 25) id += random64().toString(36);
  return id.slice(0, 25);
}
