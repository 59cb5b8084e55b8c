/** Writing a new image: config and manifest blobs from layers and settings, then the index entry. */
import { MEDIA_TYPE, type ImageConfig, type ImageManifest } from './oci/types';
import { recordImage } from './pull';
import { parseReference } from './reference';
import type { BlobStore } from './store/blob-store';
import type { LayerStore } from './store/layer-store';
import type { ImageRecord, LayerRef, MetadataStore } from './store/metadata';

export interface CommitDeps {
  blobs: BlobStore;
  layers: LayerStore;
  meta: MetadataStore;
}

/** CONFIG's rootfs is set from LAYERS; REFERENCES (if any) are tagged. */
export function commitImage(
  deps: CommitDeps,
  config: ImageConfig,
  layers: LayerRef[],
  references: string[] = [],
): ImageRecord {
  const full: ImageConfig = { ...config, rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) } };
  return storeImage(deps, Buffer.from(JSON.stringify(full)), layers, references);
}

/** An image from config bytes kept exactly as given (their digest is the image id) and its layers. */
export function storeImage(
  deps: CommitDeps,
  configBytes: Buffer,
  layers: LayerRef[],
  references: string[] = [],
): ImageRecord {
  const configBlob = deps.blobs.put(configBytes);
  const config = JSON.parse(configBytes.toString('utf8')) as ImageConfig;
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MEDIA_TYPE.ociManifest,
    config: { mediaType: MEDIA_TYPE.ociConfig, digest: configBlob.digest, size: configBlob.size },
    layers: layers.map((l) => ({ mediaType: l.mediaType, digest: l.blob, size: l.size })),
  };
  const manifestBlob = deps.blobs.put(JSON.stringify(manifest));
  const pulled = {
    top: manifestBlob.digest,
    manifestDigest: manifestBlob.digest,
    manifestMediaType: MEDIA_TYPE.ociManifest,
    manifest,
    config,
    layers,
  };
  let image = recordImage(deps, null, null, pulled);
  for (const reference of references) image = recordImage(deps, parseReference(reference), null, pulled);
  return image;
}
