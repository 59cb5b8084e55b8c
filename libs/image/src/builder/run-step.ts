/**
 * RUN: the command runs in a real container through libs/runtime, on an
 * overlay of the stage's layers, and its upper dir becomes the new layer.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSpec, ensureInitLayer, readJsonLog } from '@berth/runtime';
import { findOpaqueDirs } from '../archive/layer';
import { ingestDir } from '../archive/ingest';
import { shortId } from '../digest';
import { containerOwners, hostOwners, shiftOwners } from '../userns-owners';
import type { Images } from '../images';
import {
  stepKey,
  withLayer,
  type BuildState,
  type StepContext,
  type StepDeps,
  type StepResult,
} from './build-state';
import { commandArgs, envMap } from './config-changes';
import { makeParents } from './copy';
import type { Instruction } from './dockerfile/parser';
import { rootOf, userIn } from './image-root';
import { cleanPath } from './patterns';
import { BuildError } from './source-tree';

export async function runStep(
  ins: Extract<Instruction, { kind: 'RUN' }>,
  state: BuildState,
  ctx: StepContext,
  deps: StepDeps,
): Promise<StepResult> {
  const args = commandArgs(ins.command, state.config.Shell);
  const buildArgEnv = [...state.args].filter(([k]) => !envMap(state.config.Env).has(k));
  const cacheKey = stepKey(state.key, 'RUN', args, buildArgEnv);
  const createdBy = `RUN ${args.join(' ')}`;
  const hit = ctx.noCache ? null : deps.cache.cachedLayer(cacheKey);
  if (hit) {
    ctx.say(' ---> Using cache\n');
    ctx.say(` ---> ${shortId(hit.chainId)}\n`);
    return { next: withLayer(state, cacheKey, hit, createdBy), fromCache: true };
  }

  const hex = crypto.randomBytes(6).toString('hex');
  const id = `build-${hex}`;
  ctx.say(` ---> Running in ${hex}\n`);
  const work = deps.images.layers.scratch();
  try {
    for (const d of ['upper', 'work', 'merged']) fs.mkdirSync(path.join(work, d));
    const root = rootOf(deps.images, state.layers);
    const cwd = state.config.WorkingDir || '/';
    const resolvedCwd = root.resolve(cleanPath(cwd));
    const user = userIn(root, state.config.User);
    // a WORKDIR not yet made is made for the user who works in it, as BuildKit does
    if (!root.lookup(resolvedCwd)) makeParents(path.join(work, 'upper'), resolvedCwd, root, user);
    const upper = path.join(work, 'upper');
    // remapped: its upper dir holds the host ids of its range (overlayfs shows the upper dir's owner as /'s)
    if (deps.userns) shiftOwners(upper, hostOwners(deps.userns));
    const env = [...(state.config.Env ?? []), ...buildArgEnv.map(([k, v]) => `${k}=${v}`)];
    fs.writeFileSync(
      path.join(work, 'hosts'),
      '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n',
    );
    fs.writeFileSync(path.join(work, 'hostname'), 'berth-build\n');
    fs.writeFileSync(path.join(work, 'resolv.conf'), readOrEmpty('/etc/resolv.conf'));
    const spec = buildSpec({
      args,
      env,
      cwd,
      user,
      hostname: 'berth-build',
      network: 'host',
      etcFiles: {
        hosts: path.join(work, 'hosts'),
        hostname: path.join(work, 'hostname'),
        resolvConf: path.join(work, 'resolv.conf'),
      },
      ...(deps.userns ? { userNamespace: { ...deps.userns, idmapLayers: true } } : {}),
      rootfs: {
        path: path.join(work, 'merged'),
        overlay: {
          lowerDirs: [initLayer(deps.images), ...(await deps.images.layerDirs(state.layers))],
          upperDir: path.join(work, 'upper'),
          workDir: path.join(work, 'work'),
        },
      },
    });
    const logPath = path.join(work, 'log.json');
    const tail = tailLog(logPath, ctx.say);
    let exit;
    try {
      exit = await deps.runtime.run(id, { bundle: work, spec, log: { path: logPath }, remove: true });
    } finally {
      tail.stop();
    }
    if (exit.exitCode !== 0)
      throw new BuildError(
        `The command '${args.join(' ')}' returned a non-zero code: ${exit.exitCode}${exit.oomKilled ? ' (out of memory)' : ''}`,
      );
    // the layer keeps the ids the container knew its files by
    if (deps.userns) shiftOwners(upper, containerOwners(deps.userns));
    const layer = await ingestDir(
      deps.images,
      upper,
      await findOpaqueDirs(upper),
      state.layers.at(-1)?.chainId ?? null,
    );
    deps.cache.remember(cacheKey, { layer });
    ctx.say(` ---> ${shortId(layer.chainId)}\n`);
    return { next: withLayer(state, cacheKey, layer, createdBy), fromCache: false };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Prints the container's output as the log grows. */
function tailLog(file: string, say: (text: string) => void): { stop(): void } {
  let shown = 0;
  const flush = () => {
    const entries = fs.existsSync(file) ? readJsonLog(file, 0) : [];
    for (const e of entries.slice(shown)) say(e.log.endsWith('\n') ? e.log : `${e.log}\n`);
    shown = Math.max(shown, entries.length);
  };
  const timer = setInterval(flush, 100);
  return {
    stop() {
      clearInterval(timer);
      flush();
    },
  };
}

/** Mount points for the runtime's mounts, kept out of every step's layer (see ensureInitLayer). */
function initLayer(images: Images): string {
  return ensureInitLayer(path.join(images.root, 'build', 'init'));
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
