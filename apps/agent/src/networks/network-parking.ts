/**
 * The parking of stopped task containers' namespaces (the rules: parking.ts): who is parked, for
 * how long, who waits for one, and the taking over by the next container on the same networks.
 * A parked namespace's teardown stays journaled all the while; it goes through NetworkTeardowns
 * once it is due, and not while the parking holds it.
 */
import { Logger } from '@nestjs/common';
import type { ContainerRecord } from '../containers/model';
import type { NetworkAttachment } from './attachment';
import { containerNetns, type Namespaces } from './namespaces';
import type { NetworkCatalog } from './network-catalog';
import type { NetworkTeardowns } from './network-teardowns';
import { PARK_LIMIT, PARK_MS, PARK_WAIT_MS, parkingKey, takingKey } from './parking';
import type { Teardown, TeardownJournal } from './teardown-journal';

/** A stopped task container's namespace waiting for a taker. */
interface Parked {
  teardown: Teardown;
  key: string;
  timer: NodeJS.Timeout;
}

export class NetworkParking {
  private readonly log = new Logger('networks');
  /** Parked namespaces by parking key, oldest first; and by the container they were made for. */
  private readonly parked = new Map<string, Parked[]>();
  private readonly parkedIds = new Set<string>();
  /** Namespaces taken over by containers being started, until claim() hands out their attachments. */
  private readonly taken = new Map<string, Teardown>();
  /** Task containers being stopped, counted by parking key; and who waits for one of them to park. */
  private readonly stopping = new Map<string, number>();
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(
    private readonly teardowns: NetworkTeardowns,
    private readonly journal: TeardownJournal,
    private readonly namespaces: Namespaces,
    private readonly catalog: NetworkCatalog,
  ) {}

  /**
   * C's network released (NetworkTeardowns.release) unless the parking holds it: nothing while it
   * is parked or being taken over; the parked attachments when C took a namespace over and
   * its start failed before claiming them.
   */
  release(c: Teardown): Promise<void> {
    const pending = this.teardowns.pending(c.id);
    if (pending) return pending;
    if (this.parkedIds.has(c.id)) return Promise.resolve(); // the parking's now, until taken or due
    const taken = this.taken.get(c.id);
    if (taken) {
      this.taken.delete(c.id);
      c = { ...c, networks: takenAttachments(taken) };
    }
    return this.teardowns.release(c);
  }

  /**
   * A stopped container's network: parked for the next task container on the same networks when
   * parking.ts allows (journaled as a teardown all the while), else released.
   */
  park(c: ContainerRecord): Promise<void> {
    const key = this.teardowns.pending(c.id) ? null : parkingKey(c, this.catalog.driverOf);
    const pool = key === null ? [] : (this.parked.get(key) ?? []);
    if (key === null || pool.length >= PARK_LIMIT || this.parkedIds.has(c.id)) return this.release(c);
    const teardown: Teardown = { id: c.id, networks: c.networks.map((a) => ({ ...a })), boundPorts: [] };
    this.journal.write(teardown);
    const parked: Parked = { teardown, key, timer: setTimeout(() => this.unpark(parked), PARK_MS) };
    parked.timer.unref();
    pool.push(parked);
    this.parked.set(key, pool);
    this.parkedIds.add(c.id);
    this.wake(key);
    return Promise.resolve();
  }

  /**
   * C, a running container, is being stopped: a container readied meanwhile on the same networks
   * may wait for its namespace (take's WAIT) instead of making one. Call the answer once C has
   * exited (parked or not).
   */
  stoppingContainer(c: ContainerRecord): () => void {
    const key = parkingKey(c, this.catalog.driverOf);
    if (key === null) return () => undefined;
    this.stopping.set(key, (this.stopping.get(key) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const left = (this.stopping.get(key) ?? 1) - 1;
      if (left > 0) this.stopping.set(key, left);
      else this.stopping.delete(key);
      this.wake(key);
    };
  }

  /**
   * A parked namespace for C on NAMES (its own first, after a restart), renamed to be C's; its
   * attachments wait for claim(). Null when there is none, or it could not be moved (then it is
   * taken down and C gets a new one). WAIT: C is readied while the one it replaces stops.
   */
  async take(c: ContainerRecord, names: readonly string[], wait: boolean): Promise<string | null> {
    const key = takingKey(c, names, this.catalog.driverOf);
    if (key === null) return null;
    // a readied container starts only once the one it replaces has stopped: it may as well wait for its namespace
    if (wait && !this.parked.get(key)?.length && this.stopping.has(key)) await this.waitForParking(key);
    const pool = this.parked.get(key);
    if (!pool?.length) return null;
    const parked = pool.find((p) => p.teardown.id === c.id) ?? pool[0];
    this.unpark(parked, true);
    const { teardown } = parked;
    try {
      if (teardown.id !== c.id) {
        await this.namespaces.delete(c.id); // left by a crash
        await this.namespaces.rename(teardown.id, c.id);
      }
    } catch (error) {
      this.log.warn({
        msg: `taking over the network namespace of ${teardown.id.slice(0, 12)}: ${(error as Error).message}`,
        container: teardown.id,
      });
      this.parkedIds.delete(teardown.id);
      void this.release(teardown);
      return null;
    }
    // the journal's teardown would now take down C's namespace: C's record carries it from here
    this.journal.remove(teardown.id);
    this.parkedIds.delete(teardown.id);
    this.taken.set(c.id, teardown);
    return containerNetns(c.id);
  }

  /** The attachments of the namespace container ID took over, as it carries them from now on; once. */
  claim(containerId: string): NetworkAttachment[] | null {
    const taken = this.taken.get(containerId);
    if (!taken) return null;
    this.taken.delete(containerId);
    return takenAttachments(taken);
  }

  /** Every parked namespace taken down now (the agent stops). */
  releaseAll(): void {
    for (const pool of [...this.parked.values()]) for (const parked of [...pool]) this.unpark(parked);
  }

  private wake(key: string): void {
    const waiters = this.waiters.get(key);
    this.waiters.delete(key);
    for (const wake of waiters ?? []) wake();
  }

  /** Until a namespace is parked under KEY or a container stopping under it has exited; at most PARK_WAIT_MS. */
  private waitForParking(key: string): Promise<void> {
    return new Promise((resolve) => {
      const waiters = this.waiters.get(key) ?? new Set<() => void>();
      const timer = setTimeout(wake, PARK_WAIT_MS);
      function wake() {
        clearTimeout(timer);
        waiters.delete(wake);
        resolve();
      }
      waiters.add(wake);
      this.waiters.set(key, waiters);
    });
  }

  /**
   * PARKED out of the pool; its teardown now (still journaled) unless TAKEN. A taken one stays
   * the parking's (release() of the container it was made for does nothing) until take() has
   * renamed it: that container's removal must not take it down half-way.
   */
  private unpark(parked: Parked, taken = false): void {
    clearTimeout(parked.timer);
    const pool = this.parked.get(parked.key) ?? [];
    pool.splice(pool.indexOf(parked), 1);
    if (!pool.length) this.parked.delete(parked.key);
    if (taken) return;
    this.parkedIds.delete(parked.teardown.id);
    void this.release(parked.teardown);
  }
}

/** A parked namespace's attachments as its taker carries them: with the CNI container id DEL must give. */
function takenAttachments(taken: Teardown): NetworkAttachment[] {
  return taken.networks.map((a) => ({ ...a, cniContainerId: a.cniContainerId ?? taken.id }));
}
