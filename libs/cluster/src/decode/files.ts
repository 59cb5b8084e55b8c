import type { FileObject, FileObjectSpec, StackSummary } from '../objects';
import { object, optional, string, withDefault } from './decoder';
import { decodeMeta } from './common';
import { entry } from './entry';
import { labels, LIMITS, name, strings } from './limits';

export const decodeFileObjectSpec = entry<FileObjectSpec>(
  'spec',
  object<FileObjectSpec>({ name, labels: withDefault(labels, () => ({})) }),
);

/** A secret or config as the manager shows it: a secret without its data. */
export type FileObjectView = Omit<FileObject, 'data'> & { data?: string };

export const decodeFileObjectView = entry<FileObjectView>(
  'object',
  object<FileObjectView>({
    id: name,
    meta: decodeMeta,
    spec: decodeFileObjectSpec,
    data: optional(string(LIMITS.fileData)),
    digest: name,
  }),
);

/** What a stack deploy or rm did. */
export const decodeStackSummary = entry<StackSummary>(
  'summary',
  object<StackSummary>({
    networks: strings(name),
    created: strings(name),
    updated: strings(name),
    unchanged: strings(name),
    removed: strings(name),
    removedNetworks: optional(strings(name)),
    files: optional(strings(name)),
    removedFiles: optional(strings(name)),
    kept: optional(strings(name)),
  }),
);
