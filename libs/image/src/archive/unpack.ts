/**
 * One layer blob → its layer directory: gunzip (when compressed), extract,
 * and check the diff id. With STORE_BLOB the same pass also writes the blob
 * (verified against its digest). Both are committed only if both checks hold.
 */
import { PassThrough, type Readable } from 'node:stream';
import { HashingStream, type Digest } from '../digest';
import { destroyAll, extractAndDrain, gunzip } from '../streams';
import { CorruptContentError, DigestMismatchError, UnsupportedMediaTypeError } from '../errors';
import { GZIP_LAYER_MEDIA_TYPES, PLAIN_LAYER_MEDIA_TYPES, type Descriptor } from '../oci/types';
import type { BlobStore } from '../store/blob-store';
import type { LayerRecord, LayerStore } from '../store/layer-store';

export interface UnpackTarget {
  chainId: Digest;
  diffId: Digest;
  parent: Digest | null;
}

export async function unpackLayer(
  deps: { blobs: BlobStore; layers: LayerStore },
  layer: Pick<Descriptor, 'mediaType' | 'digest' | 'size'>,
  source: Readable,
  storeBlob: boolean,
  target: UnpackTarget,
): Promise<LayerRecord> {
  const gzip = GZIP_LAYER_MEDIA_TYPES.includes(layer.mediaType);
  if (!gzip && !PLAIN_LAYER_MEDIA_TYPES.includes(layer.mediaType))
    throw new UnsupportedMediaTypeError(layer.mediaType, `layer ${layer.digest}`);
  return deps.layers.create(target.chainId, target.diffId, target.parent, async (dir) => {
    const tee = new PassThrough({ highWaterMark: 1 << 20 });
    const inflate = gzip ? gunzip() : new PassThrough();
    const diffHash = new HashingStream();
    // a failure on either side stops both: nothing may wait for bytes that will not come
    const stopAll = (error: Error) => destroyAll([source, tee, inflate, diffHash], error);
    tee.pipe(inflate).on('error', stopAll).pipe(diffHash);
    // with the blob to keep, the blob store passes the verified bytes on to the tee as it writes them
    const storing = storeBlob
      ? deps.blobs.write(source, layer, tee).then(() => undefined)
      : pipeInto(source, tee);
    storing.catch(stopAll);
    const extracting = extractAndDrain(diffHash, dir);
    extracting.catch(stopAll);
    const [stored, extracted] = await Promise.allSettled([storing, extracting]);
    if (stored.status === 'rejected') throw explain(stored.reason, layer.digest);
    if (extracted.status === 'rejected') throw explain(extracted.reason, layer.digest);
    if (diffHash.digest() !== target.diffId)
      throw new DigestMismatchError(target.diffId, diffHash.digest(), 'layer diff id');
    return { size: extracted.value.size, opaqueDirs: extracted.value.opaqueDirs };
  });
}

/** gzip's complaints about a layer mean the layer is corrupt; say which. */
function explain(error: unknown, digest: Digest): unknown {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code.startsWith('Z_'))
    return new CorruptContentError(
      `layer ${digest} is corrupt (gzip: ${(error as Error).message}); nothing of it was stored`,
    );
  return error;
}

function pipeInto(source: Readable, target: PassThrough): Promise<void> {
  return new Promise((resolve, reject) => {
    source.on('error', reject);
    source.on('end', resolve);
    source.pipe(target);
  });
}
