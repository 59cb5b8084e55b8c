/**
 * Layer tars ↔ layer directories that overlayfs stacks as lowerdirs.
 *
 * extractLayer writes one layer into its own empty directory, turning OCI
 * whiteouts into overlay whiteouts (char 0/0) and opaque markers into the
 * trusted.overlay.opaque xattr. It never writes outside that directory: ".."
 * is refused and no entry may pass through a symlink the layer made.
 *
 * packLayer does the reverse for a directory made by the builder (an overlay
 * upper dir, or a COPY result): whiteout devices become .wh. entries, opaque
 * directories get their marker, hard links are kept as links.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFsOps, type FsOp } from '@berth/runtime';
import { InvalidArchiveError } from '../errors';
import { header, TarReader, type OwnerMap, type PackEntry, type TarHeader } from './tar';
import {
  entryMeaning,
  normaliseEntryPath,
  OPAQUE_XATTR,
  opaqueEntryName,
  whiteoutEntryName,
} from './whiteout';

export interface ExtractResult {
  /** Directories marked opaque, relative to the layer root. */
  opaqueDirs: string[];
  whiteouts: number;
  entries: number;
  /** Bytes of regular file content. */
  size: number;
}

interface DirMeta {
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
}

/**
 * INTO_EXISTING: DEST already holds files (`cp` into a container) — no entry
 * may pass through a symlink found there either, since one could lead out.
 * RENAME maps each entry's name (and hard links' targets) first.
 */
export async function extractLayer(
  tar: AsyncIterable<Buffer>,
  dest: string,
  options: {
    intoExisting?: boolean;
    rename?: (name: string) => string;
    /** the owners written, from the archive's (a remapped container's host ids for its own) */
    owners?: OwnerMap;
  } = {},
): Promise<ExtractResult> {
  const owners = options.owners;
  const rename = options.rename ?? ((name: string) => name);
  const symlinks = new Set<string>();
  const dirs = new Map<string, DirMeta>();
  const fsOps: FsOp[] = [];
  const opaqueDirs: string[] = [];
  const result: ExtractResult = { opaqueDirs, whiteouts: 0, entries: 0, size: 0 };

  const safePath = (name: string): string | null => {
    let rel: string | null;
    try {
      rel = normaliseEntryPath(name);
    } catch (error) {
      throw new InvalidArchiveError(`layer entry ${(error as Error).message}`);
    }
    if (rel === null) return null;
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      if (
        symlinks.has(parent) ||
        (options.intoExisting && fs.lstatSync(abs(parent), { throwIfNoEntry: false })?.isSymbolicLink())
      )
        throw new InvalidArchiveError(`layer entry "${name}" passes through the symlink "${parent}"`);
    }
    return rel;
  };
  const abs = (rel: string) => path.join(dest, rel);
  const ensureParent = (rel: string) => {
    const parent = path.dirname(abs(rel));
    if (!fs.existsSync(parent)) fs.mkdirSync(parent, { recursive: true, mode: 0o755 });
  };
  const clear = (rel: string, keepDir: boolean) => {
    const st = fs.lstatSync(abs(rel), { throwIfNoEntry: false });
    if (!st || (keepDir && st.isDirectory())) return;
    fs.rmSync(abs(rel), { recursive: true, force: true });
    symlinks.delete(rel);
  };

  for await (const entry of new TarReader(tar).entries()) {
    const h = owners
      ? { ...entry.header, uid: owners(entry.header.uid, 'uid'), gid: owners(entry.header.gid, 'gid') }
      : entry.header;
    const rel = safePath(rename(h.name));
    if (rel === null) continue; // the layer's root: its attributes belong to the image's root, set by the lowest layer
    result.entries++;
    const meaning = entryMeaning(rel);
    if (meaning.kind === 'opaque') {
      if (meaning.dir) fs.mkdirSync(abs(meaning.dir), { recursive: true, mode: 0o755 });
      opaqueDirs.push(meaning.dir);
      fsOps.push({
        op: 'setxattr',
        path: abs(meaning.dir || '.'),
        name: OPAQUE_XATTR,
        value: Buffer.from('y'),
      });
      continue;
    }
    if (meaning.kind === 'whiteout') {
      ensureParent(meaning.path);
      clear(meaning.path, false);
      result.whiteouts++;
      fsOps.push({
        op: 'mknod',
        path: abs(meaning.path),
        type: 'c',
        major: 0,
        minor: 0,
        mode: 0,
        uid: 0,
        gid: 0,
      });
      continue;
    }
    ensureParent(rel);
    const target = abs(rel);
    switch (h.type) {
      case 'directory':
        clear(rel, true);
        if (!fs.existsSync(target)) fs.mkdirSync(target, { mode: 0o755 });
        dirs.set(rel, { mode: h.mode, uid: h.uid, gid: h.gid, mtime: h.mtime });
        break;
      case 'file': {
        clear(rel, false);
        await writeBody(target, h.size, entry.body());
        result.size += h.size;
        setAttributes(target, h);
        break;
      }
      case 'symlink':
        clear(rel, false);
        fs.symlinkSync(h.linkname, target);
        symlinks.add(rel);
        fs.lchownSync(target, h.uid, h.gid);
        fs.lutimesSync(target, h.mtime, h.mtime);
        break;
      case 'link': {
        const linked = safePath(rename(h.linkname));
        if (linked === null || !fs.existsSync(abs(linked)))
          throw new InvalidArchiveError(
            `layer entry "${h.name}" is a hard link to "${h.linkname}", which the layer does not hold`,
          );
        clear(rel, false);
        fs.linkSync(abs(linked), target);
        break;
      }
      case 'char':
      case 'block':
      case 'fifo':
        clear(rel, false);
        fsOps.push({
          op: 'mknod',
          path: target,
          type: h.type === 'char' ? 'c' : h.type === 'block' ? 'b' : 'p',
          major: h.devmajor,
          minor: h.devminor,
          mode: h.mode,
          uid: h.uid,
          gid: h.gid,
        });
        break;
    }
    for (const [name, value] of Object.entries(h.xattrs))
      fsOps.push({ op: 'setxattr', path: target, name, value });
  }

  await applyFsOps(fsOps);
  // directories last, deepest first: writing their children changed their times
  for (const rel of [...dirs.keys()].sort((a, b) => b.length - a.length)) {
    const meta = dirs.get(rel)!;
    const target = abs(rel);
    fs.lchownSync(target, meta.uid, meta.gid);
    fs.chmodSync(target, meta.mode);
    fs.utimesSync(target, meta.mtime, meta.mtime);
  }
  return result;
}

/**
 * Big files are written through the thread pool, so hashing and the network
 * go on meanwhile; small ones synchronously, where a round trip would cost more.
 */
async function writeBody(target: string, size: number, body: AsyncIterable<Buffer>): Promise<void> {
  if (size < 256 * 1024) {
    const fd = fs.openSync(target, 'w', 0o600);
    try {
      for await (const chunk of body) fs.writeSync(fd, chunk);
    } finally {
      fs.closeSync(fd);
    }
    return;
  }
  const handle = await fs.promises.open(target, 'w', 0o600);
  try {
    for await (const chunk of body) await handle.write(chunk);
  } finally {
    await handle.close();
  }
}

/** Owner before mode: chown clears set-uid bits. */
function setAttributes(target: string, h: TarHeader): void {
  fs.lchownSync(target, h.uid, h.gid);
  fs.chmodSync(target, h.mode);
  fs.utimesSync(target, h.mtime, h.mtime);
}

/** The directories of DIR (relative paths, '' for DIR itself) that overlay marked opaque. */
export async function findOpaqueDirs(dir: string): Promise<string[]> {
  const dirs: string[] = [''];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      dirs.push(child);
      walk(child);
    }
  };
  walk('');
  const values = await applyFsOps(
    dirs.map((rel) => ({ op: 'getxattr', path: path.join(dir, rel), name: OPAQUE_XATTR })),
  );
  return dirs.filter((_, i) => values[i]?.toString() === 'y');
}

/** A tree to pack: the merged view of layers, or a plain directory. REL has no leading slash. */
export interface ReadableTree {
  lstat(rel: string): fs.Stats | null;
  readdir(rel: string): string[];
  /** Where the entry's bytes are on the host. */
  hostPath(rel: string): string;
}

/** A plain host directory as a tree to pack (a volume, a bind mount, a path given to `cp`). */
export class DirectoryTree implements ReadableTree {
  constructor(private readonly dir: string) {}
  lstat(rel: string): fs.Stats | null {
    return fs.lstatSync(this.hostPath(rel), { throwIfNoEntry: false }) ?? null;
  }
  readdir(rel: string): string[] {
    return fs.readdirSync(this.hostPath(rel));
  }
  hostPath(rel: string): string {
    return path.join(this.dir, rel);
  }
}

/**
 * The tar entry for one file system object NAME with stat ST at HOST_PATH;
 * hard links to an inode already packed become links (INODES remembers).
 * Sockets are not carried: null.
 */
function entryOf(
  name: string,
  st: fs.Stats,
  hostPath: string,
  inodes: Map<string, string>,
): PackEntry | null {
  const base = { uid: st.uid, gid: st.gid, mode: st.mode & 0o7777, mtime: Math.floor(st.mtimeMs / 1000) };
  if (st.isDirectory()) return { header: header({ name: `${name}/`, type: 'directory', ...base }) };
  if (st.isSymbolicLink())
    return { header: header({ name, type: 'symlink', linkname: fs.readlinkSync(hostPath), ...base }) };
  if (st.isFile()) {
    const key = `${st.dev}:${st.ino}`;
    const first = st.nlink > 1 ? inodes.get(key) : undefined;
    if (first) return { header: header({ name, type: 'link', linkname: first, ...base }) };
    if (st.nlink > 1) inodes.set(key, name);
    return { header: header({ name, type: 'file', size: st.size, ...base }), body: readFile(hostPath) };
  }
  if (st.isCharacterDevice() || st.isBlockDevice() || st.isFIFO()) {
    const type = st.isFIFO() ? 'fifo' : st.isCharacterDevice() ? 'char' : 'block';
    return {
      header: header({ name, type, ...base, devmajor: deviceMajor(st.rdev), devminor: deviceMinor(st.rdev) }),
    };
  }
  return null;
}

/**
 * The tar entries of a layer directory, sorted, with whiteout devices and
 * OPAQUE_DIRS written as OCI markers. File bodies are read as the entry is packed.
 */
export function* layerEntries(dir: string, opaqueDirs: readonly string[] = []): Generator<PackEntry> {
  const opaque = new Set(opaqueDirs);
  const inodes = new Map<string, string>();
  if (opaque.has('')) yield { header: header({ name: opaqueEntryName(''), type: 'file' }) };
  function* walk(rel: string): Generator<PackEntry> {
    for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
      const child = rel ? `${rel}/${name}` : name;
      const full = path.join(dir, child);
      const st = fs.lstatSync(full);
      if (st.isCharacterDevice() && st.rdev === 0) {
        yield {
          header: header({
            name: whiteoutEntryName(child),
            type: 'file',
            mtime: Math.floor(st.mtimeMs / 1000),
          }),
        };
        continue;
      }
      const entry = entryOf(child, st, full, inodes);
      if (entry) yield entry;
      if (st.isDirectory()) {
        if (opaque.has(child))
          yield {
            header: header({
              name: opaqueEntryName(child),
              type: 'file',
              mtime: Math.floor(st.mtimeMs / 1000),
            }),
          };
        yield* walk(child);
      }
    }
  }
  yield* walk('');
}

/**
 * The entries of TREE from REL down, named under AS ("" packs REL's
 * contents at the archive's root, as `docker export` does).
 */
export function* treeEntries(tree: ReadableTree, rel: string, as: string): Generator<PackEntry> {
  const inodes = new Map<string, string>();
  function* walk(from: string, name: string): Generator<PackEntry> {
    const st = tree.lstat(from);
    if (!st) return;
    if (name) {
      const entry = entryOf(name, st, tree.hostPath(from), inodes);
      if (entry) yield entry;
    }
    if (!st.isDirectory()) return;
    for (const child of tree.readdir(from).sort())
      yield* walk(from ? `${from}/${child}` : child, name ? `${name}/${child}` : child);
  }
  yield* walk(rel, as);
}

/** Linux's dev_t layout (glibc's gnu_dev_major/minor), for the numbers that fit a double exactly. */
export function deviceMajor(rdev: number): number {
  return (Math.floor(rdev / 256) & 0xfff) | (Math.floor(rdev / 2 ** 32) & ~0xfff);
}

export function deviceMinor(rdev: number): number {
  return (rdev & 0xff) | (Math.floor(rdev / 4096) & ~0xff);
}

async function* readFile(file: string): AsyncGenerator<Buffer> {
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  for await (const chunk of stream) yield chunk as Buffer;
}
