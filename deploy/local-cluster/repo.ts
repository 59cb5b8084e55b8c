/** Where the Berth checkout is (this file runs from deploy/local-cluster, or built from dist/deploy/local-cluster). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LocalClusterError } from './errors';

function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir))
    if (fs.existsSync(path.join(dir, 'bin/berthd'))) return dir;
  throw new LocalClusterError(`no bin/berthd above ${__dirname}: run from a Berth checkout`);
}

export const REPO = repoRoot();
export const BERTHD = path.join(REPO, 'bin/berthd');
export const BERTH = path.join(REPO, 'bin/berth');
export const BERTH_MANAGER = path.join(REPO, 'bin/berth-manager');

/** berthd runs from dist/: say how to build it rather than fail in the agent's log. */
export function checkBuilt(): void {
  if (!fs.existsSync(path.join(REPO, 'dist/apps/agent/src/main.js')))
    throw new LocalClusterError(
      `Berth is not built in ${REPO}: run \`npm run build\` (or npm run setup) first`,
    );
}
