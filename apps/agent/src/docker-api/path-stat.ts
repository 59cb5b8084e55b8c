/**
 * `docker cp`'s look at a path before it copies: the `X-Docker-Container-Path-Stat` header,
 * base64 JSON whose mode is Go's os.FileMode (the client asks `IsDir()` of it), not st_mode. Pure.
 */
import type { PathStat } from '../containers/container-files.service';

const S_IFMT = 0o170000;
/** st_mode's file type → Go's os.FileMode type bits */
const GO_TYPE: Record<number, number> = {
  0o040000: 2 ** 31, // ModeDir
  0o120000: 2 ** 27, // ModeSymlink
  0o010000: 2 ** 25, // ModeNamedPipe
  0o140000: 2 ** 24, // ModeSocket
  0o060000: 2 ** 26, // ModeDevice
  0o020000: 2 ** 26 + 2 ** 21, // ModeDevice | ModeCharDevice
};
const GO_SETUID = 2 ** 23;
const GO_SETGID = 2 ** 22;
const GO_STICKY = 2 ** 20;

export function goFileMode(stMode: number): number {
  let mode = (stMode & 0o777) + (GO_TYPE[stMode & S_IFMT] ?? 0);
  if (stMode & 0o4000) mode += GO_SETUID;
  if (stMode & 0o2000) mode += GO_SETGID;
  if (stMode & 0o1000) mode += GO_STICKY;
  return mode;
}

export function pathStatHeader(st: PathStat): string {
  const doc = {
    name: st.name,
    size: st.size,
    mode: goFileMode(st.mode),
    mtime: st.mtime.toISOString(),
    linkTarget: st.linkTarget,
  };
  return Buffer.from(JSON.stringify(doc)).toString('base64');
}
