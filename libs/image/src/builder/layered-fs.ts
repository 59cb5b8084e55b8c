/**
 * Reading an image's root filesystem straight from its layer directories,
 * as overlayfs would show it (whiteouts hide, opaque directories cut off
 * what is below), without mounting anything. The builder uses it to resolve
 * COPY destinations through the image's symlinks, to keep the attributes of
 * existing parent directories, to read /etc/passwd for --chown, and for
 * COPY --from.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface LayerView {
  dir: string;
  opaqueDirs: ReadonlySet<string>;
}

export interface Found {
  /** The file on the host holding this entry. */
  hostPath: string;
  stat: fs.Stats;
}

function isWhiteout(st: fs.Stats): boolean {
  return st.isCharacterDevice() && st.rdev === 0;
}

function lstat(p: string): fs.Stats | null {
  return fs.lstatSync(p, { throwIfNoEntry: false }) ?? null;
}

export class LayeredFs {
  /** LAYERS topmost first. */
  constructor(private readonly layers: readonly LayerView[]) {}

  /** The entry at REL ("etc/passwd", no leading slash) as the merged root shows it; symlinks are not followed. */
  lookup(rel: string): Found | null {
    if (rel === '') {
      const top = this.layers[0];
      return top ? { hostPath: top.dir, stat: fs.lstatSync(top.dir) } : null;
    }
    const parts = rel.split('/');
    for (const layer of this.layers) {
      // an ancestor deleted, replaced by a non-directory, or made opaque in this layer decides for all below it
      let blocked = false;
      for (let n = 1; n < parts.length; n++) {
        const prefix = parts.slice(0, n).join('/');
        const st = lstat(path.join(layer.dir, prefix));
        if (st && (isWhiteout(st) || !st.isDirectory())) return null;
        if (layer.opaqueDirs.has(prefix) && st) blocked = true;
      }
      const st = lstat(path.join(layer.dir, rel));
      if (st) return isWhiteout(st) ? null : { hostPath: path.join(layer.dir, rel), stat: st };
      if (blocked) return null;
    }
    return null;
  }

  /** The names in directory REL, merged over the layers. */
  readdir(rel: string): string[] {
    const names = new Set<string>();
    const hidden = new Set<string>();
    for (const layer of this.layers) {
      const dir = path.join(layer.dir, rel);
      const st = lstat(dir);
      if (st?.isDirectory()) {
        for (const name of fs.readdirSync(dir)) {
          if (hidden.has(name) || names.has(name)) continue;
          const child = fs.lstatSync(path.join(dir, name));
          if (isWhiteout(child)) hidden.add(name);
          else names.add(name);
        }
        if (layer.opaqueDirs.has(rel)) break;
      } else if (st) break; // a non-directory here hides everything below
    }
    return [...names].sort();
  }

  /**
   * REL with every symlink on the way resolved inside the root, as a
   * container would see it; the last component is followed too unless
   * NOFOLLOW_LAST. Links can never lead out of the root.
   */
  resolve(rel: string, nofollowLast = false, depth = 0): string {
    if (depth > 40) throw new Error(`too many levels of symbolic links resolving /${rel}`);
    const parts = rel.split('/').filter(Boolean);
    const done: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (part === '.') continue;
      if (part === '..') {
        done.pop();
        continue;
      }
      const candidate = [...done, part].join('/');
      const last = i === parts.length - 1;
      const found = this.lookup(candidate);
      if (found?.stat.isSymbolicLink() && !(last && nofollowLast)) {
        const target = fs.readlinkSync(found.hostPath);
        const base = target.startsWith('/') ? [] : done;
        const resolved = this.resolve(
          [...base, ...target.split('/'), ...parts.slice(i + 1)].join('/'),
          nofollowLast,
          depth + 1,
        );
        return resolved;
      }
      done.push(part);
    }
    return done.join('/');
  }

  readFile(rel: string): Buffer | null {
    const found = this.lookup(this.resolve(rel));
    return found?.stat.isFile() ? fs.readFileSync(found.hostPath) : null;
  }
}

/** A user or group name (or number) to its id, from the image's /etc/passwd or /etc/group. */
export function lookupId(root: LayeredFs, file: 'passwd' | 'group', name: string): number | null {
  if (/^\d+$/.test(name)) return Number(name);
  const text = root.readFile(`etc/${file}`)?.toString('utf8') ?? '';
  for (const line of text.split('\n')) {
    const fields = line.split(':');
    if (fields[0] === name && fields[2] !== undefined) return Number(fields[2]);
  }
  return null;
}

export interface ResolvedUser {
  uid: number;
  gid: number;
  /** Groups /etc/group lists the user in, besides the primary one. */
  additionalGids: number[];
}

/**
 * USER as Docker reads it — "name", "uid", "name:group", "uid:gid" — from the
 * image's /etc/passwd and /etc/group; a bare uid not in passwd gets gid 0, as in Docker.
 */
export function resolveUser(root: LayeredFs, spec: string | undefined): ResolvedUser {
  if (!spec) return { uid: 0, gid: 0, additionalGids: [] };
  const [u, g] = spec.split(':');
  const passwd = (root.readFile('etc/passwd')?.toString('utf8') ?? '').split('\n').map((l) => l.split(':'));
  const entry = /^\d+$/.test(u) ? passwd.find((f) => f[2] === u) : passwd.find((f) => f[0] === u);
  if (!entry && !/^\d+$/.test(u))
    throw new Error(`unable to find user ${u}: no matching entries in passwd file`);
  const uid = entry ? Number(entry[2]) : Number(u);
  let gid = entry ? Number(entry[3]) : 0;
  if (g !== undefined) {
    const found = lookupId(root, 'group', g);
    if (found === null) throw new Error(`unable to find group ${g}: no matching entries in group file`);
    gid = found;
  }
  const name = entry?.[0];
  const additionalGids = name
    ? (root.readFile('etc/group')?.toString('utf8') ?? '')
        .split('\n')
        .map((l) => l.split(':'))
        .filter((f) => f[3]?.split(',').includes(name) && Number(f[2]) !== gid)
        .map((f) => Number(f[2]))
    : [];
  return { uid, gid, additionalGids };
}
