/**
 * Berth's own annotations in config.json. They let a plain OCI bundle carry
 * what the spec has no field for, so the engine's containers and hand-made
 * bundles go through the one path.
 */
export const ANNOTATION = {
  /** Overlay root: lower directories, topmost first, joined by ':'. `root.path` is the merge point. */
  overlayLowerDirs: 'io.berth.rootfs.lowerdirs',
  overlayUpperDir: 'io.berth.rootfs.upperdir',
  overlayWorkDir: 'io.berth.rootfs.workdir',
  /**
   * 'true' with a user namespace: each lower layer is seen through an idmapped mount with the
   * container's mappings, so files root owns in a layer are the container root's (kernel 5.19+).
   */
  overlayIdmap: 'io.berth.rootfs.idmap',
  /** 'true': the container's init brings lo of its network namespace up, as Docker does for a namespace of its own. */
  loopbackUp: 'io.berth.network.loopback-up',
} as const;

export interface OverlayRoot {
  lowerDirs: string[];
  upperDir: string;
  workDir: string;
}

export function overlayFromAnnotations(annotations: Record<string, string> | undefined): OverlayRoot | null {
  const lower = annotations?.[ANNOTATION.overlayLowerDirs];
  if (!lower) return null;
  return {
    lowerDirs: lower.split(':').filter(Boolean),
    upperDir: annotations[ANNOTATION.overlayUpperDir] ?? '',
    workDir: annotations[ANNOTATION.overlayWorkDir] ?? '',
  };
}

export function overlayAnnotations(overlay: OverlayRoot): Record<string, string> {
  return {
    [ANNOTATION.overlayLowerDirs]: overlay.lowerDirs.join(':'),
    [ANNOTATION.overlayUpperDir]: overlay.upperDir,
    [ANNOTATION.overlayWorkDir]: overlay.workDir,
  };
}
