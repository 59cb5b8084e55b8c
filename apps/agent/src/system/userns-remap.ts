/**
 * dockerd's --userns-remap, as rules: which account, its subordinate id
 * ranges (/etc/subuid, /etc/subgid), the mappings made of them, and the range a
 * new account gets. Pure; remap-identity.ts reads the files and runs the programs.
 */
import type { OciIdMapping } from '@berth/runtime';
import { ConfigError } from '../config';

/** What `--userns-remap default` uses (dockerd's is dockremap), made when absent. */
export const DEFAULT_REMAP_ACCOUNT = 'berthremap';
/** moby's defaults for the range a new account gets. */
export const RANGE_START = 100000;
export const RANGE_LENGTH = 65536;

export interface RemapAccount {
  user: string;
  /** Whose /etc/subgid ranges are used: the user's name unless USER:GROUP says. */
  group: string;
  /** 'default': the account is made (useradd -r) and given ranges (usermod -v/-w) if absent. */
  createIfMissing: boolean;
}

export interface SubordinateRange {
  start: number;
  length: number;
}

/** The container's ids mapped onto the account's ranges, and its root's host ids. */
export interface RemapIdentity {
  uidMappings: OciIdMapping[];
  gidMappings: OciIdMapping[];
  rootUid: number;
  rootGid: number;
}

export function remapAccount(flag: string): RemapAccount {
  if (flag === 'default')
    return { user: DEFAULT_REMAP_ACCOUNT, group: DEFAULT_REMAP_ACCOUNT, createIfMissing: true };
  const [user, group] = flag.split(':');
  return { user, group: group ?? user, createIfMissing: false };
}

/** The ranges of NAME (or its numeric ID) in a /etc/subuid or /etc/subgid text, in file order. */
export function subordinateRanges(text: string, name: string, id: number | null): SubordinateRange[] {
  const ranges: SubordinateRange[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [owner, start, length] = line.split(':');
    if (owner !== name && (id === null || owner !== String(id))) continue;
    if (!/^\d+$/.test(start ?? '') || !/^\d+$/.test(length ?? '') || Number(length) === 0) continue;
    ranges.push({ start: Number(start), length: Number(length) });
  }
  return ranges;
}

/** Every range of a file, whoever holds it (to find a free one). */
export function allRanges(text: string): SubordinateRange[] {
  return text
    .split('\n')
    .map((l) => l.trim().split(':'))
    .filter((f) => f.length === 3 && /^\d+$/.test(f[1]) && /^\d+$/.test(f[2]))
    .map(([, start, length]) => ({ start: Number(start), length: Number(length) }));
}

/** Container ids 0.. laid over the ranges one after another, as moby's createIDMap. */
export function idMappings(ranges: SubordinateRange[]): OciIdMapping[] {
  let containerID = 0;
  return ranges.map((r) => {
    const m = { containerID, hostID: r.start, size: r.length };
    containerID += r.length;
    return m;
  });
}

/** The first range of RANGE_LENGTH ids from RANGE_START that no existing range touches (moby's findNextRangeStart). */
export function nextFreeRange(existing: SubordinateRange[]): SubordinateRange {
  let start = RANGE_START;
  for (const r of [...existing].sort((a, b) => a.start - b.start))
    if (start < r.start + r.length && r.start < start + RANGE_LENGTH) start = r.start + r.length;
  return { start, length: RANGE_LENGTH };
}

export function remapIdentity(
  account: RemapAccount,
  uidRanges: SubordinateRange[],
  gidRanges: SubordinateRange[],
): RemapIdentity {
  const missing = (file: string, owner: string) =>
    new ConfigError(
      `--userns-remap: ${owner} has no range in ${file}; add one, e.g. "${owner}:${RANGE_START}:${RANGE_LENGTH}"`,
    );
  if (!uidRanges.length) throw missing('/etc/subuid', account.user);
  if (!gidRanges.length) throw missing('/etc/subgid', account.group);
  const uidMappings = idMappings(uidRanges);
  const gidMappings = idMappings(gidRanges);
  return { uidMappings, gidMappings, rootUid: uidMappings[0].hostID, rootGid: gidMappings[0].hostID };
}

/**
 * Whether this kernel (its `uname -r`) mounts overlayfs over idmapped layers (Linux 5.19):
 * how a remapped container sees the image's files as its root's. dockerd's other way, a
 * chowned copy of every layer per remapping, Berth does not have.
 */
export function idmappedLayersSupported(release: string): boolean {
  const [major, minor] = release.split(/[.-]/).map(Number);
  return major > 5 || (major === 5 && minor >= 19);
}
