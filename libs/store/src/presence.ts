import type { Lease } from 'etcd3';
import type { Store } from './store';

/**
 * Keys that live only as long as the process that put them: an etcd lease it keeps alive. They
 * say who is up right now — which managers run, which manager holds each agent's session — and
 * vanish on their own when it dies. A lease lost while etcd was away is granted again and the
 * process's keys are put back, so an outage is waited out here too. Not objects: the state cache
 * does not see them (they are under `<root>presence/`, outside every kind).
 */
export class Presence {
  private lease: Lease | null = null;
  /** what this process says: path → value, put again under each new lease */
  private readonly owned = new Map<string, string>();
  private closed = false;
  private renewing: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly ttlSeconds: number,
  ) {}

  private key(path: string): string {
    return `${this.store.layout.root}presence/${path}`;
  }

  /** Grants the lease (again, until it works) and puts back what this process says. */
  start(): Promise<void> {
    this.renewing ??= this.renew().finally(() => (this.renewing = null));
    return this.renewing;
  }

  private async renew(): Promise<void> {
    for (let waitMs = 250; !this.closed; waitMs = Math.min(waitMs * 2, 2000)) {
      const lease = this.store.client.lease(this.ttlSeconds, { autoKeepAlive: true });
      try {
        await lease.grant();
        lease.on('lost', () => {
          if (this.lease !== lease || this.closed) return;
          this.lease = null;
          void this.start();
        });
        this.lease = lease;
        await Promise.all(
          [...this.owned].map(([path, value]) => lease.put(this.key(path)).value(value).exec()),
        );
        return;
      } catch {
        lease.release();
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    }
  }

  /**
   * Says PATH = VALUE while this process lives; with etcd away, once it is back. A put that fails
   * (etcd slow or briefly away, the lease fine) is tried again until it holds, for as long as this
   * process still says it: a session nobody hears of gets its node marked down.
   */
  async set(path: string, value: string): Promise<void> {
    this.owned.set(path, value);
    for (let waitMs = 100; ; waitMs = Math.min(waitMs * 2, 2000)) {
      const lease = this.lease;
      if (!lease || this.closed) return; // the renewal puts it
      try {
        await lease.put(this.key(path)).value(value).exec();
        return;
      } catch {
        // a lost lease is renewed, with this in it; else try again while it is still ours
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        if (this.owned.get(path) !== value) return;
      }
    }
  }

  /** Takes back PATH, if it still says what this process put there (another may have taken it over). */
  async clear(path: string): Promise<void> {
    const value = this.owned.get(path);
    this.owned.delete(path);
    if (value === undefined) return;
    const key = this.key(path);
    await this.store.client
      .if(key, 'Value', '==', value)
      .then(this.store.client.delete().key(key))
      .commit()
      .catch(() => undefined); // etcd away: the lease's end takes it
  }

  /** What every process says under PREFIX now: path (after the prefix) → value. */
  async list(prefix: string): Promise<Map<string, string>> {
    const all = await this.store.client.getAll().prefix(this.key(prefix)).strings();
    const start = this.key(prefix).length;
    return new Map(Object.entries(all).map(([key, value]) => [key.slice(start), value]));
  }

  /**
   * Follows what is said under PREFIX: ON_CHANGE gets the whole of it after each change (and
   * first as it is). Read again when the watch breaks. Returns the stop. The map is changed in
   * place by each event (thousands of sessions said one after another must not cost a copy of
   * all of them each): read it when told, or keep it as a live view, but do not change it.
   */
  follow(
    prefix: string,
    /** CHANGED: the path put or deleted; absent when the whole was (re)read */
    onChange: (now: ReadonlyMap<string, string>, changed?: string) => void,
  ): () => void {
    let stopped = false;
    let current = new Map<string, string>();
    const start = this.key(prefix).length;
    let cancel: (() => void) | null = null;
    const run = async () => {
      for (let waitMs = 250; !stopped; waitMs = Math.min(waitMs * 2, 2000)) {
        try {
          const watcher = await this.store.client.watch().prefix(this.key(prefix)).create();
          cancel = () => void watcher.cancel().catch(() => undefined);
          current = await this.list(prefix);
          onChange(current);
          watcher.on('put', (kv) => {
            const path = kv.key.toString().slice(start);
            current.set(path, kv.value.toString());
            onChange(current, path);
          });
          watcher.on('delete', (kv) => {
            const path = kv.key.toString().slice(start);
            current.delete(path);
            onChange(current, path);
          });
          await new Promise<void>((resolve) => {
            watcher.on('error', () => resolve());
            watcher.on('disconnected', () => resolve());
          });
          cancel();
        } catch {
          // etcd away: try again
        }
        if (!stopped) await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    };
    void run();
    return () => {
      stopped = true;
      cancel?.();
    };
  }

  /** Takes back everything this process says, at once. */
  async close(): Promise<void> {
    this.closed = true;
    const lease = this.lease;
    this.lease = null;
    this.owned.clear();
    if (lease)
      await Promise.race([
        lease.revoke().catch(() => undefined),
        new Promise((r) => setTimeout(r, 2000).unref()),
      ]);
  }
}
