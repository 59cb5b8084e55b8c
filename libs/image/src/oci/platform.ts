/** Picking the manifest for a platform from an image index. Pure. */
import type { Descriptor, Platform } from './types';

export function selectManifest(manifests: readonly Descriptor[], want: Platform): Descriptor | undefined {
  const matches = manifests.filter(
    (m) => m.platform?.os === want.os && m.platform?.architecture === want.architecture,
  );
  if (want.variant) return matches.find((m) => m.platform?.variant === want.variant) ?? matches[0];
  // amd64 has no variants in practice; prefer the one without, then the first
  return matches.find((m) => !m.platform?.variant) ?? matches[0];
}

export function formatPlatform(p: Platform): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}
