/**
 * COPY and ADD: a layer directory built straight from the sources (the
 * context, another stage or an image), keyed by the sources' content.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { shortId } from '../digest';
import { ingestDir } from '../archive/ingest';
import {
  lookupIn,
  stepKey,
  withLayer,
  type BuildState,
  type StepContext,
  type StepDeps,
  type StepResult,
} from './build-state';
import { copyEntry, looksLikeTar, makeParents, unpackArchive, type CopyOwner } from './copy';
import type { Instruction } from './dockerfile/parser';
import { processWord } from './dockerfile/words';
import { rootOf, userIn } from './image-root';
import { cleanPath } from './patterns';
import { BuildError, hashSources, LayeredTree, matchSources, type SourceTree } from './source-tree';

export async function copyStep(
  ins: Extract<Instruction, { kind: 'COPY' | 'ADD' }>,
  state: BuildState,
  ctx: StepContext,
  deps: StepDeps,
): Promise<StepResult> {
  const lookup = lookupIn(state);
  const root = rootOf(deps.images, state.layers);
  // sources: the context, or another stage's (or image's) root
  let tree: SourceTree = ctx.context;
  let fromKey = 'context';
  if (ins.flags.from) {
    const ref = processWord(ins.flags.from, lookup, ctx.escape);
    const stage = ctx.stages.find((s) => s.name === ref.toLowerCase() || String(s.index) === ref);
    const built = stage ? ctx.results.get(stage.index) : undefined;
    if (stage && !built)
      throw new BuildError(`COPY --from=${ref}: stage ${ref} is not built before this step`);
    const layers = built?.layers ?? (deps.images.tryResolve(ref) ?? (await deps.images.pull(ref))).layers;
    if (!built) await deps.images.layerDirs(layers);
    tree = new LayeredTree(built ? `stage ${ref}` : `image ${ref}`, rootOf(deps.images, layers));
    fromKey = built ? built.key : stepKey(layers.map((l) => l.chainId));
  }
  const specs = ins.sources.map((s) => processWord(s, lookup, ctx.escape));
  const destText = processWord(ins.dest, lookup, ctx.escape);
  const isUrl = (s: string) => /^https?:\/\//.test(s);
  const urls = ins.kind === 'ADD' ? specs.filter(isUrl) : [];
  if (urls.length)
    throw new BuildError(
      'ADD from a URL is not supported yet: download the file into the context and COPY it',
    );
  const sources = specs.flatMap((s) => matchSources(tree, s));
  const owner: CopyOwner = { uid: 0, gid: 0 };
  if (ins.flags.chown) {
    const { uid, gid } = userIn(root, processWord(ins.flags.chown, lookup, ctx.escape));
    Object.assign(owner, { uid, gid });
  }
  if (ins.flags.chmod) {
    if (!/^[0-7]{3,4}$/.test(ins.flags.chmod))
      throw new BuildError(`--chmod=${ins.flags.chmod}: give an octal mode such as 755`);
    owner.mode = parseInt(ins.flags.chmod, 8);
  }
  const cacheKey = stepKey(
    state.key,
    ins.kind,
    fromKey,
    destText,
    ins.flags.chown ?? '',
    ins.flags.chmod ?? '',
    hashSources(tree, sources, deps.hashes),
  );
  const hit = ctx.noCache ? null : deps.cache.cachedLayer(cacheKey);
  if (hit) {
    ctx.say(' ---> Using cache\n');
    ctx.say(` ---> ${shortId(hit.chainId)}\n`);
    return { next: withLayer(state, cacheKey, hit, ins.original), fromCache: true };
  }

  // the destination: relative to WORKDIR, through the image's symlinks; a directory when it says so
  const absolute = path.posix.resolve(state.config.WorkingDir || '/', destText);
  const destRel = root.resolve(cleanPath(absolute));
  // Docker's rule: a destination ending in "/" (or "." and "/.") is a directory; so is one that already is
  const saysDir = /(^|\/)\.?$/.test(destText) || destText === '.';
  const intoDir = saysDir || sources.length > 1 || root.lookup(destRel)?.stat.isDirectory() === true;
  if (sources.length > 1 && !saysDir && !root.lookup(destRel)?.stat.isDirectory())
    throw new BuildError(
      `When using ${ins.kind} with more than one source file, the destination must be a directory and end with a /`,
    );
  const layerDir = deps.images.layers.scratch();
  try {
    for (const src of sources) {
      const st = tree.lstat(src)!;
      const name = path.posix.basename(src);
      if (ins.kind === 'ADD' && st.isFile() && tree === ctx.context && looksLikeTar(tree.hostPath(src))) {
        makeParents(layerDir, destRel, root, owner);
        await unpackArchive(fs.createReadStream(tree.hostPath(src)), layerDir, destRel);
        continue;
      }
      const target = st.isDirectory() ? destRel : intoDir ? `${destRel}/${name}`.replace(/^\//, '') : destRel;
      const parent = st.isDirectory()
        ? target
        : path.posix.dirname(target) === '.'
          ? ''
          : path.posix.dirname(target);
      makeParents(layerDir, parent, root, owner);
      copyEntry(tree, src, layerDir, target, owner);
    }
    const layer = await ingestDir(deps.images, layerDir, [], state.layers.at(-1)?.chainId ?? null);
    deps.cache.remember(cacheKey, { layer });
    ctx.say(` ---> ${shortId(layer.chainId)}\n`);
    return { next: withLayer(state, cacheKey, layer, ins.original), fromCache: false };
  } catch (error) {
    fs.rmSync(layerDir, { recursive: true, force: true });
    throw error;
  }
}
