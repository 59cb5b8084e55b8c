/**
 * `GET /system/df` in the Docker Engine API's shape (API 1.50's: LayersSize, Images, Containers,
 * Volumes, BuildCache), from the sizes the engine measured. Pure.
 */
import type { ImageSummary } from '@berth/image';
import type { ContainerRecord } from '../containers/model';
import type { Volume } from '../volumes/volumes.service';
import { compareApiVersions } from './api-version';
import { containerSummary } from './docker-views';
import { volumeDocument, type VolumeUsage } from './docker-volume-views';

export interface DiskUsageFacts {
  /** bytes of the image store: blobs and unpacked layers */
  layersSize: number;
  /** the image list's rows (one per tag) */
  images: readonly ImageSummary[];
  containers: readonly { record: ContainerRecord; sizeRw: number }[];
  volumes: readonly { volume: Volume; mountpoint: string; usage: VolumeUsage }[];
}

/** The document at API VERSION: before 1.44 an image also has its VirtualSize (its Size). */
export function diskUsageDocument(facts: DiskUsageFacts, version: string, now = Date.now()) {
  const virtualSize = compareApiVersions(version, '1.44') < 0;
  return {
    LayersSize: facts.layersSize,
    Images: imageRows(
      facts.images,
      facts.containers.map((c) => c.record),
    ).map((i) => (virtualSize ? { ...i, VirtualSize: i.Size } : i)),
    Containers: facts.containers.map(({ record, sizeRw }) => ({
      ...containerSummary(record, now),
      SizeRw: sizeRw,
      SizeRootFs: sizeRw + (facts.images.find((i) => i.id === record.imageId)?.size ?? 0),
    })),
    Volumes: facts.volumes.map((v) => volumeDocument(v.volume, v.mountpoint, v.usage)),
    BuildCache: [],
  };
}

/** One ImageSummary per image (the list has a row per tag), with how many containers use it. */
function imageRows(rows: readonly ImageSummary[], containers: readonly ContainerRecord[]) {
  const byId = new Map<string, ImageSummary[]>();
  for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  return [...byId.values()].map((tags) => {
    const [first] = tags;
    return {
      Id: first.id,
      ParentId: '',
      RepoTags: tags.filter((t) => t.repository !== '<none>').map((t) => `${t.repository}:${t.tag}`),
      RepoDigests: [],
      Created: first.created ? Math.floor(Date.parse(first.created) / 1000) : 0,
      Size: first.size,
      SharedSize: 0,
      Labels: {},
      Containers: containers.filter((c) => c.imageId === first.id).length,
    };
  });
}
