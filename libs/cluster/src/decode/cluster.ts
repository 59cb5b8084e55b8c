import type { Cluster, ClusterSettings } from '../objects';
import { object, optional, string } from './decoder';
import { entry } from './entry';
import { count, decodeMeta, duration } from './common';
import { name, text } from './limits';

/** The cluster object as the manager shows it (`cluster inspect`): its CA without the sealed key. */
export type ClusterView = Omit<Cluster, 'ca'> & { ca: Pick<Cluster['ca'], 'certPem'> };

/** a PEM certificate: a few KiB, more with a long chain */
const pem = string(64 * 1024);

export const decodeClusterView = entry(
  'cluster',
  object<ClusterView>({
    id: name,
    meta: decodeMeta,
    settings: object<ClusterSettings>({ heartbeatGraceMs: duration, taskHistoryLimit: count }),
    ca: object<ClusterView['ca']>({ certPem: pem }),
    joinTokens: object<Cluster['joinTokens']>({ worker: name, manager: name }),
    sealedDataKey: optional(text),
  }),
);
