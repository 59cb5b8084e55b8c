import { isDeepStrictEqual } from 'node:util';
import type { ClusterSnapshot, Task } from '@berth/cluster';
import type { Watcher } from 'etcd3';
import { KINDS, type Kind, type ObjectsByKind } from './keys';
import type { AllObjects, Store, StoreEvent } from './store';
import { TaskIndex } from './task-index';

/** Told each change, with the object as it was before (undefined when it is new or unknown). */
type Listener = (event: StoreEvent, previous: ObjectsByKind[Kind] | undefined) => void;

/**
 * Every object in memory, kept current by one watch: what the manager's loops read their
 * snapshots from (swarmkit's memdb over etcd). It holds nothing etcd does not: dropping it and
 * opening a new one gives the same state.
 */
export class StateCache {
  private maps = emptyMaps();
  private tasks = new TaskIndex();
  private specs = new TaskSpecs();
  /** each kind's objects as a list, made once per change of that kind rather than per read */
  private lists = new Map<Kind, unknown[]>();
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

  /** A list shared by every caller until the next change of KIND: never change it. */
  list<K extends Kind>(kind: K): readonly ObjectsByKind[K][] {
    let list = this.lists.get(kind);
    if (!list) this.lists.set(kind, (list = [...this.maps[kind].values()]));
    return list as readonly ObjectsByKind[K][];
  }

  /** One service's tasks (those of a service gone too, until they are removed). */
  tasksOf(serviceId: string): Task[] {
    return this.tasks.ofService(serviceId);
  }

  /** How many tasks SERVICE_ID has. */
  taskCountOf(serviceId: string): number {
    return this.tasks.countOf(serviceId);
  }

  /** The ids of the services that have tasks, those removed included. */
  servicesWithTasks(): string[] {
    return this.tasks.services();
  }

  /** The tasks whose nodeId is NODE_ID, in any state. */
  tasksOnNode(nodeId: string): Task[] {
    return this.tasks.onNode(nodeId);
  }

  /** The services with some task on NODE_ID. */
  servicesOnNode(nodeId: string): Set<string> {
    return this.tasks.servicesOnNode(nodeId);
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
    this.specs = new TaskSpecs();
    for (const task of objects.tasks) this.specs.share(before.tasks.get(task.id), task);
    this.maps = mapsOf(objects);
    this.tasks = new TaskIndex(this.maps.tasks.values());
    this.lists.clear();
    // after a reload, listeners hear what changed while the watch was down, as if they had seen it
    for (const event of changesBetween(before, this.maps, revision)) {
      const previous = before[event.kind].get(event.id);
      for (const listener of this.listeners) listener(event, previous);
    }
    this.advance(revision);
    this.watcher = await this.store.watch(
      revision,
      (event) => this.apply(event),
      (error) => void this.reload(error),
    );
  }

  private apply(event: StoreEvent): void {
    const map = this.maps[event.kind] as Map<string, ObjectsByKind[Kind]>;
    const previous = map.get(event.id);
    if (event.kind === 'tasks') {
      if (event.object) this.specs.share(previous as Task | undefined, event.object as Task);
      this.tasks.put(previous as Task | undefined, event.object as Task | null);
    }
    if (event.object) map.set(event.id, event.object);
    else map.delete(event.id);
    this.lists.delete(event.kind);
    this.advance(event.revision);
    for (const listener of this.listeners) listener(event, previous);
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
 * The spec and ports of the tasks of each service spec version, shared. A task's spec and ports
 * are fixed when it is made (one service spec version, one content), but each status change
 * decodes them anew: a task takes its previous version's objects, or those of another task of the
 * same service spec version when they are equal, so the cache holds one spec per version (a task
 * is then about 500 bytes instead of 1,300) and what is worked out once per spec object
 * (spec-compare's canonical text) is not worked out again per task and per report. The task is
 * fresh from the watch: nobody holds it yet.
 */
class TaskSpecs {
  private readonly byVersion = new Map<string, Pick<Task, 'spec' | 'endpoint'>>();

  share(previous: Task | undefined, next: Task): void {
    if (previous && previous.serviceId === next.serviceId && previous.specVersion === next.specVersion) {
      next.spec = previous.spec;
      next.endpoint = previous.endpoint;
      return;
    }
    const key = `${next.serviceId}/${next.specVersion}`;
    const known = this.byVersion.get(key);
    if (!known) this.byVersion.set(key, { spec: next.spec, endpoint: next.endpoint });
    else if (isDeepStrictEqual(known.spec, next.spec) && isDeepStrictEqual(known.endpoint, next.endpoint)) {
      next.spec = known.spec;
      next.endpoint = known.endpoint;
    }
  }
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
