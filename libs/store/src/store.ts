import {
  circuitBreaker,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  isBrokenCircuitError,
  retry,
} from 'cockatiel';
import {
  Etcd3,
  GRPCDeadlineExceededError,
  GRPCUnavailableError,
  GRPCUnknownError,
  isRecoverableError,
  type IKeyValue,
  type IResponseOp,
  type Watcher,
} from 'etcd3';
import { decodeObject, type RawKeyValue } from './codec';
import { ConflictError, StoreUnavailableError } from './errors';
import { DEFAULT_ROOT, KeyLayout, KINDS, prefixEnd, type Kind, type ObjectsByKind } from './keys';
import { buildTxn, committedEarlier, committedObjects, lostWrites, type Write } from './writes';

/** Transactions one commit keeps in flight at once. */
const COMMITS_IN_FLIGHT = 4;

export interface StoreOptions {
  endpoints: string[];
  root?: string;
  /** etcd's --max-txn-ops (default 128): larger commits are split */
  maxTxnOps?: number;
  /** told of every request the store makes (metrics) */
  onRequest?: RequestObserver;
  /**
   * TLS to etcd (PEM): the CA of etcd's certificate, and a client certificate and key when etcd
   * asks for one (--client-cert-auth). Endpoints without a scheme are then https://.
   */
  tls?: { ca: Buffer; cert?: Buffer; key?: Buffer };
}

/** What the store's requests to etcd are: the range reads and the write transactions. */
export type StoreRequest = 'get' | 'list' | 'read-all' | 'txn' | 'compact';

/** A request's operation, how long it took, and whether it failed. */
export type RequestObserver = (request: StoreRequest, seconds: number, failed: boolean) => void;

export interface CommitResult {
  revision: number;
  /** the written objects with their new versions (deletes excluded) */
  written: ObjectsByKind[Kind][];
  /** writes that lost to a concurrent change; the caller re-reads and decides again */
  conflicts: Write[];
}

export type AllObjects = { [K in Kind]: ObjectsByKind[K][] };

export interface StoreEvent {
  type: 'put' | 'delete';
  kind: Kind;
  id: string;
  /** the new value; null for deletes */
  object: ObjectsByKind[Kind] | null;
  revision: number;
}

/**
 * How the etcd client rides out an outage. Its defaults wait too long for a control plane: a
 * host's circuit stays open 5 s after three failures, and a broken watch waits up to 30 s between
 * tries, so after etcd came back the managers' caches (and every write waiting to be seen) lagged
 * for seconds, long enough for agents to look silent. Here a host is tried again after 1 s and a
 * watch reconnects within 1 s; calls get three tries across hosts, 100 ms apart and growing (a
 * host whose circuit is open is tried again once it half-opens). A call waits at most
 * CALL_DEADLINE_MS: a write that reached a member just as etcd's leader died is otherwise lost
 * with the old leader and answered only at etcd's request timeout (7 s), while a new leader was
 * elected in about one.
 */
type WatchBackoff = NonNullable<
  NonNullable<ConstructorParameters<typeof Etcd3>[0]>['faultHandling']
>['watchBackoff'];

const CALL_DEADLINE_MS = 2000;

const FAULT_HANDLING = () => ({
  host: () =>
    circuitBreaker(handleWhen(isRecoverableError), {
      halfOpenAfter: 1000,
      breaker: new ConsecutiveBreaker(3),
    }),
  global: retry(
    handleWhen((error) => isRecoverableError(error) || isBrokenCircuitError(error)),
    { maxAttempts: 3, backoff: new ExponentialBackoff({ initialDelay: 100, maxDelay: 1000 }) },
  ),
  // what etcd3 itself puts there by default (it calls next() for the first delay), typed as it expects
  watchBackoff: new ExponentialBackoff({ initialDelay: 100, maxDelay: 1000 }) as unknown as WatchBackoff,
});

/** The only code that talks to etcd (DESIGN.md, `libs/store`). */
export class Store {
  private constructor(
    readonly client: Etcd3,
    readonly layout: KeyLayout,
    readonly endpoints: string[],
    private readonly maxTxnOps: number,
    private readonly onRequest: RequestObserver,
  ) {}

  static async connect(options: StoreOptions): Promise<Store> {
    const scheme = options.tls ? 'https' : 'http';
    const hosts = options.endpoints.map((e) => (e.includes('://') ? e : `${scheme}://${e}`));
    const tls = options.tls;
    const client = new Etcd3({
      hosts,
      ...(tls && {
        credentials: { rootCertificate: tls.ca, certChain: tls.cert, privateKey: tls.key },
      }),
      dialTimeout: 3000,
      faultHandling: FAULT_HANDLING(),
      defaultCallOptions: (context) => (context.isStream ? {} : { deadline: Date.now() + CALL_DEADLINE_MS }),
    });
    const store = new Store(
      client,
      new KeyLayout(options.root ?? DEFAULT_ROOT),
      options.endpoints,
      options.maxTxnOps ?? 128,
      options.onRequest ?? (() => undefined),
    );
    try {
      await client.maintenance.status({ deadline: Date.now() + 5000 });
    } catch (error) {
      client.close();
      throw new StoreUnavailableError(options.endpoints, error);
    }
    return store;
  }

  close(): void {
    this.client.close();
  }

  async get<K extends Kind>(kind: K, id: string): Promise<ObjectsByKind[K] | null> {
    const key = Buffer.from(this.layout.objectKey(kind, id));
    const { kvs } = await this.guard('get', () => this.client.kv.range({ key }));
    return kvs.length ? decodeObject<K>(kvs[0] as RawKeyValue) : null;
  }

  async list<K extends Kind>(kind: K): Promise<ObjectsByKind[K][]> {
    const prefix = this.layout.kindPrefix(kind);
    const { kvs } = await this.guard('list', () =>
      this.client.kv.range({ key: Buffer.from(prefix), range_end: prefixEnd(prefix) }),
    );
    return kvs.map((kv) => decodeObject<K>(kv as RawKeyValue));
  }

  /**
   * Drops etcd's history below REVISION (every key's older versions): without it the database
   * keeps every status a task ever had and grows to etcd's quota. Watches already past it go on.
   */
  async compact(revision: number): Promise<void> {
    await this.guard('compact', () => this.client.kv.compact({ revision: String(revision) }));
  }

  /** Every object, read at one revision (the start of a watch that follows it). */
  async readAll(): Promise<{ revision: number; objects: AllObjects }> {
    const root = this.layout.root;
    const answer = await this.guard('read-all', () =>
      this.client.kv.range({ key: Buffer.from(root), range_end: prefixEnd(root) }),
    );
    const objects = Object.fromEntries(KINDS.map((k) => [k, []])) as unknown as AllObjects;
    for (const kv of answer.kvs) {
      const where = this.layout.parse(kv.key.toString());
      if (where) (objects[where.kind] as unknown[]).push(decodeObject(kv as RawKeyValue));
    }
    return { revision: Number(answer.header.revision), objects };
  }

  /**
   * Writes with optimistic concurrency. Non-atomic commits are split into transactions of at
   * most maxTxnOps writes; a write that lost is reported, the others are retried without it.
   * With `unitOf`, writes of one unit (say, a task stopped and the one replacing it) are never
   * split and never written without each other: a unit with a write that lost is left out whole,
   * all its writes reported. Atomic commits are one transaction: all or nothing, ConflictError if
   * any lost.
   */
  async commit(
    writes: readonly Write[],
    options: { atomic?: boolean; unitOf?: (write: Write) => string } = {},
  ): Promise<CommitResult> {
    const result: CommitResult = { revision: 0, written: [], conflicts: [] };
    if (options.atomic && writes.length > this.maxTxnOps)
      throw new Error(
        `an atomic commit holds at most ${this.maxTxnOps} writes (etcd --max-txn-ops), got ${writes.length}`,
      );
    const unitOf = options.unitOf;
    const chunks = packUnits(writes, unitOf, this.maxTxnOps);
    // several transactions in flight let etcd commit them together (one fsync for many)
    let next = 0;
    const worker = async () => {
      while (next < chunks.length) await this.commitChunk(chunks[next++], !!options.atomic, result, unitOf);
    };
    await Promise.all(Array.from({ length: Math.min(COMMITS_IN_FLIGHT, chunks.length) }, worker));
    return result;
  }

  /** One transaction; writes that lost (and their units' other writes) are left out and the rest tried again. */
  private async commitChunk(
    writes: Write[],
    atomic: boolean,
    result: CommitResult,
    unitOf?: (write: Write) => string,
  ): Promise<void> {
    let chunk = writes;
    while (chunk.length > 0) {
      const now = Date.now();
      const txn = buildTxn(this.layout, chunk, now);
      const answer = await this.guard('txn', () => this.client.kv.txn(txn));
      const revision = Number(answer.header.revision);
      result.revision = Math.max(result.revision, revision);
      if (answer.succeeded) {
        result.written.push(...committedObjects(chunk, revision, now));
        return;
      }
      const current = answer.responses.map(firstKv);
      const earlier = committedEarlier(txn, current);
      if (earlier !== null) {
        result.written.push(...committedObjects(chunk, earlier, now));
        return;
      }
      const lost = lostWrites(chunk, current);
      if (atomic) throw new ConflictError(lost.map((w) => this.layout.objectKey(w.kind, w.object.id)));
      const lostUnits = new Set(unitOf ? lost.map(unitOf) : []);
      const left = chunk.filter(
        (w) => lost.includes(w) || (unitOf !== undefined && lostUnits.has(unitOf(w))),
      );
      result.conflicts.push(...left);
      chunk = chunk.filter((w) => !left.includes(w));
    }
  }

  /** Follows every object change after `afterRevision`, in order. */
  async watch(
    afterRevision: number,
    onEvent: (event: StoreEvent) => void,
    onError: (error: Error) => void,
  ): Promise<Watcher> {
    const watcher = await this.client
      .watch()
      .prefix(this.layout.root)
      .startRevision(String(afterRevision + 1))
      .create();
    // etcd3 resumes a broken stream from the revision in the last response's header, which is
    // etcd's current one, ahead of the events delivered so far when the watcher is catching up:
    // the events between were lost without a word. Resume from the last event delivered instead
    // (etcd sends all of a revision's events in one response), as etcd's Go client does.
    let next = afterRevision + 1;
    const deliver = (type: StoreEvent['type'], kv: IKeyValue) => {
      next = Math.max(next, Number(kv.mod_revision) + 1);
      this.emit(type, kv, onEvent);
    };
    const resumeAfterLastEvent = () => {
      watcher.request.start_revision = String(next);
    };
    watcher.on('put', (kv) => deliver('put', kv));
    watcher.on('delete', (kv) => deliver('delete', kv));
    watcher.on('data', resumeAfterLastEvent); // after etcd3's own listener, which set the header's
    watcher.on('connected', resumeAfterLastEvent);
    watcher.on('error', onError);
    return watcher;
  }

  private emit(type: StoreEvent['type'], kv: IKeyValue, onEvent: (event: StoreEvent) => void): void {
    const where = this.layout.parse(kv.key.toString());
    if (!where) return;
    const object = type === 'put' ? decodeObject(kv as RawKeyValue) : null;
    onEvent({ type, ...where, object, revision: Number(kv.mod_revision) });
  }

  private async guard<T>(request: StoreRequest, call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      const answer = await call();
      this.onRequest(request, (performance.now() - started) / 1000, false);
      return answer;
    } catch (error) {
      this.onRequest(request, (performance.now() - started) / 1000, true);
      if (storeUnavailable(error)) throw new StoreUnavailableError(this.endpoints, error);
      throw error;
    }
  }
}

/**
 * etcd away, or without a quorum: no member answers, every host's circuit is open, or the members
 * that answer cannot commit ("context deadline exceeded", "etcdserver: no leader", …).
 */
export function storeUnavailable(error: unknown): boolean {
  if (error instanceof GRPCUnavailableError || error instanceof GRPCDeadlineExceededError) return true;
  if (isBrokenCircuitError(error)) return true;
  return (
    error instanceof GRPCUnknownError &&
    /deadline exceeded|request timed out|no leader|leader changed|timed out/i.test(error.message)
  );
}

function firstKv(response: IResponseOp): RawKeyValue | undefined {
  return response.response_range?.kvs?.[0] as RawKeyValue | undefined;
}

/** WRITES in chunks of at most MAX, each unit whole in one chunk, in the order units first appear (without UNIT_OF, each write is a unit). */
export function packUnits(
  writes: readonly Write[],
  unitOf: ((write: Write) => string) | undefined,
  max: number,
): Write[][] {
  const units = new Map<string | number, Write[]>();
  for (const [i, write] of writes.entries()) {
    const key = unitOf ? unitOf(write) : i;
    const unit = units.get(key);
    if (unit) unit.push(write);
    else units.set(key, [write]);
  }
  const chunks: Write[][] = [];
  let chunk: Write[] = [];
  for (const [key, unit] of units) {
    if (unit.length > max)
      throw new Error(`the ${unit.length} writes of ${key} are more than one transaction holds (${max})`);
    if (chunk.length + unit.length > max) {
      chunks.push(chunk);
      chunk = [];
    }
    chunk.push(...unit);
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}
