import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { StateCache, Store, type CommitResult, type Write } from '@berth/store';
import type { ManagerConfig } from '../config';
import type { ManagerMetrics } from '../metrics/manager-metrics';

/** The manager's view of etcd: the store for writes, the watched cache for reads. */
@Injectable()
export class StateService implements OnModuleDestroy {
  private constructor(
    readonly store: Store,
    readonly cache: StateCache,
  ) {}

  static async open(config: ManagerConfig, metrics: ManagerMetrics): Promise<StateService> {
    const store = await Store.connect({
      endpoints: config.etcdEndpoints,
      root: config.storeRoot,
      onRequest: metrics.etcdRequest,
    });
    return new StateService(store, await StateCache.open(store));
  }

  /** Commits and waits until the cache has seen the result, so the next decision reads it. */
  async commit(
    writes: readonly Write[],
    options: Parameters<Store['commit']>[1] = {},
  ): Promise<CommitResult> {
    const result = await this.store.commit(writes, options);
    await this.cache.waitFor(result.revision);
    return result;
  }

  async onModuleDestroy(): Promise<void> {
    await this.cache.close();
    this.store.close();
  }
}
