/** Writing a new image: config and manifest blobs from layers and settings, then the index entry. */
import { sha256 } from './digest';
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
  const configBlob = deps.blobs.putJson(full);
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MEDIA_TYPE.ociManifest,
    config: { mediaType: MEDIA_TYPE.ociConfig, digest: configBlob.digest, size: configBlob.size },
    layers: layers.map((l) => ({ mediaType: l.mediaType, digest: l.blob, size: l.size })),
  };
  const body = JSON.stringify(manifest);
  const manifestBlob = deps.blobs.put(body);
  const image = recordImage(deps, null, null, {
    top: sha256(body),
    manifestDigest: manifestBlob.digest,
    manifestMediaType: MEDIA_TYPE.ociManifest,
    manifest,
    config: full,
    layers,
  });
  for (const reference of references) {
    const ref = parseReference(reference);
    recordImage(deps, ref, null, {
      top: manifestBlob.digest,
      manifestDigest: manifestBlob.digest,
      manifestMediaType: MEDIA_TYPE.ociManifest,
      manifest,
      config: full,
      layers,
    });
  }
  return image;
}
