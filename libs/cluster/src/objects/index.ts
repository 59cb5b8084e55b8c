/**
 * The cluster's objects as plain data: what etcd stores (one JSON value per object), what the
 * scheduler and orchestrators reason about, and what the manager's API returns. Durations are
 * milliseconds, sizes bytes, CPUs nano-CPUs (1e9 = one CPU), times epoch milliseconds.
 */

export * from './common';
export * from './node';
export * from './service';
export * from './task';
export * from './network';
export * from './cluster';
export * from './files';
export * from './stack';
