/** An image's layers as one filesystem, for looking up paths and users during a build. */
import type { Images } from '../images';
import type { LayerRef } from '../store/metadata';
import { LayeredFs, resolveUser } from './layered-fs';
import { BuildError } from './source-tree';

/** LAYERS (bottom first) as a LayeredFs. */
export function rootOf(images: Images, layers: LayerRef[]): LayeredFs {
  const views = [...layers].reverse().map((l) => ({
    dir: images.layers.diffDir(l.chainId),
    opaqueDirs: new Set(images.layers.has(l.chainId) ? images.layers.record(l.chainId).opaqueDirs : []),
  }));
  return new LayeredFs(views);
}

/** uid:gid for USER, from the image's passwd and group files. */
export function userIn(root: LayeredFs, spec: string | undefined): { uid: number; gid: number } {
  try {
    const { uid, gid } = resolveUser(root, spec);
    return { uid, gid };
  } catch (error) {
    throw new BuildError((error as Error).message);
  }
}
