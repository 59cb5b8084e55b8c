import { posix } from 'node:path';
import type { Meta } from './common';

/** `berth secret create`, `berth config create`, or a stack's `secrets:` and `configs:`. */
export type FileObjectKind = 'secrets' | 'configs';

/** "secret" or "config", for messages. */
export const FILE_OBJECT_WORD: Record<FileObjectKind, string> = { secrets: 'secret', configs: 'config' };

/**
 * Where a reference's file goes in the container, as swarm places it: a secret under
 * /run/secrets unless its target is absolute, a config at the root.
 */
export function fileTarget(kind: FileObjectKind, target: string): string {
  return posix.resolve(kind === 'secrets' ? '/run/secrets' : '/', target);
}

export interface FileObjectSpec {
  /** unique among objects of its kind; services refer to it by this name */
  name: string;
  labels: Record<string, string>;
}

/**
 * A secret or a config: content a service's tasks receive as files. Immutable once made, as in
 * swarm: a new content is a new object under a new name.
 */
export interface FileObject {
  id: string;
  meta: Meta;
  spec: FileObjectSpec;
  /** secrets: the content sealed with the cluster's data key; configs: the content, base64 */
  data: string;
  /** sha256 of the content, hex: tells whether a stack's file changed without opening the secret */
  digest: string;
}

/**
 * The content of each secret and config a task uses, as the dispatcher hands it to the task's
 * machine (never stored: a secret is in clear only in a manager's memory, the wire's TLS, and the
 * machine's tmpfs).
 */
export interface FileContent {
  kind: FileObjectKind;
  name: string;
  /** base64 */
  data: string;
}
