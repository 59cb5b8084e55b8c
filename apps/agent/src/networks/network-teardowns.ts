/**
 * Taking containers' networks down: every network's CNI DEL, the namespace, the held ports. A
 * release runs in the background (a run's exit status need not wait for it), journaled until
 * done; the container's next start, and starts that publish ports, wait for it (settle).
 */
import { Logger } from '@nestjs/common';
import type { CniAdapter } from './cni-adapter';
import type { OverlayHooks } from './hooks';
import type { HostPorts } from './host-ports';
import { containerNetns, type Namespaces } from './namespaces';
import type { NetworkCatalog } from './network-catalog';
import type { Teardown, TeardownJournal } from './teardown-journal';

export class NetworkTeardowns {
  private readonly log = new Logger('networks');
  /** Teardowns still running, by container. */
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly journal: TeardownJournal,
    private readonly cni: CniAdapter,
    private readonly catalog: NetworkCatalog,
    private readonly namespaces: Namespaces,
    private readonly ports: HostPorts,
    private readonly overlays: OverlayHooks,
  ) {}

  /** The teardown of container ID still running, if any. */
  pending(containerId: string): Promise<void> | undefined {
    return this.running.get(containerId);
  }

  /**
   * C's network taken down in the background, journaled first and until done; nothing when C has
   * nothing to take down (no interface, namespace or held port). Failures are logged, not thrown.
   */
  release(c: Teardown): Promise<void> {
    const pending = this.running.get(c.id);
    if (pending) return pending;
    const attached = c.networks.some((a) => a.cniResult) || this.namespaces.exists(c.id);
    if (!attached && !this.ports.holds(c.id)) return Promise.resolve();
    const snapshot: Teardown = {
      id: c.id,
      networks: c.networks.map((a) => ({ ...a })),
      boundPorts: [...c.boundPorts],
    };
    this.journal.write(snapshot);
    const done = this.detach(snapshot)
      .then(() => this.journal.remove(snapshot.id))
      .catch((error: unknown) =>
        this.log.warn({
          msg: `network teardown of ${c.id.slice(0, 12)}: ${(error as Error).message}`,
          container: c.id,
        }),
      )
      .finally(() => this.running.delete(c.id));
    this.running.set(c.id, done);
    return done;
  }

  /** Every network's DEL, the namespace, the held ports, now. Best effort: the first failure is reported. */
  async detach(c: Teardown): Promise<void> {
    let first: unknown = null;
    const netns = containerNetns(c.id);
    this.overlays.released(c.id);
    for (const [i, a] of c.networks.entries()) {
      const n = this.catalog.find(a.network);
      if (!n) continue;
      try {
        await this.cni.del(c.id, netns, n, a, a.ifname ?? `eth${i}`, i === 0 ? c.boundPorts : []);
      } catch (error) {
        first ??= error;
      }
    }
    await this.namespaces.delete(c.id).catch((error: unknown) => (first ??= error));
    await this.ports.release(c.id);
    if (first) throw first;
  }

  settle(containerId: string): Promise<void> {
    return this.running.get(containerId) ?? Promise.resolve();
  }

  async settleAll(): Promise<void> {
    await Promise.all(this.running.values());
  }
}
