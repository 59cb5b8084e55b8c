/** What `images`, `image inspect` and `history` show, from the records and configs. */
import type { Digest } from './digest';
import type { ImageConfig } from './oci/types';
import { familiarName, parseReference } from './reference';
import type { LayerStore } from './store/layer-store';
import type { ImageRecord, Metadata } from './store/metadata';

export interface ImageSummary {
  repository: string;
  tag: string;
  id: Digest;
  digest: Digest;
  created?: string;
  size: number;
}

export interface HistoryRow {
  id: string;
  created?: string;
  createdBy: string;
  size: number;
  comment: string;
}

/** A row per tag, and one per untagged image; newest first. */
export function imageSummaries(m: Metadata): ImageSummary[] {
  const rows: ImageSummary[] = [];
  const tagged = new Set<string>();
  for (const [ref, digest] of Object.entries(m.tags)) {
    const image = m.images[digest];
    if (!image) continue;
    tagged.add(digest);
    const r = parseReference(ref);
    const [repository] = familiarName(r).split(/:(?=[^:/]*$)/);
    rows.push({
      repository,
      tag: r.tag ?? '<none>',
      id: image.configDigest,
      digest,
      ...(image.created ? { created: image.created } : {}),
      size: image.size,
    });
  }
  for (const image of Object.values(m.images))
    if (!tagged.has(image.manifestDigest))
      rows.push({
        repository: '<none>',
        tag: '<none>',
        id: image.configDigest,
        digest: image.manifestDigest,
        ...(image.created ? { created: image.created } : {}),
        size: image.size,
      });
  return rows.sort(
    (a, b) => (b.created ?? '').localeCompare(a.created ?? '') || a.repository.localeCompare(b.repository),
  );
}

/** As `docker image inspect`: IMAGE with its CONFIG, TAGS (full references) and manifest size. */
export function inspectView(
  image: ImageRecord,
  config: ImageConfig,
  tags: string[],
  manifestSize: number,
): Record<string, unknown> {
  return {
    Id: image.configDigest,
    RepoTags: tags.map((t) => familiarName(parseReference(t))),
    RepoDigests: image.repoDigests.map((d) => familiarName(parseReference(d))),
    Created: config.created ?? '',
    Author: config.author ?? '',
    Config: config.config ?? {},
    Architecture: config.architecture,
    Os: config.os,
    ...(config.variant ? { Variant: config.variant } : {}),
    Size: image.size,
    RootFS: { Type: 'layers', Layers: config.rootfs.diff_ids },
    Descriptor: {
      mediaType: image.manifestMediaType,
      digest: image.manifestDigest,
      size: manifestSize,
    },
  };
}

/** As `docker history`: a row per history entry, newest first, with the size of the layer it made. */
export function historyRows(image: ImageRecord, config: ImageConfig, layers: LayerStore): HistoryRow[] {
  const history = config.history ?? [];
  const rows: HistoryRow[] = [];
  let layer = 0;
  for (const entry of history) {
    const l = entry.empty_layer ? null : image.layers[layer++];
    rows.push({
      id: '<missing>',
      ...(entry.created ? { created: entry.created } : {}),
      createdBy: entry.created_by ?? '',
      size: l && layers.has(l.chainId) ? layers.record(l.chainId).size : 0,
      comment: entry.comment ?? '',
    });
  }
  rows.reverse();
  if (rows.length) rows[0].id = image.configDigest;
  return rows;
}
