/**
 * Where berth-shim is. Its own module: the launcher and the spawner both need
 * it, and the launcher already knows the spawner's type.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HostError } from '../errors';

/** Finds berth-shim: $BERTH_SHIM, else the native build next to this library (source or dist tree). */
export function locateShim(): string {
  if (process.env.BERTH_SHIM) return process.env.BERTH_SHIM;
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'libs/runtime/native/build/berth-shim');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new HostError('berth-shim is not built: run `npm run build:native` (or set BERTH_SHIM)');
}
