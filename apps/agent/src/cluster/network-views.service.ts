import { Injectable } from '@nestjs/common';
import type { NetworkView } from '@berth/cluster';

/**
 * The overlay networks this machine carries, as the manager last described them (one NetworkView
 * each: peers, endpoints, services). Kept whole, replaced whole; what reads it (the overlay
 * plumbing, DNS and load balancing) hears of each change.
 */
@Injectable()
export class NetworkViewsService {
  private views = new Map<string, NetworkView>();
  private readonly listeners = new Set<(views: ReadonlyMap<string, NetworkView>) => void>();

  replace(views: NetworkView[]): void {
    this.views = new Map(views.map((v) => [v.network.id, v]));
    for (const listener of this.listeners) listener(this.views);
  }

  get(networkId: string): NetworkView | undefined {
    return this.views.get(networkId);
  }

  all(): NetworkView[] {
    return [...this.views.values()];
  }

  onChange(listener: (views: ReadonlyMap<string, NetworkView>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
