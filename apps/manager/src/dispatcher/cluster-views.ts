import type { NetworkView, Task } from '@berth/cluster';
import type { StateCache, StoreEvent } from '@berth/store';
import { isNetworked, NetworkViewBook } from './network-views';

/**
 * The network views of every machine as the cache stands, for the dispatcher: the tasks on
 * networks kept from the events (the only ones views are made of), and the book of views made
 * once per change and dropped when something it shows changes.
 */
export class ClusterViews {
  private readonly networked = new Map<string, Task>();
  private book: NetworkViewBook | null = null;

  constructor(private readonly cache: StateCache) {}

  /** Starts over from the cache. */
  reset(): void {
    this.networked.clear();
    for (const task of this.cache.list('tasks')) if (isNetworked(task)) this.networked.set(task.id, task);
    this.book = null;
  }

  /**
   * Takes EVENT in; true when it may change some machine's views: a network, a service, a node
   * (its address), a task on a network (before or after). Most tasks are on none: their status
   * changes cost the views nothing.
   */
  observe(event: StoreEvent): boolean {
    if (event.kind === 'cluster') return false;
    if (event.kind === 'tasks') {
      const task = event.object as Task | null;
      const was = this.networked.has(event.id);
      if (task && isNetworked(task)) this.networked.set(event.id, task);
      else this.networked.delete(event.id);
      if (!was && !this.networked.has(event.id)) return false;
    }
    this.book = null;
    return true;
  }

  viewsFor(nodeId: string): NetworkView[] {
    this.book ??= new NetworkViewBook({
      nodes: this.cache.list('nodes'),
      services: this.cache.list('services'),
      networks: this.cache.list('networks'),
      tasks: [...this.networked.values()],
      now: Date.now(),
    });
    return this.book.viewsFor(nodeId);
  }
}
