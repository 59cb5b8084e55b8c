/**
 * OCI whiteouts, as layer tars carry them, and as overlayfs wants them in a
 * lower directory. Pure.
 *   tar: dir/.wh.name     → overlay: dir/name is a char device 0/0
 *   tar: dir/.wh..wh..opq → overlay: dir has xattr trusted.overlay.opaque = "y"
 */
export const WHITEOUT_PREFIX = '.wh.';
export const OPAQUE_MARKER = '.wh..wh..opq';
export const OPAQUE_XATTR = 'trusted.overlay.opaque';

export type EntryMeaning =
  { kind: 'opaque'; dir: string } | { kind: 'whiteout'; path: string } | { kind: 'plain'; path: string };

function split(path: string): { dir: string; base: string } {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? { dir: '', base: path } : { dir: path.slice(0, slash), base: path.slice(slash + 1) };
}

function join(dir: string, base: string): string {
  return dir ? `${dir}/${base}` : base;
}

/** What a (normalised) tar entry path means for the layer. */
export function entryMeaning(path: string): EntryMeaning {
  const { dir, base } = split(path);
  if (base === OPAQUE_MARKER) return { kind: 'opaque', dir };
  if (base.startsWith(WHITEOUT_PREFIX))
    return { kind: 'whiteout', path: join(dir, base.slice(WHITEOUT_PREFIX.length)) };
  return { kind: 'plain', path };
}

export function whiteoutEntryName(path: string): string {
  const { dir, base } = split(path);
  return join(dir, `${WHITEOUT_PREFIX}${base}`);
}

export function opaqueEntryName(dir: string): string {
  return join(dir, OPAQUE_MARKER);
}

/**
 * A tar path made safe: no leading "/" or "./", no "." parts, no trailing "/".
 * Returns null for the root itself; throws on "..", which would climb out.
 */
export function normaliseEntryPath(name: string): string | null {
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new Error(`"${name}" climbs out of the layer with ".."`);
  return parts.length ? parts.join('/') : null;
}
