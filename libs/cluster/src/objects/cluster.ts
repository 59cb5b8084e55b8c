import type { Meta } from './common';

export interface ClusterSettings {
  /** a node that sends no heartbeat for this long is down (swarm's dispatcher heartbeat period × grace) */
  heartbeatGraceMs: number;
  /** dead tasks kept per slot (`docker swarm update --task-history-limit`) */
  taskHistoryLimit: number;
}

/** The one cluster object, made by `berth cluster init`. */
export interface Cluster {
  id: string;
  meta: Meta;
  settings: ClusterSettings;
  /** the cluster CA: certificate in clear, key sealed with the managers' unlock key */
  ca: { certPem: string; sealedKey: string };
  joinTokens: { worker: string; manager: string };
  /**
   * the key secrets are sealed with in etcd (32 random bytes, base64), itself sealed with the
   * managers' unlock key; made with the first secret
   */
  sealedDataKey?: string;
}
