/**
 * The image store's index: images (by manifest digest), tags, the build cache
 * and where blobs are known to live remotely.
 * One JSON file, read-modify-written under a lock and replaced atomically.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Digest } from '../digest';
import type { Platform } from '../oci/types';
import { writeFileAtomic } from './atomic';
import { withLockSync } from './lock';

export interface LayerRef {
  /** The (usually compressed) blob as the manifest lists it. */
  blob: Digest;
  mediaType: string;
  size: number;
  diffId: Digest;
  chainId: Digest;
}

export interface ImageRecord {
  manifestDigest: Digest;
  manifestMediaType: string;
  /** Docker's image id. */
  configDigest: Digest;
  layers: LayerRef[];
  platform: Platform;
  created?: string;
  /** Bytes of unpacked content, for `images` SIZE. */
  size: number;
  /** "localhost:5000/app@sha256:…" for every registry it was pulled from or pushed to. */
  repoDigests: string[];
  addedAt: string;
}

/** What a container or build uses, kept from removal while it exists (Images.hold). */
export interface Holder {
  images: Digest[];
  chains: Digest[];
}

/** A build step's result, found again by the step's cache key. */
export interface CacheEntry {
  layer?: LayerRef;
  /** For the key of a whole stage: the image it produced. */
  image?: Digest;
  createdAt: string;
}

export interface Metadata {
  version: 1;
  images: Record<string, ImageRecord>;
  /** Normalised reference → manifest digest. */
  tags: Record<string, Digest>;
  /** Blob digest → repositories ("domain/path") known to hold it, for cross-repository mounts. */
  blobSources: Record<string, string[]>;
  buildCache: Record<string, CacheEntry>;
}

const EMPTY: Metadata = { version: 1, images: {}, tags: {}, blobSources: {}, buildCache: {} };

export class MetadataStore {
  private readonly file: string;
  private readonly lock: string;

  constructor(root: string) {
    this.file = path.join(root, 'images.json');
    this.lock = path.join(root, '.images.lock');
  }

  read(): Metadata {
    try {
      // holders, once kept here, are the process's own now (Images.hold): an old file's are dropped
      const saved = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Metadata & { holders?: unknown };
      delete saved.holders;
      return { ...EMPTY, ...saved };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(EMPTY);
      throw new Error(`${this.file} is unreadable: ${(error as Error).message}`, { cause: error });
    }
  }

  /** Change the index; FN's result is returned, and its changes saved in one atomic, durable write. */
  update<T>(fn: (m: Metadata) => T): T {
    return withLockSync(this.lock, () => {
      const m = this.read();
      const result = fn(m);
      writeFileAtomic(this.file, JSON.stringify(m));
      return result;
    });
  }
}
