/**
 * Pull: manifest (an index resolved to this machine's platform), config,
 * then the layers in parallel. Each layer streams once from the registry
 * into the blob store and, in the same pass, into its layer directory
 * (archive/unpack.ts); both are committed only when the blob digest and the
 * diff id check out.
 */
import { Transform, type Readable } from 'node:stream';
import { unpackLayer } from './archive/unpack';
import { shortId, type Digest } from './digest';
import { ImageError, UnsupportedMediaTypeError } from './errors';
import { chainIds } from './oci/chain';
import { formatPlatform, selectManifest } from './oci/platform';
import {
  hostPlatform,
  INDEX_MEDIA_TYPES,
  MANIFEST_MEDIA_TYPES,
  type ImageConfig,
  type ImageIndex,
  type ImageManifest,
  type Platform,
} from './oci/types';
import { mapLimit, noProgress, throttled, type ProgressListener } from './progress';
import { formatReference, parseReference, repository, type Reference } from './reference';
import type { RegistryClient, Repository } from './registry/client';
import type { BlobStore } from './store/blob-store';
import type { LayerStore } from './store/layer-store';
import type { ImageRecord, LayerRef, MetadataStore } from './store/metadata';

export interface PullDeps {
  registry: RegistryClient;
  blobs: BlobStore;
  layers: LayerStore;
  meta: MetadataStore;
}

export interface PullOptions {
  platform?: Platform;
  onProgress?: ProgressListener;
  /** Layers fetched at once (Docker's default is 3; on a fast link more keep both cores busy). */
  concurrency?: number;
  /** Unpack layers for use by containers (default); off fetches blobs only. */
  unpack?: boolean;
}

export async function pull(deps: PullDeps, name: string, options: PullOptions = {}): Promise<ImageRecord> {
  const ref = parseReference(name);
  const repo: Repository = { domain: ref.domain, path: ref.path };
  const platform = options.platform ?? hostPlatform();
  const progress = options.onProgress ?? noProgress;

  const top = await deps.registry.getManifest(repo, ref.digest ?? ref.tag!);
  deps.blobs.put(top.body, top.digest);
  let manifestDigest = top.digest;
  let manifestMediaType = top.mediaType;
  let manifestBody = top.body;
  if (INDEX_MEDIA_TYPES.includes(top.mediaType)) {
    const index = JSON.parse(top.body.toString('utf8')) as ImageIndex;
    const chosen = selectManifest(index.manifests, platform);
    if (!chosen) {
      const offered = index.manifests
        .map((m) => (m.platform ? formatPlatform(m.platform) : 'unknown'))
        .join(', ');
      throw new ImageError(
        `${formatReference(ref)} has no image for ${formatPlatform(platform)} (it has: ${offered})`,
      );
    }
    const platformManifest = await deps.registry.getManifest(repo, chosen.digest);
    deps.blobs.put(platformManifest.body, chosen.digest);
    ({ digest: manifestDigest, mediaType: manifestMediaType, body: manifestBody } = platformManifest);
  }
  if (!MANIFEST_MEDIA_TYPES.includes(manifestMediaType))
    throw new UnsupportedMediaTypeError(manifestMediaType, formatReference(ref));
  const manifest = JSON.parse(manifestBody.toString('utf8')) as ImageManifest;

  if (!deps.blobs.has(manifest.config.digest))
    await deps.blobs.write(await deps.registry.getBlob(repo, manifest.config.digest), manifest.config);
  const config = deps.blobs.readJson<ImageConfig>(manifest.config.digest);
  const diffIds = config.rootfs?.diff_ids ?? [];
  if (diffIds.length !== manifest.layers.length)
    throw new ImageError(
      `${formatReference(ref)}: the manifest lists ${manifest.layers.length} layers, the config ${diffIds.length}`,
    );
  const chains = chainIds(diffIds);

  for (const layer of manifest.layers) progress({ id: shortId(layer.digest), action: 'Waiting' });
  const layerRefs = await mapLimit(
    manifest.layers,
    options.concurrency ?? 5,
    async (layer, i): Promise<LayerRef> => {
      const id = shortId(layer.digest);
      const needBlob = !deps.blobs.has(layer.digest);
      const needLayer = options.unpack !== false && !deps.layers.has(chains[i]);
      if (!needBlob && !needLayer) progress({ id, action: 'Already exists' });
      else {
        const source = needBlob
          ? await deps.registry.getBlob(repo, layer.digest)
          : deps.blobs.open(layer.digest);
        const input = counting(
          source,
          throttled((n) => progress({ id, action: 'Downloading', current: n, total: layer.size })),
        );
        if (needLayer)
          await unpackLayer(deps, layer, input, needBlob, {
            chainId: chains[i],
            diffId: diffIds[i],
            parent: chains[i - 1] ?? null,
          });
        else await deps.blobs.write(input, layer);
        progress({ id, action: 'Pull complete' });
      }
      return {
        blob: layer.digest,
        mediaType: layer.mediaType,
        size: layer.size,
        diffId: diffIds[i],
        chainId: chains[i],
      };
    },
  );

  return recordImage(deps, ref, repo, {
    top: top.digest,
    manifestDigest,
    manifestMediaType,
    manifest,
    config,
    layers: layerRefs,
  });
}

/** SOURCE passed through a counter that reports the bytes seen; an error of SOURCE reaches the result. */
function counting(source: Readable, report: (n: number, final?: boolean) => void): Readable {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      report((seen += chunk.length));
      done(null, chunk);
    },
    flush(done) {
      report(seen, true);
      done();
    },
  });
  source.on('error', (error) => counter.destroy(error));
  counter.on('close', () => {
    if (!source.readableEnded) source.destroy();
  });
  return source.pipe(counter);
}

export interface NewImage {
  /** The digest the image was fetched by: the index's, when it came through one. */
  top: Digest;
  manifestDigest: Digest;
  manifestMediaType: string;
  manifest: ImageManifest;
  config: ImageConfig;
  layers: LayerRef[];
}

/** Index the image and point REF (when it has a tag) at it, in one metadata update. */
export function recordImage(
  deps: { meta: MetadataStore; layers: LayerStore },
  ref: Reference | null,
  repo: Repository | null,
  p: NewImage,
): ImageRecord {
  const size = p.layers.reduce(
    (sum, l) => sum + (deps.layers.has(l.chainId) ? deps.layers.record(l.chainId).size : 0),
    0,
  );
  return deps.meta.update((m) => {
    const existing = m.images[p.manifestDigest];
    const repoDigest = repo ? `${repository({ domain: repo.domain, path: repo.path })}@${p.top}` : null;
    const record: ImageRecord = {
      manifestDigest: p.manifestDigest,
      manifestMediaType: p.manifestMediaType,
      configDigest: p.manifest.config.digest,
      layers: p.layers,
      platform: {
        os: p.config.os,
        architecture: p.config.architecture,
        ...(p.config.variant ? { variant: p.config.variant } : {}),
      },
      ...(p.config.created ? { created: p.config.created } : {}),
      size,
      repoDigests: [...new Set([...(existing?.repoDigests ?? []), ...(repoDigest ? [repoDigest] : [])])],
      addedAt: existing?.addedAt ?? new Date().toISOString(),
    };
    m.images[p.manifestDigest] = record;
    if (ref?.tag)
      m.tags[formatReference({ domain: ref.domain, path: ref.path, tag: ref.tag })] = p.manifestDigest;
    if (repo) {
      const where = `${repo.domain}/${repo.path}`;
      for (const digest of [p.manifest.config.digest, ...p.layers.map((l) => l.blob)])
        m.blobSources[digest] = [...new Set([...(m.blobSources[digest] ?? []), where])];
    }
    return record;
  });
}
