import * as fs from 'node:fs';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { StateCache, Store, type CommitResult, type Write } from '@berth/store';
import { ManagerConfigError, type ManagerConfig } from '../config';
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
      tls: etcdTls(config.etcdTls),
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

/** The PEM files of --etcd-cacert, --etcd-cert and --etcd-key, read; none without a CA. */
function etcdTls(files: ManagerConfig['etcdTls']): { ca: Buffer; cert?: Buffer; key?: Buffer } | undefined {
  if (!files.caFile) return undefined;
  const read = (file: string, flag: string) => {
    try {
      return fs.readFileSync(file);
    } catch (error) {
      throw new ManagerConfigError(`${flag} ${file}: ${(error as Error).message}`, { cause: error });
    }
  };
  return {
    ca: read(files.caFile, '--etcd-cacert'),
    cert: files.certFile ? read(files.certFile, '--etcd-cert') : undefined,
    key: files.keyFile ? read(files.keyFile, '--etcd-key') : undefined,
  };
}
