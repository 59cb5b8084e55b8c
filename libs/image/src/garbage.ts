/** Garbage collection: the layers and blobs no image, build cache entry or holder reaches. */
import type { BlobStore } from './store/blob-store';
import type { LayerStore } from './store/layer-store';
import type { Holder, ImageRecord, MetadataStore } from './store/metadata';

export interface GarbageStores {
  meta: MetadataStore;
  layers: LayerStore;
  blobs: BlobStore;
}

/** Delete every layer and blob no image or holder reaches; how many of each went. */
export function deleteUnreachable(
  stores: GarbageStores,
  holders: Iterable<Holder>,
): { layers: number; blobs: number } {
  const m = stores.meta.read();
  const chains = new Set<string>();
  const blobs = new Set<string>();
  const keepImage = (image: ImageRecord) => {
    blobs.add(image.manifestDigest);
    blobs.add(image.configDigest);
    for (const l of image.layers) {
      chains.add(l.chainId);
      blobs.add(l.blob);
    }
    for (const rd of image.repoDigests) blobs.add(rd.slice(rd.indexOf('@') + 1)); // the index an image was pulled through
  };
  Object.values(m.images).forEach(keepImage);
  for (const entry of Object.values(m.buildCache)) {
    if (entry.layer) {
      chains.add(entry.layer.chainId);
      blobs.add(entry.layer.blob);
    }
    if (entry.image && m.images[entry.image]) keepImage(m.images[entry.image]);
  }
  for (const holder of holders) {
    holder.chains.forEach((c) => chains.add(c));
    for (const d of holder.images) if (m.images[d]) keepImage(m.images[d]);
  }
  let layers = 0;
  let blobCount = 0;
  for (const chain of stores.layers.list())
    if (!chains.has(chain)) {
      stores.layers.delete(chain);
      layers++;
    }
  for (const blob of stores.blobs.list())
    if (!blobs.has(blob)) {
      stores.blobs.delete(blob);
      blobCount++;
    }
  return { layers, blobs: blobCount };
}
