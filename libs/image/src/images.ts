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
import { deleteUnreachable } from './garbage';
import { findImage, normalisedOrNull } from './image-lookup';
import { historyRows, imageSummaries, inspectView, type HistoryRow, type ImageSummary } from './image-views';
import { familiarName, formatReference, parseReference } from './reference';
import { RegistryClient, type RegistryClientOptions } from './registry/client';
import type { Credentials } from './registry/auth';
import { CredentialStore, GivenCredentials } from './registry/credentials';
import { BlobStore } from './store/blob-store';
import { LayerStore } from './store/layer-store';
import { MetadataStore, type Holder, type ImageRecord, type LayerRef } from './store/metadata';
import { importRootfs, type ImportOptions } from './archive/import';
import { ingestTar } from './archive/ingest';
import { findOpaqueDirs, layerEntries } from './archive/layer';
import { packTar, withOwners, type OwnerMap } from './archive/tar';
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

export interface RemoveResult {
  untagged: string[];
  deleted: Digest[];
}

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
    const found = findImage(m, name);
    if (found) return found;
    throw new ImageNotFoundError(name, `pull it first (berth pull ${name}) or check \`berth images\``);
  }

  tryResolve(name: string): ImageRecord | null {
    return findImage(this.meta.read(), name);
  }

  config(image: ImageRecord): ImageConfig {
    return this.blobs.readJson<ImageConfig>(image.configDigest);
  }

  list(): ImageSummary[] {
    return imageSummaries(this.meta.read());
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
      const image = findImage(m, name);
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
    return deleteUnreachable(this, this.holders.values());
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
      const image = findImage(m, name);
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
    options: {
      config: ContainerConfig;
      reference?: string;
      message?: string;
      author?: string;
      /** a remapped container's: its host ids as the image keeps them (the container's) */
      owners?: OwnerMap;
    },
  ): Promise<ImageRecord> {
    const parent = this.config(base);
    // packed and unpacked again: the container keeps its upper dir
    const entries = layerEntries(upper, await findOpaqueDirs(upper));
    const tar = Readable.from(packTar(options.owners ? withOwners(entries, options.owners) : entries));
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
    return inspectView(image, this.config(image), this.tagsOf(image), this.blobs.size(image.manifestDigest));
  }

  history(name: string): HistoryRow[] {
    const image = this.resolve(name);
    return historyRows(image, this.config(image), this.layers);
  }

  /** The container settings of an image, for the engine. */
  containerConfig(name: string): ContainerConfig {
    return this.config(this.resolve(name)).config ?? {};
  }
}
