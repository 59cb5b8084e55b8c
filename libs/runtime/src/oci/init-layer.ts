/**
 * The "init layer": empty mount points for what the runtime always mounts
 * over (/proc, /sys, /dev, /etc/hosts, /etc/hostname, /etc/resolv.conf),
 * stacked right above the image. Without it, creating those mount points
 * would write them into the container's own layer (and a build step's
 * diff), as Docker's own init layer avoids.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function ensureInitLayer(dir: string): string {
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;
  for (const d of ['proc', 'sys', 'dev', 'etc'])
    fs.mkdirSync(path.join(dir, d), { recursive: true, mode: 0o755 });
  for (const f of ['etc/hosts', 'etc/hostname', 'etc/resolv.conf']) fs.writeFileSync(path.join(dir, f), '');
  fs.writeFileSync(path.join(dir, '.complete'), '');
  return dir;
}
