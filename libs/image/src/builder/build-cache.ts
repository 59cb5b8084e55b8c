/** The build cache in images.json: each step's layer (or the final image) by its cache key. */
import type { Digest } from '../digest';
import type { Images } from '../images';
import type { LayerRef } from '../store/metadata';

export class BuildCache {
  constructor(private readonly images: Images) {}

  /** A cached step's layer, if the cache has it and the layer and blob are still here. */
  cachedLayer(cacheKey: string): LayerRef | null {
    const entry = this.images.meta.read().buildCache[cacheKey];
    const layer = entry?.layer;
    return layer && this.images.layers.has(layer.chainId) && this.images.blobs.has(layer.blob) ? layer : null;
  }

  remember(cacheKey: string, entry: { layer?: LayerRef; image?: Digest }): void {
    this.images.meta.update((m) => {
      m.buildCache[cacheKey] = { ...entry, createdAt: new Date().toISOString() };
    });
  }

  /** The image a build that ended with the same key made (it may have been removed since). */
  image(cacheKey: string): Digest | undefined {
    return this.images.meta.read().buildCache[cacheKey]?.image;
  }
}
