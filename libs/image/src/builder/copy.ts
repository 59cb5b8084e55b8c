/**
 * COPY and ADD into a new layer directory: destination resolved through the
 * image's symlinks, missing parent directories made (existing ones keep the
 * image's owner and mode, so the layer does not change them), then files,
 * links and directories copied with their mode and time, owned by --chown
 * (or root). ADD also unpacks local tar archives.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { decompressIfGzip } from '../archive/import';
import { extractLayer } from '../archive/layer';
import type { LayeredFs } from './layered-fs';
import type { SourceTree } from './source-tree';

export interface CopyOwner {
  uid: number;
  gid: number;
  /** --chmod, applied to every file and directory copied. */
  mode?: number;
}

/** Make REL's missing parents in LAYER_DIR, taking attributes from the image where it has them. */
export function makeParents(layerDir: string, rel: string, root: LayeredFs, owner: CopyOwner): void {
  const parts = rel.split('/').filter(Boolean);
  for (let n = 1; n <= parts.length; n++) {
    const prefix = parts.slice(0, n).join('/');
    const target = path.join(layerDir, prefix);
    if (fs.existsSync(target)) continue;
    const existing = root.lookup(prefix);
    if (existing?.stat.isDirectory()) {
      fs.mkdirSync(target);
      fs.lchownSync(target, existing.stat.uid, existing.stat.gid);
      fs.chmodSync(target, existing.stat.mode & 0o7777);
      fs.utimesSync(target, existing.stat.atime, existing.stat.mtime);
    } else {
      fs.mkdirSync(target, { mode: 0o755 });
      fs.lchownSync(target, owner.uid, owner.gid);
      fs.chmodSync(target, 0o755);
    }
  }
}

/** Copy SRC from TREE to DEST (a path inside LAYER_DIR); a directory's contents go into DEST. */
export function copyEntry(
  tree: SourceTree,
  src: string,
  layerDir: string,
  dest: string,
  owner: CopyOwner,
): void {
  const st = tree.lstat(src);
  if (!st) return;
  const target = path.join(layerDir, dest);
  const own = (p: string) => fs.lchownSync(p, owner.uid, owner.gid);
  if (st.isDirectory()) {
    if (!fs.existsSync(target)) fs.mkdirSync(target, { recursive: true });
    for (const name of tree.readdir(src))
      copyEntry(tree, src ? `${src}/${name}` : name, layerDir, dest ? `${dest}/${name}` : name, owner);
    if (src) {
      own(target);
      fs.chmodSync(target, owner.mode ?? st.mode & 0o7777);
      fs.utimesSync(target, st.atime, st.mtime);
    }
  } else if (st.isSymbolicLink()) {
    fs.rmSync(target, { force: true, recursive: true });
    fs.symlinkSync(fs.readlinkSync(tree.hostPath(src)), target);
    own(target);
  } else if (st.isFile()) {
    fs.rmSync(target, { force: true, recursive: true });
    fs.copyFileSync(tree.hostPath(src), target);
    own(target);
    fs.chmodSync(target, owner.mode ?? st.mode & 0o7777);
    fs.utimesSync(target, st.atime, st.mtime);
  }
  // devices, fifos and sockets are not copied, as Docker does not copy them
}

/** Whether FILE starts like a tar archive (after gunzip if gzipped): ADD unpacks those. */
export function looksLikeTar(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(512);
    const n = fs.readSync(fd, head, 0, 512, 0);
    if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return true;
    return n === 512 && head.toString('latin1', 257, 262) === 'ustar';
  } finally {
    fs.closeSync(fd);
  }
}

/** ADD's archive case: the entries land under DEST, with the archive's owners unless --chown says otherwise. */
export async function unpackArchive(source: Readable, layerDir: string, dest: string): Promise<void> {
  const target = path.join(layerDir, dest);
  fs.mkdirSync(target, { recursive: true });
  await extractLayer(await decompressIfGzip(source), target);
}
