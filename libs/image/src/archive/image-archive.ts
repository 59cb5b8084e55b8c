/**
 * save and load, in both formats people pass images around in:
 *   oci    — the OCI image layout (oci-layout, index.json, blobs/sha256/…), as a tar
 *   docker — `docker save`: manifest.json, <config>.json, <layer>/layer.tar (uncompressed)
 * load reads either (and Docker 25's combination of both).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzip } from '../streams';
import { Readable } from 'node:stream';
import { storeImage, type CommitDeps } from '../commit';
import { digestHex, isDigest, type Digest } from '../digest';
import { ImageError, InvalidArchiveError } from '../errors';
import { chainIds } from '../oci/chain';
import { selectManifest } from '../oci/platform';
import {
  GZIP_LAYER_MEDIA_TYPES,
  hostPlatform,
  INDEX_MEDIA_TYPES,
  MEDIA_TYPE,
  type Descriptor,
  type ImageConfig,
  type ImageIndex,
  type ImageManifest,
} from '../oci/types';
import { recordImage } from '../pull';
import { familiarName, formatReference, parseReference, type Reference } from '../reference';
import { tempName } from '../store/atomic';
import type { ImageRecord, LayerRef } from '../store/metadata';
import { decompressIfGzip } from './import';
import { ingestTar } from './ingest';
import { header, packTar, TarReader, type PackEntry } from './tar';
import { unpackLayer } from './unpack';

/** What saving and loading need of the image store (Images gives it; naming only this keeps the two apart). */
export interface ArchiveDeps extends CommitDeps {
  /** The data root: loads unpack into a directory under it. */
  readonly root: string;
  resolve(name: string): ImageRecord;
  tagsOf(image: ImageRecord): string[];
}

export type ArchiveFormat = 'oci' | 'docker';

const CONTAINERD_NAME = 'io.containerd.image.name';
const REF_NAME = 'org.opencontainers.image.ref.name';

interface Selected {
  image: ImageRecord;
  /** Normalised references naming it, as asked for (a tag) or all its tags (an id). */
  refs: string[];
}

function select(images: ArchiveDeps, names: string[]): Selected[] {
  const out = new Map<string, Selected>();
  for (const name of names) {
    const image = images.resolve(name);
    let refs: string[] = [];
    try {
      const ref = parseReference(name);
      if (ref.tag && images.tagsOf(image).includes(formatReference(ref))) refs = [formatReference(ref)];
    } catch {
      // an id: every tag it has
    }
    if (!refs.length) refs = images.tagsOf(image);
    const entry = out.get(image.manifestDigest) ?? { image, refs: [] };
    entry.refs = [...new Set([...entry.refs, ...refs])];
    out.set(image.manifestDigest, entry);
  }
  return [...out.values()];
}

function fileEntry(name: string, body: Buffer): PackEntry {
  return { header: header({ name, type: 'file', size: body.length, mode: 0o644 }), body };
}

function* blobEntry(
  images: ArchiveDeps,
  digest: Digest,
  name = `blobs/sha256/${digestHex(digest)}`,
): Generator<PackEntry> {
  const size = images.blobs.size(digest);
  yield {
    header: header({ name, type: 'file', size, mode: 0o644 }),
    body: images.blobs.open(digest) as AsyncIterable<Buffer>,
  };
}

/** The archive of NAMES as a tar byte stream. */
export function saveImages(images: ArchiveDeps, names: string[], format: ArchiveFormat): Readable {
  const selected = select(images, names);
  return Readable.from(
    packTar(format === 'oci' ? ociEntries(images, selected) : dockerEntries(images, selected)),
  );
}

async function* ociEntries(images: ArchiveDeps, selected: Selected[]): AsyncGenerator<PackEntry> {
  const manifests: Descriptor[] = [];
  const written = new Set<string>();
  yield fileEntry('oci-layout', Buffer.from(JSON.stringify({ imageLayoutVersion: '1.0.0' })));
  yield { header: header({ name: 'blobs/', type: 'directory' }) };
  yield { header: header({ name: 'blobs/sha256/', type: 'directory' }) };
  for (const { image, refs } of selected) {
    const base: Descriptor = {
      mediaType: image.manifestMediaType,
      digest: image.manifestDigest,
      size: images.blobs.size(image.manifestDigest),
    };
    if (!refs.length) manifests.push(base);
    for (const ref of refs)
      manifests.push({
        ...base,
        annotations: { [CONTAINERD_NAME]: ref, [REF_NAME]: parseReference(ref).tag ?? 'latest' },
      });
    for (const digest of [image.manifestDigest, image.configDigest, ...image.layers.map((l) => l.blob)]) {
      if (written.has(digest)) continue;
      written.add(digest);
      yield* blobEntry(images, digest);
    }
  }
  const index: ImageIndex = { schemaVersion: 2, mediaType: MEDIA_TYPE.ociIndex, manifests };
  yield fileEntry('index.json', Buffer.from(JSON.stringify(index)));
}

async function* dockerEntries(images: ArchiveDeps, selected: Selected[]): AsyncGenerator<PackEntry> {
  const manifest: { Config: string; RepoTags: string[]; Layers: string[] }[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  const written = new Set<string>();
  for (const { image, refs } of selected) {
    const configName = `${digestHex(image.configDigest)}.json`;
    if (!written.has(configName)) {
      written.add(configName);
      yield* blobEntry(images, image.configDigest, configName);
    }
    const layers: string[] = [];
    for (const layer of image.layers) {
      const dir = digestHex(layer.diffId);
      layers.push(`${dir}/layer.tar`);
      if (written.has(dir)) continue;
      written.add(dir);
      yield { header: header({ name: `${dir}/`, type: 'directory' }) };
      yield fileEntry(`${dir}/VERSION`, Buffer.from('1.0'));
      const size = await uncompressedSize(images, layer);
      const body = GZIP_LAYER_MEDIA_TYPES.includes(layer.mediaType)
        ? images.blobs.open(layer.blob).pipe(gunzip())
        : images.blobs.open(layer.blob);
      yield {
        header: header({ name: `${dir}/layer.tar`, type: 'file', size, mode: 0o644 }),
        body: body as AsyncIterable<Buffer>,
      };
    }
    const tags = refs.map((r) => familiarName(parseReference(r)));
    manifest.push({ Config: configName, RepoTags: tags, Layers: layers });
    for (const t of tags) {
      const [repo, tag] = t.split(/:(?=[^:/]*$)/);
      (repositories[repo] ??= {})[tag] = digestHex(image.layers.at(-1)?.diffId ?? image.configDigest);
    }
  }
  yield fileEntry('manifest.json', Buffer.from(JSON.stringify(manifest)));
  yield fileEntry('repositories', Buffer.from(JSON.stringify(repositories)));
}

/** The tar header needs the size before the bytes: one pass through gunzip to count them. */
async function uncompressedSize(images: ArchiveDeps, layer: LayerRef): Promise<number> {
  if (!GZIP_LAYER_MEDIA_TYPES.includes(layer.mediaType)) return images.blobs.size(layer.blob);
  let size = 0;
  for await (const chunk of images.blobs.open(layer.blob).pipe(gunzip())) size += (chunk as Buffer).length;
  return size;
}

// ---- load ---------------------------------------------------------------------

/** Unpack the archive's files (no links, devices or odd paths: an image archive has none). */
async function extractArchive(source: Readable, dir: string): Promise<void> {
  for await (const entry of new TarReader(await decompressIfGzip(source)).entries()) {
    const parts = entry.header.name.split('/').filter((p) => p && p !== '.');
    if (parts.includes('..'))
      throw new InvalidArchiveError(`archive entry "${entry.header.name}" climbs out with ".."`);
    if (!parts.length) continue;
    const target = path.join(dir, ...parts);
    if (entry.header.type === 'directory') fs.mkdirSync(target, { recursive: true });
    else if (entry.header.type === 'file') {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const fd = fs.openSync(target, 'w');
      try {
        for await (const chunk of entry.body()) fs.writeSync(fd, chunk);
      } finally {
        fs.closeSync(fd);
      }
    }
  }
}

export interface LoadResult {
  /** Familiar names tagged, or image ids where the archive named none. */
  loaded: string[];
  images: ImageRecord[];
}

export async function loadImages(images: ArchiveDeps, source: Readable): Promise<LoadResult> {
  const dir = tempName(path.join(images.root, 'load'));
  fs.mkdirSync(dir, { recursive: true });
  try {
    await extractArchive(source, dir);
    if (fs.existsSync(path.join(dir, 'manifest.json'))) return await loadDocker(images, dir);
    if (fs.existsSync(path.join(dir, 'index.json'))) return await loadOci(images, dir);
    throw new InvalidArchiveError(
      'not an image archive: it has neither manifest.json (docker save) nor index.json (OCI layout)',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function loadDocker(images: ArchiveDeps, dir: string): Promise<LoadResult> {
  const entries = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    Config: string;
    RepoTags?: string[] | null;
    Layers: string[];
  }[];
  const result: LoadResult = { loaded: [], images: [] };
  for (const entry of entries) {
    const configBytes = fs.readFileSync(inside(dir, entry.Config));
    const config = JSON.parse(configBytes.toString('utf8')) as ImageConfig;
    const diffIds = config.rootfs?.diff_ids ?? [];
    if (diffIds.length !== entry.Layers.length)
      throw new InvalidArchiveError(
        `${entry.Config}: lists ${diffIds.length} layers, manifest.json ${entry.Layers.length}`,
      );
    const layers: LayerRef[] = [];
    for (const [i, file] of entry.Layers.entries()) {
      const layer = await ingestTar(
        images,
        await decompressIfGzip(fs.createReadStream(inside(dir, file))),
        layers[i - 1]?.chainId ?? null,
      );
      if (layer.diffId !== diffIds[i])
        throw new InvalidArchiveError(
          `${file} hashes to ${layer.diffId}, but the config names ${diffIds[i]}`,
        );
      layers.push(layer);
    }
    const tags = (entry.RepoTags ?? []).map((t) => formatReference(parseReference(t)));
    const image = storeImage(images, configBytes, layers, tags);
    result.images.push(image);
    result.loaded.push(
      ...(tags.length ? tags.map((t) => familiarName(parseReference(t))) : [image.configDigest]),
    );
  }
  return result;
}

async function loadOci(images: ArchiveDeps, dir: string): Promise<LoadResult> {
  const blobPath = (d: Digest) => inside(dir, `blobs/sha256/${digestHex(d)}`);
  const copyBlob = async (d: Descriptor) => {
    if (!isDigest(d.digest))
      throw new InvalidArchiveError(`index names "${d.digest}", which is not a sha256 digest`);
    if (!images.blobs.has(d.digest))
      await images.blobs.write(fs.createReadStream(blobPath(d.digest)), { digest: d.digest, size: d.size });
  };
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as ImageIndex;
  const result: LoadResult = { loaded: [], images: [] };
  for (const top of index.manifests) {
    await copyBlob(top);
    let desc = top;
    if (INDEX_MEDIA_TYPES.includes(top.mediaType)) {
      const nested = images.blobs.readJson<ImageIndex>(top.digest);
      const chosen = selectManifest(nested.manifests, hostPlatform());
      if (!chosen) throw new ImageError(`the archive's index ${top.digest} has no image for this platform`);
      await copyBlob(chosen);
      desc = chosen;
    }
    const manifest = images.blobs.readJson<ImageManifest>(desc.digest);
    await copyBlob(manifest.config);
    const config = images.blobs.readJson<ImageConfig>(manifest.config.digest);
    const chains = chainIds(config.rootfs.diff_ids);
    const layers: LayerRef[] = [];
    for (const [i, layer] of manifest.layers.entries()) {
      const ref: LayerRef = {
        blob: layer.digest,
        mediaType: layer.mediaType,
        size: layer.size,
        diffId: config.rootfs.diff_ids[i],
        chainId: chains[i],
      };
      if (!images.blobs.has(layer.digest) || !images.layers.has(ref.chainId))
        await unpackLayer(
          images,
          layer,
          fs.createReadStream(blobPath(layer.digest)),
          !images.blobs.has(layer.digest),
          {
            chainId: ref.chainId,
            diffId: ref.diffId,
            parent: chains[i - 1] ?? null,
          },
        );
      layers.push(ref);
    }
    // OCI's ref.name is often a bare tag ("latest"), which names no repository: only a full name tags the image
    const refName = top.annotations?.[REF_NAME];
    const name =
      top.annotations?.[CONTAINERD_NAME] ?? (refName && /[:/]/.test(refName) ? refName : undefined);
    const ref = name ? referenceOrNull(name) : null;
    const image = recordImage(images, ref, null, {
      top: desc.digest,
      manifestDigest: desc.digest,
      manifestMediaType: desc.mediaType,
      manifest,
      config,
      layers,
    });
    result.images.push(image);
    result.loaded.push(ref?.tag ? familiarName(ref) : image.configDigest);
  }
  return result;
}

function referenceOrNull(name: string): Reference | null {
  try {
    return parseReference(name);
  } catch {
    return null; // an archive's name we cannot read: the image loads untagged
  }
}

/** A path the archive names, kept inside the archive. */
function inside(dir: string, name: string): string {
  const target = path.resolve(dir, name);
  if (!target.startsWith(dir + path.sep))
    throw new InvalidArchiveError(`archive names "${name}", outside itself`);
  return target;
}
