/** Parts every object kind shares. Durations are milliseconds, sizes bytes, CPUs nano-CPUs, times epoch ms. */

/** Set by the store from etcd: `version` is the key's mod_revision, compared on every update. */
export interface Meta {
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface Resources {
  nanoCpus: number;
  memoryBytes: number;
}

/** An address on a network: a service's virtual IP, or a task's own address (CIDR, e.g. 10.0.1.5/24). */
export interface NetworkAddress {
  networkId: string;
  address: string;
}
