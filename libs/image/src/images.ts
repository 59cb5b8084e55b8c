/**
 * The image store as one service: what is here (resolve, list, inspect,
 * history), what comes and goes (pull, push, tag, remove, prune, import),
 * and who uses what (holders: containers and builds keep their images and
 * layers from being removed).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { shortId, type Digest } from './digest';
import { ImageInUseError, ImageError, ImageNotFoundError } from './errors';
import type { ContainerConfig, ImageConfig, Platform } from './oci/types';
import { pull, type PullOptions } from './pull';
import { push, type PushOptions, type PushResult } from './push';
import { familiarName, formatReference, parseReference, type Reference } from './reference';
import { RegistryClient, type RegistryClientOptions } from './registry/client';
import type { Credentials } from './registry/auth';
import { CredentialStore, GivenCredentials } from './registry/credentials';
import { BlobStore } from './store/blob-store';
import { LayerStore } from './store/layer-store';
import { MetadataStore, type Holder, type ImageRecord, type LayerRef, type Metadata } from './store/metadata';
import { importRootfs, type ImportOptions } from './archive/import';
import { ingestTar } from './archive/ingest';
import { findOpaqueDirs, layerEntries } from './archive/layer';
import { packTar } from './archive/tar';
import { commitImage } from './commit';
import { unpackLayer } from './archive/unpack';
import { loadImages, saveImages, type ArchiveFormat, type LoadResult } from './archive/image-archive';

export interface ImagesOptions {
  /** The data root: blobs/, layers/ and images.json live under it. */
  root: string;
  /** Registries reached over plain HTTP besides loopback ones. */
  insecureRegistries?: string[];
  /** Where `login` keeps credentials (Docker's config.json format). */
  credentialsFile?: string;
  platform?: Platform;
}

export interface ImageSummary {
  repository: string;
  tag: string;
  id: Digest;
  digest: Digest;
  created?: string;
  size: number;
}

export interface RemoveResult {
  untagged: string[];
  deleted: Digest[];
}

export interface HistoryRow {
  id: string;
  created?: string;
  createdBy: string;
  size: number;
  comment: string;
}

const HEX_PREFIX = /^(?:sha256:)?([a-f0-9]{4,64})$/;

export class Images {
  readonly blobs: BlobStore;
  readonly layers: LayerStore;
  readonly meta: MetadataStore;
  readonly registry: RegistryClient;
  readonly credentials: CredentialStore;
  /** who uses which images and layers (see hold()) */
  private readonly holders = new Map<string, Holder>();

  private constructor(
    readonly root: string,
    private readonly options: ImagesOptions,
  ) {
    fs.mkdirSync(root, { recursive: true });
    this.blobs = new BlobStore(root);
    this.layers = new LayerStore(root);
    this.meta = new MetadataStore(root);
    this.credentials = new CredentialStore(options.credentialsFile);
    const clientOptions: RegistryClientOptions = {
      credentials: this.credentials,
      insecureRegistries: options.insecureRegistries ?? [],
    };
    this.registry = new RegistryClient(clientOptions);
  }

  static open(options: ImagesOptions): Images {
    return new Images(path.resolve(options.root), options);
  }

  close(): void {
    this.registry.close();
  }

  // ---- finding images -----------------------------------------------------------

  /** By reference (tag or digest), or by a unique prefix of the image id or manifest digest. */
  resolve(name: string): ImageRecord {
    const m = this.meta.read();
    const found = lookup(m, name);
    if (found) return found;
    throw new ImageNotFoundError(name, `pull it first (berth pull ${name}) or check \`berth images\``);
  }

  tryResolve(name: string): ImageRecord | null {
    return lookup(this.meta.read(), name);
  }

  config(image: ImageRecord): ImageConfig {
    return this.blobs.readJson<ImageConfig>(image.configDigest);
  }

  list(): ImageSummary[] {
    const m = this.meta.read();
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

  tagsOf(image: ImageRecord): string[] {
    return Object.entries(this.meta.read().tags)
      .filter(([, d]) => d === image.manifestDigest)
      .map(([ref]) => ref);
  }

  // ---- registry -------------------------------------------------------------------

  /** With AUTH, the registry sees those credentials (for this call only) instead of the stored ones. */
  async pull(name: string, options: PullOptions & { auth?: Credentials } = {}): Promise<ImageRecord> {
    const registry = this.registryFor(name, options.auth);
    try {
      return await pull({ blobs: this.blobs, layers: this.layers, meta: this.meta, registry }, name, {
        platform: this.options.platform,
        ...options,
      });
    } finally {
      if (registry !== this.registry) registry.close();
    }
  }

  async push(name: string, options: PushOptions & { auth?: Credentials } = {}): Promise<PushResult> {
    const registry = this.registryFor(name, options.auth);
    try {
      return await push({ blobs: this.blobs, meta: this.meta, registry }, this.resolve(name), name, options);
    } finally {
      if (registry !== this.registry) registry.close();
    }
  }

  private registryFor(name: string, auth: Credentials | undefined): RegistryClient {
    if (!auth?.username) return this.registry;
    const domain = parseReference(name).domain;
    return new RegistryClient({
      credentials: new GivenCredentials({ [domain]: auth }, this.credentials),
      insecureRegistries: this.options.insecureRegistries ?? [],
    });
  }

  /** Whether CREDENTIALS open DOMAIN, without keeping them (the engine's login: the CLI keeps them). */
  async checkLogin(domain: string, credentials: Credentials): Promise<void> {
    await this.registry.ping(domain, credentials);
  }

  /** Check the credentials against the registry, then keep them. */
  async login(domain: string, credentials: Credentials): Promise<void> {
    await this.registry.ping(domain, credentials);
    this.credentials.set(domain, credentials);
  }

  logout(domain: string): boolean {
    return this.credentials.remove(domain);
  }

  // ---- local changes --------------------------------------------------------------

  tag(source: string, target: string): void {
    const image = this.resolve(source);
    const ref = parseReference(target);
    if (ref.digest) throw new ImageError(`tag ${target}: a tag cannot hold a digest`);
    this.meta.update((m) => {
      m.tags[formatReference(ref)] = image.manifestDigest;
    });
  }

  /** As `docker rmi`: untag, and delete the image when no tag or holder is left. */
  remove(name: string, options: { force?: boolean } = {}): RemoveResult {
    const result = this.meta.update((m) => {
      const image = lookup(m, name);
      if (!image) throw new ImageNotFoundError(name);
      const tags = Object.keys(m.tags).filter((t) => m.tags[t] === image.manifestDigest);
      const byTag = tags.includes(normalisedOrNull(name) ?? '');
      const holders = this.holdersOf(image.manifestDigest);
      const untagged: string[] = [];
      const untag = (t: string) => {
        delete m.tags[t];
        untagged.push(familiarName(parseReference(t)));
      };
      if (byTag && tags.length > 1) {
        untag(normalisedOrNull(name)!);
        return { untagged, deleted: [] as Digest[] };
      }
      if (!byTag && tags.length > 1 && !options.force)
        throw new ImageError(
          `conflict: unable to delete ${shortId(image.configDigest)} (must be forced): image is referenced in ${tags.length} repositories`,
        );
      if (holders.length && !options.force) throw new ImageInUseError(name, holders);
      tags.forEach(untag);
      if (holders.length) return { untagged, deleted: [] }; // forced: the holders keep the image, now untagged
      for (const repoDigest of image.repoDigests) untagged.push(familiarName(parseReference(repoDigest)));
      delete m.images[image.manifestDigest];
      return { untagged, deleted: [image.configDigest] };
    });
    if (result.deleted.length) this.collectGarbage();
    return result;
  }

  /** Remove images nothing uses: untagged ones, or with ALL every one no holder keeps. */
  prune(options: { all?: boolean } = {}): { deleted: Digest[]; reclaimedBytes: number } {
    const before = this.diskUsage();
    const deleted = this.meta.update((m) => {
      const tagged = new Set(Object.values(m.tags));
      const out: Digest[] = [];
      for (const image of Object.values(m.images)) {
        if (this.holdersOf(image.manifestDigest).length) continue;
        if (!options.all && tagged.has(image.manifestDigest)) continue;
        for (const t of Object.keys(m.tags)) if (m.tags[t] === image.manifestDigest) delete m.tags[t];
        delete m.images[image.manifestDigest];
        out.push(image.configDigest);
      }
      return out;
    });
    this.collectGarbage();
    return { deleted, reclaimedBytes: Math.max(0, before - this.diskUsage()) };
  }

  /** Delete every layer and blob no image or holder reaches. */
  collectGarbage(): { layers: number; blobs: number } {
    const m = this.meta.read();
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
    for (const holder of this.holders.values()) {
      holder.chains.forEach((c) => chains.add(c));
      for (const d of holder.images) if (m.images[d]) keepImage(m.images[d]);
    }
    let layers = 0;
    let blobCount = 0;
    for (const chain of this.layers.list())
      if (!chains.has(chain)) {
        this.layers.delete(chain);
        layers++;
      }
    for (const blob of this.blobs.list())
      if (!blobs.has(blob)) {
        this.blobs.delete(blob);
        blobCount++;
      }
    return { layers, blobs: blobCount };
  }

  /** Forget every build step's cached result, then remove what only the cache kept. */
  pruneBuildCache(): number {
    const count = this.meta.update((m) => {
      const n = Object.keys(m.buildCache).length;
      m.buildCache = {};
      return n;
    });
    this.collectGarbage();
    return count;
  }

  /** Bytes of blobs and unpacked layers. */
  diskUsage(): number {
    return (
      this.blobs.list().reduce((sum, d) => sum + this.blobs.size(d), 0) +
      this.layers.list().reduce((sum, c) => sum + this.layers.record(c).size, 0)
    );
  }

  // ---- holders ------------------------------------------------------------------

  /**
   * Record that HOLDER (a container id, a build) uses IMAGES and CHAINS; kept until release().
   * In memory only: the holders are this process's containers, which the agent holds again
   * from their records when it starts (holdAll). Writing them to images.json made four new
   * files for every container's start and stop, each costing a millisecond of CPU on a busy
   * ext4.
   */
  hold(holder: string, images: Digest[], chains: Digest[] = []): void {
    this.holders.set(holder, { images, chains });
  }

  /** Each HOLDER's image (found as resolve() finds it) and its layers held, from one read: what a restarted agent's containers use. Images no longer there are skipped. */
  holdAll(holds: readonly { holder: string; image: string }[]): void {
    if (!holds.length) return;
    const m = this.meta.read();
    for (const { holder, image: name } of holds) {
      const image = lookup(m, name);
      if (image)
        this.holders.set(holder, {
          images: [image.manifestDigest],
          chains: image.layers.map((l) => l.chainId),
        });
    }
  }

  release(holder: string): void {
    this.holders.delete(holder);
  }

  private holdersOf(manifestDigest: Digest): string[] {
    return [...this.holders].filter(([, h]) => h.images.includes(manifestDigest)).map(([id]) => id);
  }

  // ---- for containers ------------------------------------------------------------

  /** The image's layer directories, topmost first: overlayfs lowerdirs. Unpacks any layer not yet unpacked. */
  lowerDirs(image: ImageRecord): Promise<string[]> {
    return this.layerDirs(image.layers);
  }

  /** As lowerDirs, for a list of layers (bottom first), unpacking any not yet unpacked. */
  async layerDirs(layers: readonly LayerRef[]): Promise<string[]> {
    for (const [i, layer] of layers.entries()) {
      if (this.layers.has(layer.chainId)) continue;
      await this.unpackFromBlob(
        layer.blob,
        layer.mediaType,
        layer.chainId,
        layer.diffId,
        layers[i - 1]?.chainId ?? null,
      );
    }
    return layers.map((l) => this.layers.diffDir(l.chainId)).reverse();
  }

  private async unpackFromBlob(
    blob: Digest,
    mediaType: string,
    chainId: Digest,
    diffId: Digest,
    parent: Digest | null,
  ): Promise<void> {
    await unpackLayer(
      this,
      { mediaType, digest: blob, size: this.blobs.size(blob) },
      this.blobs.open(blob),
      false,
      { chainId, diffId, parent },
    );
  }

  // ---- archives -----------------------------------------------------------------

  /** NAMES as an archive: the OCI image layout, or `docker save`'s format. */
  save(names: string[], format: ArchiveFormat = 'docker'): Readable {
    return saveImages(this, names, format);
  }

  /** Images from an archive of either format (and gzipped ones). */
  load(source: Readable): Promise<LoadResult> {
    return loadImages(this, source);
  }

  /** A rootfs tarball (plain or gzipped) as a one-layer image, as `docker import`. */
  import(source: Readable, options: ImportOptions = {}): Promise<ImageRecord> {
    return importRootfs(this, source, options);
  }

  /**
   * A container's changes as a new image on top of its own (`docker commit`):
   * UPPER is the container's overlay upper dir, CONFIG the settings to keep.
   */
  async commit(
    base: ImageRecord,
    upper: string,
    options: { config: ContainerConfig; reference?: string; message?: string; author?: string },
  ): Promise<ImageRecord> {
    const parent = this.config(base);
    // packed and unpacked again: the container keeps its upper dir
    const tar = Readable.from(packTar(layerEntries(upper, await findOpaqueDirs(upper))));
    const layer = await ingestTar(this, tar, base.layers.at(-1)?.chainId ?? null);
    const created = new Date().toISOString();
    return commitImage(
      this,
      {
        ...parent,
        created,
        ...(options.author ? { author: options.author } : {}),
        config: options.config,
        history: [
          ...(parent.history ?? []),
          { created, created_by: 'berth commit', ...(options.message ? { comment: options.message } : {}) },
        ],
      },
      [...base.layers, layer],
      options.reference ? [options.reference] : [],
    );
  }

  // ---- inspection ---------------------------------------------------------------

  inspect(name: string): Record<string, unknown> {
    const image = this.resolve(name);
    const config = this.config(image);
    return {
      Id: image.configDigest,
      RepoTags: this.tagsOf(image).map((t) => familiarName(parseReference(t))),
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
        size: this.blobs.size(image.manifestDigest),
      },
    };
  }

  history(name: string): HistoryRow[] {
    const image = this.resolve(name);
    const config = this.config(image);
    const history = config.history ?? [];
    const rows: HistoryRow[] = [];
    let layer = 0;
    for (const entry of history) {
      const l = entry.empty_layer ? null : image.layers[layer++];
      rows.push({
        id: '<missing>',
        ...(entry.created ? { created: entry.created } : {}),
        createdBy: entry.created_by ?? '',
        size: l && this.layers.has(l.chainId) ? this.layers.record(l.chainId).size : 0,
        comment: entry.comment ?? '',
      });
    }
    rows.reverse();
    if (rows.length) rows[0].id = image.configDigest;
    return rows;
  }

  /** The container settings of an image, for the engine. */
  containerConfig(name: string): ContainerConfig {
    return this.config(this.resolve(name)).config ?? {};
  }
}

function normalisedOrNull(name: string): string | null {
  try {
    const ref = parseReference(name);
    return ref.tag ? formatReference({ domain: ref.domain, path: ref.path, tag: ref.tag }) : null;
  } catch {
    return null;
  }
}

function lookup(m: Metadata, name: string): ImageRecord | null {
  let ref: Reference | null = null;
  try {
    ref = parseReference(name);
  } catch {
    // not a reference; maybe an id
  }
  if (ref?.digest) {
    const direct = m.images[ref.digest];
    if (direct) return direct;
    const repo = `${ref.domain}/${ref.path}@${ref.digest}`;
    const byRepoDigest = Object.values(m.images).find((i) => i.repoDigests.includes(repo));
    if (byRepoDigest) return byRepoDigest;
  } else if (ref?.tag) {
    const digest = m.tags[formatReference(ref)];
    if (digest && m.images[digest]) return m.images[digest];
  }
  const hex = HEX_PREFIX.exec(name)?.[1];
  if (hex && (!ref || !m.tags[formatReference(ref)])) {
    const matches = Object.values(m.images).filter(
      (i) => i.configDigest.slice(7).startsWith(hex) || i.manifestDigest.slice(7).startsWith(hex),
    );
    const unique = new Set(matches.map((i) => i.manifestDigest));
    if (unique.size === 1) return matches[0];
    if (unique.size > 1)
      throw new ImageError(`"${name}" is ambiguous: it starts ${unique.size} image ids; give more of it`);
  }
  return null;
}
