import type { ClusterSnapshot, Task } from '@berth/cluster';
import type { Watcher } from 'etcd3';
import { KINDS, type Kind, type ObjectsByKind } from './keys';
import type { AllObjects, Store, StoreEvent } from './store';

type Listener = (event: StoreEvent) => void;

/**
 * Every object in memory, kept current by one watch: what the manager's loops read their
 * snapshots from (swarmkit's memdb over etcd). It holds nothing etcd does not: dropping it and
 * opening a new one gives the same state.
 */
export class StateCache {
  private maps = emptyMaps();
  private revisionSeen = 0;
  private watcher: Watcher | null = null;
  private listeners = new Set<Listener>();
  private waiters: { revision: number; resolve: () => void }[] = [];
  private closed = false;

  private constructor(private readonly store: Store) {}

  static async open(store: Store): Promise<StateCache> {
    const cache = new StateCache(store);
    await cache.load();
    return cache;
  }

  get revision(): number {
    return this.revisionSeen;
  }

  get<K extends Kind>(kind: K, id: string): ObjectsByKind[K] | undefined {
    return this.maps[kind].get(id) as ObjectsByKind[K] | undefined;
  }

  list<K extends Kind>(kind: K): ObjectsByKind[K][] {
    return [...this.maps[kind].values()] as ObjectsByKind[K][];
  }

  /** Objects are replaced, never changed in place, so a snapshot shares them safely. */
  snapshot(now: number): ClusterSnapshot {
    return {
      nodes: this.list('nodes'),
      services: this.list('services'),
      tasks: this.list('tasks'),
      networks: this.list('networks'),
      now,
    };
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once the cache has seen `revision` (read your own writes before deciding again). */
  waitFor(revision: number): Promise<void> {
    if (revision <= this.revisionSeen) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ revision, resolve }));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.watcher?.cancel();
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters = [];
  }

  private async load(): Promise<void> {
    const { revision, objects } = await this.store.readAll();
    const before = this.maps;
    this.maps = mapsOf(objects);
    // after a reload, listeners hear what changed while the watch was down, as if they had seen it
    for (const event of changesBetween(before, this.maps, revision))
      for (const listener of this.listeners) listener(event);
    this.advance(revision);
    this.watcher = await this.store.watch(
      revision,
      (event) => this.apply(event),
      (error) => void this.reload(error),
    );
  }

  private apply(event: StoreEvent): void {
    const map = this.maps[event.kind] as Map<string, unknown>;
    if (event.kind === 'tasks' && event.object)
      keepTaskSpec(map.get(event.id) as Task | undefined, event.object as Task);
    if (event.object) map.set(event.id, event.object);
    else map.delete(event.id);
    this.advance(event.revision);
    for (const listener of this.listeners) listener(event);
  }

  /** The watch broke (etcd compacted past it, or restarted): read everything again. */
  private async reload(error: Error): Promise<void> {
    if (this.closed) return;
    process.stderr.write(`berth: store watch failed (${error.message}); reloading state from etcd\n`);
    await this.watcher?.cancel().catch(() => undefined);
    this.watcher = null;
    // etcd may be away for a while: keep trying, what is in memory meanwhile serves reads
    for (let waitMs = 200; !this.closed; waitMs = Math.min(waitMs * 2, 2000)) {
      try {
        return await this.load();
      } catch (reason) {
        process.stderr.write(
          `berth: reloading state from etcd failed (${(reason as Error).message}); trying again\n`,
        );
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    }
  }

  private advance(revision: number): void {
    if (revision <= this.revisionSeen) return;
    this.revisionSeen = revision;
    const ready = this.waiters.filter((w) => w.revision <= revision);
    this.waiters = this.waiters.filter((w) => w.revision > revision);
    for (const waiter of ready) waiter.resolve();
  }
}

/** The events that turn BEFORE into AFTER (objects compared by their version), at REVISION. */
function changesBetween(before: Maps, after: Maps, revision: number): StoreEvent[] {
  const events: StoreEvent[] = [];
  for (const kind of KINDS) {
    const old = before[kind] as Map<string, { meta: { version: number } }>;
    const now = after[kind] as Map<string, { meta: { version: number } }>;
    for (const [id, object] of now)
      if (old.get(id)?.meta.version !== object.meta.version)
        events.push({ type: 'put', kind, id, object: object as StoreEvent['object'], revision });
    for (const id of old.keys())
      if (!now.has(id)) events.push({ type: 'delete', kind, id, object: null, revision });
  }
  return events;
}

/**
 * A task's spec and ports are fixed when it is made (one service spec version, one content), but
 * each status change decodes them anew: NEXT takes PREVIOUS's objects instead, so what is worked
 * out once per spec object (spec-compare's canonical text) is not worked out again for every
 * report of the task's progress. NEXT is fresh from the watch: nobody holds it yet.
 */
function keepTaskSpec(previous: Task | undefined, next: Task): void {
  if (!previous || previous.serviceId !== next.serviceId || previous.specVersion !== next.specVersion) return;
  next.spec = previous.spec;
  next.endpoint = previous.endpoint;
}

type Maps = { [K in Kind]: Map<string, ObjectsByKind[K]> };

function emptyMaps(): Maps {
  return Object.fromEntries(KINDS.map((k) => [k, new Map()])) as unknown as Maps;
}

function mapsOf(objects: AllObjects): Maps {
  const maps = emptyMaps();
  for (const kind of KINDS)
    for (const object of objects[kind]) (maps[kind] as Map<string, unknown>).set(object.id, object);
  return maps;
}
