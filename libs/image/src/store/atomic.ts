/** Files that are either wholly old or wholly new: temp file, fsync, rename, fsync the directory. */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export function tempName(target: string): string {
  return path.join(
    path.dirname(target),
    `.tmp-${path.basename(target)}-${process.pid}-${crypto.randomBytes(4).toString('hex')}`,
  );
}

export function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** DATA as TARGET, wholly or not at all, and still there after a power cut. */
export function writeFileAtomic(target: string, data: string | Buffer): void {
  const tmp = tempName(target);
  const fd = fs.openSync(tmp, 'w', 0o644);
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  fs.renameSync(tmp, target);
  fsyncDir(path.dirname(target));
}

/** Temp files left by a process that died mid-write; they never count as content. */
export function removeStaleTemps(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith('.tmp-')) continue;
    const pid = Number(name.split('-').at(-2));
    if (!Number.isInteger(pid) || pid === process.pid || !isAlive(pid))
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
