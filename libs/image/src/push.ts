/**
 * Push: every blob the image needs, in parallel, each skipped when the
 * registry has it, mounted when the registry holds it in another repository
 * we know of, otherwise uploaded (one PUT, or PATCH chunks when asked); then
 * the manifest under the tag.
 */
import * as fs from 'node:fs';
import { shortId, type Digest } from './digest';
import { ImageError } from './errors';
import { MEDIA_TYPE } from './oci/types';
import { mapLimit, noProgress, throttled, type ProgressListener } from './progress';
import { formatReference, parseReference, repository } from './reference';
import type { RegistryClient, Repository } from './registry/client';
import type { BlobStore } from './store/blob-store';
import type { ImageRecord, MetadataStore } from './store/metadata';

export interface PushDeps {
  registry: RegistryClient;
  blobs: BlobStore;
  meta: MetadataStore;
}

export interface PushOptions {
  onProgress?: ProgressListener;
  /** Upload in PATCH chunks of this many bytes instead of one PUT. */
  chunkSize?: number;
  /** Blobs sent at once (Docker's default is 5). */
  concurrency?: number;
}

export interface PushResult {
  reference: string;
  digest: Digest;
  size: number;
}

export async function push(
  deps: PushDeps,
  image: ImageRecord,
  name: string,
  options: PushOptions = {},
): Promise<PushResult> {
  const ref = parseReference(name);
  if (!ref.tag)
    throw new ImageError(`push ${name}: give a tag to push to (a digest names content, not a destination)`);
  const repo: Repository = { domain: ref.domain, path: ref.path };
  const where = `${repo.domain}/${repo.path}`;
  const progress = options.onProgress ?? noProgress;
  const sources = deps.meta.read().blobSources;

  const blobs = [
    ...image.layers.map((l) => ({ digest: l.blob, size: l.size, layer: true })),
    { digest: image.configDigest, size: deps.blobs.size(image.configDigest), layer: false },
  ];
  for (const b of blobs) if (b.layer) progress({ id: shortId(b.digest), action: 'Preparing' });
  const pushed = await mapLimit(blobs, options.concurrency ?? 5, async (blob) => {
    const id = shortId(blob.digest);
    const say = blob.layer ? progress : noProgress;
    if (await deps.registry.hasBlob(repo, blob.digest)) {
      say({ id, action: 'Layer already exists' });
      return blob.digest;
    }
    const from = (sources[blob.digest] ?? []).find((s) => s.startsWith(`${repo.domain}/`) && s !== where);
    if (from && (await deps.registry.mountBlob(repo, blob.digest, from.slice(repo.domain.length + 1)))) {
      say({ id, action: 'Mounted', detail: from.slice(repo.domain.length + 1) });
      return blob.digest;
    }
    const report = throttled((n) => say({ id, action: 'Pushing', current: n, total: blob.size }));
    if (options.chunkSize) {
      const fd = fs.openSync(deps.blobs.path(blob.digest), 'r');
      try {
        await deps.registry.uploadBlobChunked(
          repo,
          blob.digest,
          blob.size,
          options.chunkSize,
          (offset, length) => {
            const buf = Buffer.alloc(length);
            fs.readSync(fd, buf, 0, length, offset);
            report(offset + length);
            return buf;
          },
        );
      } finally {
        fs.closeSync(fd);
      }
    } else {
      await deps.registry.uploadBlob(repo, blob.digest, blob.size, () => {
        const stream = deps.blobs.open(blob.digest);
        let sent = 0;
        stream.on('data', (chunk: Buffer) => report((sent += chunk.length)));
        return stream;
      });
    }
    say({ id, action: 'Pushed' });
    return blob.digest;
  });

  const manifest = deps.blobs.read(image.manifestDigest);
  await deps.registry.putManifest(repo, ref.tag, manifest, image.manifestMediaType || MEDIA_TYPE.ociManifest);
  deps.meta.update((m) => {
    for (const digest of pushed)
      m.blobSources[digest] = [...new Set([...(m.blobSources[digest] ?? []), where])];
    const record = m.images[image.manifestDigest];
    if (record)
      record.repoDigests = [
        ...new Set([...record.repoDigests, `${repository(ref)}@${image.manifestDigest}`]),
      ];
  });
  return { reference: formatReference(ref), digest: image.manifestDigest, size: manifest.length };
}
