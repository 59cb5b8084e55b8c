import type { TaskChange } from '@berth/cluster';
import type { Kind, KeyLayout, ObjectsByKind } from './keys';
import { encodeObject, type RawKeyValue } from './codec';

/** One object write; update and delete carry the version the object was read at. */
export type Write =
  | { op: 'create'; kind: Kind; object: ObjectsByKind[Kind] }
  | { op: 'update'; kind: Kind; object: ObjectsByKind[Kind] }
  | { op: 'delete'; kind: Kind; object: ObjectsByKind[Kind] };

/** A decision's task change as the store writes it. */
export function taskWrite(change: TaskChange): Write {
  return { op: change.kind, kind: 'tasks', object: change.task };
}

/**
 * Commit unit for decisions about tasks (Store.commit's `unitOf`): a task's write goes with the
 * other writes in its slot — a task stopped and the one replacing it are written together or not
 * at all, so a decision that lost half-way never leaves a slot with two live tasks. Other objects
 * are units of their own.
 */
export function slotUnit(write: Write): string {
  if (write.kind !== 'tasks') return `${write.kind}/${write.object.id}`;
  const task = write.object as ObjectsByKind['tasks'];
  return `tasks/${task.serviceId}/${task.slot || task.nodeId}`;
}

/** The parts of an etcd TxnRequest the store uses (field names as etcd3's RPC types spell them). */
export interface TxnRequest {
  compare: {
    key: Buffer;
    target: 'Create' | 'Mod';
    result: 'Equal';
    create_revision?: number;
    mod_revision?: number;
  }[];
  success: ({ request_put: { key: Buffer; value: Buffer } } | { request_delete_range: { key: Buffer } })[];
  failure: { request_range: { key: Buffer } }[];
}

/**
 * Every write compares first: a create that the key is absent, an update or delete that the key
 * still has the version that was read. On failure the transaction reads the keys back, so one
 * round trip tells which writes lost.
 */
export function buildTxn(layout: KeyLayout, writes: readonly Write[], now: number): TxnRequest {
  const txn: TxnRequest = { compare: [], success: [], failure: [] };
  for (const write of writes) {
    const key = Buffer.from(layout.objectKey(write.kind, write.object.id));
    if (write.op === 'create')
      txn.compare.push({ key, target: 'Create', result: 'Equal', create_revision: 0 });
    else txn.compare.push({ key, target: 'Mod', result: 'Equal', mod_revision: write.object.meta.version });
    if (write.op === 'delete') txn.success.push({ request_delete_range: { key } });
    else txn.success.push({ request_put: { key, value: encodeObject(stamped(write, now)) } });
    txn.failure.push({ request_range: { key } });
  }
  return txn;
}

function stamped(write: Write, now: number): ObjectsByKind[Kind] {
  const meta = write.object.meta;
  if (write.op === 'create')
    return { ...write.object, meta: { version: 0, createdAt: meta.createdAt || now, updatedAt: now } };
  return { ...write.object, meta: { ...meta, updatedAt: now } };
}

/**
 * The revision at which TXN was in fact committed, when what its failure read back (one range
 * answer per write) is exactly what it puts, and nothing where it deletes; null otherwise. The
 * etcd client retries a call whose answer it lost (a deadline passed while etcd was slow), and
 * the retry's compares then fail against the first attempt's own writes: those did not lose.
 * Values carry their write's time and ids, so another writer's equal bytes are not a worry.
 */
export function committedEarlier(
  txn: TxnRequest,
  current: readonly (RawKeyValue | undefined)[],
): number | null {
  let revision: number | null = null;
  for (const [i, op] of txn.success.entries()) {
    const kv = current[i];
    if ('request_delete_range' in op) {
      if (kv !== undefined) return null;
      continue;
    }
    if (kv === undefined || !kv.value.equals(op.request_put.value)) return null;
    revision = Number(kv.mod_revision);
  }
  return revision;
}

/** Given what the failed transaction read back (one range answer per write), the writes that lost. */
export function lostWrites(writes: readonly Write[], current: readonly (RawKeyValue | undefined)[]): Write[] {
  return writes.filter((write, i) => {
    const kv = current[i];
    if (write.op === 'create') return kv !== undefined;
    return kv === undefined || Number(kv.mod_revision) !== write.object.meta.version;
  });
}

/** The objects as they are after a successful commit at `revision`. */
export function committedObjects(
  writes: readonly Write[],
  revision: number,
  now: number,
): ObjectsByKind[Kind][] {
  return writes
    .filter((w) => w.op !== 'delete')
    .map((w) => {
      const object = stamped(w, now);
      return { ...object, meta: { ...object.meta, version: revision } };
    });
}
