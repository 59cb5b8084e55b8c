/**
 * A minimal image for tests and demos: Debian's busybox-static with every applet
 * linked, plus the files a container expects. Built once per directory.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const BUSYBOX = '/bin/busybox';

export function buildBusyboxRootfs(dir: string): string {
  if (fs.existsSync(path.join(dir, 'bin/busybox'))) return dir;
  if (!fs.existsSync(BUSYBOX)) throw new Error(`${BUSYBOX} is missing: apt-get install busybox-static`);
  const applets = execFileSync(BUSYBOX, ['--list'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const d of ['bin', 'proc', 'sys', 'dev', 'etc', 'tmp', 'root', 'home/user', 'var/log'])
    fs.mkdirSync(path.join(dir, d), { recursive: true });
  fs.chmodSync(path.join(dir, 'tmp'), 0o1777);
  fs.copyFileSync(BUSYBOX, path.join(dir, 'bin/busybox'));
  fs.chmodSync(path.join(dir, 'bin/busybox'), 0o755);
  for (const applet of applets)
    if (applet !== 'busybox') fs.symlinkSync('busybox', path.join(dir, 'bin', applet));
  fs.writeFileSync(
    path.join(dir, 'etc/passwd'),
    'root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000:user:/home/user:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n',
  );
  fs.writeFileSync(path.join(dir, 'etc/group'), 'root:x:0:\nuser:x:1000:\nnogroup:x:65534:\n');
  fs.chownSync(path.join(dir, 'home/user'), 1000, 1000);
  return dir;
}
