/** Finding an image record in images.json: by tag, by digest, or by a unique prefix of its id. */
import { ImageError } from './errors';
import { formatReference, parseReference, type Reference } from './reference';
import type { ImageRecord, Metadata } from './store/metadata';

const HEX_PREFIX = /^(?:sha256:)?([a-f0-9]{4,64})$/;

/** NAME as the tag it names (normalised), or null when it names no tag. */
export function normalisedOrNull(name: string): string | null {
  try {
    const ref = parseReference(name);
    return ref.tag ? formatReference({ domain: ref.domain, path: ref.path, tag: ref.tag }) : null;
  } catch {
    return null;
  }
}

/** By reference (tag or digest), or by a unique prefix of the image id or manifest digest; null when none. */
export function findImage(m: Metadata, name: string): ImageRecord | null {
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
