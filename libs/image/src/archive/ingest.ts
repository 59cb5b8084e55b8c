/**
 * New layers made here (import, load, build): from an uncompressed tar
 * stream or from a directory, each becomes a gzipped blob (its digest), a
 * diff id (the digest of the tar) and a layer directory, in one pass.
 */
import * as fs from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { HashingStream, type Digest } from '../digest';
import { destroyAll, extractAndDrain, gzip } from '../streams';
import { chainIdOf } from '../oci/chain';
import { MEDIA_TYPE } from '../oci/types';
import type { BlobStore } from '../store/blob-store';
import type { LayerStore } from '../store/layer-store';
import type { LayerRef } from '../store/metadata';
import { layerEntries } from './layer';
import { packTar } from './tar';

export interface IngestDeps {
  blobs: BlobStore;
  layers: LayerStore;
}

/** An uncompressed layer tar → blob, diff id and unpacked layer on top of PARENT. */
export async function ingestTar(deps: IngestDeps, tar: Readable, parent: Digest | null): Promise<LayerRef> {
  const diffHash = new HashingStream();
  const toExtract = new PassThrough({ highWaterMark: 1 << 20 });
  const toBlob = new PassThrough({ highWaterMark: 1 << 20 });
  const deflate = gzip();
  const stopAll = (error: Error) => destroyAll([tar, diffHash, toExtract, toBlob, deflate], error);
  tar.on('error', stopAll);
  tar.pipe(diffHash);
  diffHash.pipe(toExtract);
  diffHash.pipe(toBlob);
  const scratch = deps.layers.scratch();
  try {
    const extracting = extractAndDrain(toExtract, scratch);
    const storing = deps.blobs.write(toBlob.pipe(deflate));
    extracting.catch(stopAll);
    storing.catch(stopAll);
    const [extracted, blob] = await Promise.all([extracting, storing]);
    const diffId = diffHash.digest();
    const chainId = chainIdOf(parent, diffId);
    deps.layers.adopt(scratch, {
      chainId,
      diffId,
      parent,
      size: extracted.size,
      opaqueDirs: extracted.opaqueDirs,
    });
    return { blob: blob.digest, mediaType: MEDIA_TYPE.ociLayerGzip, size: blob.size, diffId, chainId };
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A directory (a build step's overlay upper dir, or a COPY result) → blob and
 * diff id from packing it; the directory itself becomes the layer, by rename.
 */
export async function ingestDir(
  deps: IngestDeps,
  dir: string,
  opaqueDirs: string[],
  parent: Digest | null,
): Promise<LayerRef> {
  const diffHash = new HashingStream();
  let size = 0;
  const entries = [...layerEntries(dir, opaqueDirs)];
  for (const e of entries) if (e.header.type === 'file') size += e.header.size;
  const tar = Readable.from(packTar(entries));
  const blob = await deps.blobs.write(tar.pipe(diffHash).pipe(gzip()));
  const diffId = diffHash.digest();
  const chainId = chainIdOf(parent, diffId);
  deps.layers.adopt(dir, { chainId, diffId, parent, size, opaqueDirs });
  return { blob: blob.digest, mediaType: MEDIA_TYPE.ociLayerGzip, size: blob.size, diffId, chainId };
}
