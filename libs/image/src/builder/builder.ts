/**
 * `build`: a Dockerfile and a context → an image. Stages run in order (only
 * those the target needs); metadata instructions change the config; RUN runs
 * in a real container through libs/runtime on an overlay of the stage's
 * layers and its upper dir becomes the new layer; COPY/ADD build a layer
 * directory straight from the sources. Each RUN/COPY/ADD is looked up in the
 * cache first, by a key chained from the base image and every step before.
 * Nothing is tagged unless every step succeeds.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSpec, ensureInitLayer, readJsonLog, type Runtime } from '@berth/runtime';
import { findOpaqueDirs } from '../archive/layer';
import { ingestDir } from '../archive/ingest';
import { commitImage } from '../commit';
import { shortId, type Digest } from '../digest';
import { ImageNotFoundError } from '../errors';
import type { Images } from '../images';
import { hostPlatform, type ContainerConfig, type HistoryEntry } from '../oci/types';
import { familiarName, formatReference, parseReference } from '../reference';
import type { ImageRecord, LayerRef } from '../store/metadata';
import { applyMetadata, commandArgs, envMap, healthcheck } from './config-changes';
import { copyEntry, looksLikeTar, makeParents, unpackArchive, type CopyOwner } from './copy';
import { parseDockerfile, type Instruction } from './dockerfile/parser';
import { processWord, rawWords, SubstitutionError, type Lookup } from './dockerfile/words';
import { LayeredFs, resolveUser } from './layered-fs';
import { cleanPath } from './patterns';
import {
  BuildError,
  ContextTree,
  hashSources,
  LayeredTree,
  matchSources,
  type SourceTree,
} from './source-tree';

export interface BuildOptions {
  /** The build context directory. */
  context: string;
  /** Path of the Dockerfile (default: Dockerfile in the context). */
  dockerfile?: string;
  tags?: string[];
  buildArgs?: Record<string, string>;
  /** Build up to this stage (name or index); default the last. */
  target?: string;
  noCache?: boolean;
  /** Build output, a line at a time ("Step 1/4 : FROM busybox\n"). */
  onOutput?: (text: string) => void;
}

export interface BuildResult {
  image: ImageRecord;
  steps: number;
  cachedSteps: number;
}

interface Stage {
  index: number;
  name?: string;
  from: Extract<Instruction, { kind: 'FROM' }>;
  body: Instruction[];
}

interface State {
  config: ContainerConfig;
  layers: LayerRef[];
  history: HistoryEntry[];
  args: Map<string, string>;
  key: string;
  author?: string;
}

function key(...parts: unknown[]): string {
  return crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export class Builder {
  private readonly hashes = new Map<string, string>();

  constructor(
    private readonly images: Images,
    private readonly runtime: Runtime,
  ) {}

  async build(options: BuildOptions): Promise<BuildResult> {
    const say = options.onOutput ?? (() => undefined);
    const context = path.resolve(options.context);
    if (!fs.statSync(context, { throwIfNoEntry: false })?.isDirectory())
      throw new BuildError(`build context ${context} is not a directory`);
    const dockerfilePath = path.resolve(context, options.dockerfile ?? 'Dockerfile');
    let source: string;
    try {
      source = fs.readFileSync(dockerfilePath, 'utf8');
    } catch {
      throw new BuildError(`cannot read the Dockerfile at ${dockerfilePath}`);
    }
    const inContext = dockerfilePath.startsWith(context + path.sep);
    const label = inContext ? path.relative(context, dockerfilePath) : dockerfilePath;
    const df = parseDockerfile(source, label);
    const tags = (options.tags ?? []).map((t) => formatReference(parseReference(t))); // bad tags fail before any work

    // global ARGs (before the first FROM) and the stages
    const buildArgs = options.buildArgs ?? {};
    const globals = new Map<string, string>();
    const stages: Stage[] = [];
    for (const ins of df.instructions) {
      if (ins.kind === 'FROM')
        stages.push({ index: stages.length, ...(ins.alias ? { name: ins.alias } : {}), from: ins, body: [] });
      else if (!stages.length) {
        for (const [name, value] of argPairs(ins, (n) => globals.get(n), df.escape)) {
          const v = buildArgs[name] ?? value;
          if (v !== undefined) globals.set(name, v);
        }
      } else stages[stages.length - 1].body.push(ins);
    }
    const target = this.targetStage(stages, options.target);
    const needed = this.neededStages(stages, target, df.escape, globals);
    const globalArgs = df.instructions.slice(
      0,
      df.instructions.findIndex((i) => i.kind === 'FROM'),
    );
    const steps = globalArgs.length + needed.reduce((n, s) => n + 1 + s.body.length, 0);

    const context_ = new ContextTree(context);
    const results = new Map<number, State>();
    const used = new Set<string>();
    let step = 0;
    let cached = 0;
    let rebuilt = 0;
    for (const ins of globalArgs) say(`Step ${++step}/${steps} : ${ins.original}\n`);
    for (const stage of needed) {
      let state: State;
      say(`Step ${++step}/${steps} : ${stage.from.original}\n`);
      try {
        state = await this.fromState(stage, stages, results, globals, df.escape);
      } catch (error) {
        throw this.atLine(error, stage.from.line, label);
      }
      say(` ---> ${state.layers.length ? shortId(state.layers.at(-1)!.chainId) : 'scratch'}\n`);
      for (const ins of stage.body) {
        say(`Step ${++step}/${steps} : ${ins.original}\n`);
        try {
          const { next, fromCache } = await this.step(ins, state, {
            stages,
            results,
            context: context_,
            buildArgs,
            globals,
            used,
            escape: df.escape,
            noCache: options.noCache === true,
            say,
          });
          if (next.layers !== state.layers) {
            if (fromCache) cached++;
            else rebuilt++;
          }
          state = next;
        } catch (error) {
          throw this.atLine(error, ins.line, label);
        }
      }
      results.set(stage.index, state);
    }

    const final = results.get(target.index)!;
    const image = this.finish(final, rebuilt === 0, tags);
    const unused = Object.keys(buildArgs).filter((a) => !used.has(a) && !globals.has(a));
    if (unused.length) say(`[Warning] One or more build-args [${unused.join(' ')}] were not consumed\n`);
    say(`Successfully built ${shortId(image.configDigest)}\n`);
    for (const t of tags) say(`Successfully tagged ${familiarName(parseReference(t))}\n`);
    return { image, steps, cachedSteps: cached };
  }

  private atLine(error: unknown, line: number, file: string): Error {
    if (error instanceof BuildError)
      return error.line === undefined ? new BuildError(`${file}:${line}: ${error.message}`, line) : error;
    if (
      error instanceof SubstitutionError ||
      error instanceof ImageNotFoundError ||
      (error instanceof Error && error.constructor === Error)
    )
      return new BuildError(`${file}:${line}: ${(error as Error).message}`, line);
    return error as Error;
  }

  private targetStage(stages: Stage[], target: string | undefined): Stage {
    if (target === undefined) return stages[stages.length - 1];
    const found = stages.find((s) => s.name === target.toLowerCase() || String(s.index) === target);
    if (!found)
      throw new BuildError(
        `target stage "${target}" could not be found (stages: ${stages.map((s) => s.name ?? s.index).join(', ')})`,
      );
    return found;
  }

  /** The target and the stages it reaches through FROM and COPY --from, in file order. */
  private neededStages(
    stages: Stage[],
    target: Stage,
    escape: string,
    globals: Map<string, string>,
  ): Stage[] {
    const byRef = (ref: string) =>
      stages.find((s) => s.name === ref.toLowerCase() || String(s.index) === ref);
    const needed = new Set<number>();
    const visit = (stage: Stage) => {
      if (needed.has(stage.index)) return;
      needed.add(stage.index);
      const base = byRef(processWord(stage.from.image, (n) => globals.get(n), escape));
      if (base && base.index < stage.index) visit(base);
      for (const ins of stage.body)
        if ((ins.kind === 'COPY' || ins.kind === 'ADD') && ins.flags.from) {
          const dep = byRef(ins.flags.from);
          if (dep && dep.index < stage.index) visit(dep);
        }
    };
    visit(target);
    return stages.filter((s) => needed.has(s.index));
  }

  private async fromState(
    stage: Stage,
    stages: Stage[],
    results: Map<number, State>,
    globals: Map<string, string>,
    escape: string,
  ): Promise<State> {
    const name = processWord(stage.from.image, (n) => globals.get(n), escape);
    const empty = (k: string): State => ({ config: {}, layers: [], history: [], args: new Map(), key: k });
    if (name === 'scratch') return empty(key('FROM', 'scratch'));
    const earlier = stages.find(
      (s) => s.index < stage.index && (s.name === name.toLowerCase() || String(s.index) === name),
    );
    if (earlier) {
      const base = results.get(earlier.index)!;
      return { ...base, args: new Map(), key: key('FROM', 'stage', base.key) };
    }
    const image = this.images.tryResolve(name) ?? (await this.images.pull(name));
    const config = this.images.config(image);
    return {
      config: config.config ?? {},
      layers: image.layers,
      history: config.history ?? [],
      args: new Map(),
      key: key('FROM', image.manifestDigest),
      ...(config.author ? { author: config.author } : {}),
    };
  }

  private lookup(state: State): Lookup {
    const env = envMap(state.config.Env);
    return (name) => env.get(name) ?? state.args.get(name);
  }

  private async step(
    ins: Instruction,
    state: State,
    ctx: {
      stages: Stage[];
      results: Map<number, State>;
      context: ContextTree;
      buildArgs: Record<string, string>;
      globals: Map<string, string>;
      used: Set<string>;
      escape: string;
      noCache: boolean;
      say: (text: string) => void;
    },
  ): Promise<{ next: State; fromCache: boolean }> {
    const lookup = this.lookup(state);
    const meta = (config: ContainerConfig, extraKey: unknown = null): { next: State; fromCache: boolean } => {
      const next: State = {
        ...state,
        config,
        history: [
          ...state.history,
          { created: new Date().toISOString(), created_by: ins.original, empty_layer: true },
        ],
        key: key(state.key, ins.original, extraKey),
      };
      ctx.say(` ---> ${next.key.slice(0, 12)}\n`);
      return { next, fromCache: false };
    };
    switch (ins.kind) {
      case 'ENV':
      case 'LABEL':
      case 'EXPOSE':
      case 'VOLUME':
      case 'WORKDIR':
      case 'USER':
      case 'STOPSIGNAL':
        return meta(applyMetadata(state.config, ins.kind, ins.text, lookup, ctx.escape));
      case 'MAINTAINER': {
        const result = meta(state.config);
        return { ...result, next: { ...result.next, author: ins.text.trim() } };
      }
      case 'ARG': {
        const args = new Map(state.args);
        const values: [string, string | undefined][] = [];
        for (const [name, value] of argPairs(ins, lookup, ctx.escape)) {
          ctx.used.add(name);
          const v = ctx.buildArgs[name] ?? value ?? ctx.globals.get(name);
          if (v !== undefined) args.set(name, v);
          values.push([name, v]);
        }
        const result = meta(state.config, values);
        return { ...result, next: { ...result.next, args } };
      }
      case 'CMD':
        return meta({ ...state.config, Cmd: commandArgs(ins.command, state.config.Shell) });
      case 'ENTRYPOINT':
        // a new entrypoint drops the CMD inherited from the base, as Docker does
        return meta({ ...state.config, Entrypoint: commandArgs(ins.command, state.config.Shell), Cmd: null });
      case 'SHELL':
        return meta({ ...state.config, Shell: ins.args });
      case 'HEALTHCHECK':
        return meta({
          ...state.config,
          Healthcheck: healthcheck(ins.none ? null : ins.command, ins.none ? {} : ins.flags),
        });
      case 'ONBUILD':
        return meta({ ...state.config, OnBuild: [...(state.config.OnBuild ?? []), ins.text] });
      case 'RUN':
        return this.run(ins, state, ctx);
      case 'COPY':
      case 'ADD':
        return this.copy(ins, state, ctx);
      case 'FROM':
        throw new BuildError('FROM inside a stage');
    }
  }

  /** A cached step's layer, if the cache has it and the layer and blob are still here. */
  private cachedLayer(cacheKey: string): LayerRef | null {
    const entry = this.images.meta.read().buildCache[cacheKey];
    const layer = entry?.layer;
    return layer && this.images.layers.has(layer.chainId) && this.images.blobs.has(layer.blob) ? layer : null;
  }

  private remember(cacheKey: string, entry: { layer?: LayerRef; image?: Digest }): void {
    this.images.meta.update((m) => {
      m.buildCache[cacheKey] = { ...entry, createdAt: new Date().toISOString() };
    });
  }

  private withLayer(state: State, cacheKey: string, layer: LayerRef, createdBy: string): State {
    return {
      ...state,
      layers: [...state.layers, layer],
      history: [...state.history, { created: new Date().toISOString(), created_by: createdBy }],
      key: cacheKey,
    };
  }

  private async run(
    ins: Extract<Instruction, { kind: 'RUN' }>,
    state: State,
    ctx: Parameters<Builder['step']>[2],
  ) {
    const args = commandArgs(ins.command, state.config.Shell);
    const buildArgEnv = [...state.args].filter(([k]) => !envMap(state.config.Env).has(k));
    const cacheKey = key(state.key, 'RUN', args, buildArgEnv);
    const createdBy = `RUN ${args.join(' ')}`;
    const hit = ctx.noCache ? null : this.cachedLayer(cacheKey);
    if (hit) {
      ctx.say(' ---> Using cache\n');
      ctx.say(` ---> ${shortId(hit.chainId)}\n`);
      return { next: this.withLayer(state, cacheKey, hit, createdBy), fromCache: true };
    }

    const hex = crypto.randomBytes(6).toString('hex');
    const id = `build-${hex}`;
    ctx.say(` ---> Running in ${hex}\n`);
    const work = this.images.layers.scratch();
    try {
      for (const d of ['upper', 'work', 'merged']) fs.mkdirSync(path.join(work, d));
      const root = this.rootOf(state.layers);
      const cwd = state.config.WorkingDir || '/';
      const resolvedCwd = root.resolve(cleanPath(cwd));
      const user = this.user(root, state.config.User);
      // a WORKDIR not yet made is made for the user who works in it, as BuildKit does
      if (!root.lookup(resolvedCwd)) makeParents(path.join(work, 'upper'), resolvedCwd, root, user);
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
        rootfs: {
          path: path.join(work, 'merged'),
          overlay: {
            lowerDirs: [this.initLayer(), ...(await this.images.layerDirs(state.layers))],
            upperDir: path.join(work, 'upper'),
            workDir: path.join(work, 'work'),
          },
        },
      });
      const logPath = path.join(work, 'log.json');
      const tail = this.tail(logPath, ctx.say);
      let exit;
      try {
        exit = await this.runtime.run(id, { bundle: work, spec, log: { path: logPath }, remove: true });
      } finally {
        tail.stop();
      }
      if (exit.exitCode !== 0)
        throw new BuildError(
          `The command '${args.join(' ')}' returned a non-zero code: ${exit.exitCode}${exit.oomKilled ? ' (out of memory)' : ''}`,
        );
      const upper = path.join(work, 'upper');
      const layer = await ingestDir(
        this.images,
        upper,
        await findOpaqueDirs(upper),
        state.layers.at(-1)?.chainId ?? null,
      );
      this.remember(cacheKey, { layer });
      ctx.say(` ---> ${shortId(layer.chainId)}\n`);
      return { next: this.withLayer(state, cacheKey, layer, createdBy), fromCache: false };
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }

  /** Prints the container's output as the log grows. */
  private tail(file: string, say: (text: string) => void): { stop(): void } {
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

  /** uid:gid for USER, from the image's passwd and group files. */
  private user(root: LayeredFs, spec: string | undefined): { uid: number; gid: number } {
    try {
      const { uid, gid } = resolveUser(root, spec);
      return { uid, gid };
    } catch (error) {
      throw new BuildError((error as Error).message);
    }
  }

  private rootOf(layers: LayerRef[]): LayeredFs {
    const views = [...layers].reverse().map((l) => ({
      dir: this.images.layers.diffDir(l.chainId),
      opaqueDirs: new Set(
        this.images.layers.has(l.chainId) ? this.images.layers.record(l.chainId).opaqueDirs : [],
      ),
    }));
    return new LayeredFs(views);
  }

  /** Mount points for the runtime's mounts, kept out of every step's layer (see ensureInitLayer). */
  private initLayer(): string {
    return ensureInitLayer(path.join(this.images.root, 'build', 'init'));
  }

  private async copy(
    ins: Extract<Instruction, { kind: 'COPY' | 'ADD' }>,
    state: State,
    ctx: Parameters<Builder['step']>[2],
  ) {
    const lookup = this.lookup(state);
    const root = this.rootOf(state.layers);
    // sources: the context, or another stage's (or image's) root
    let tree: SourceTree = ctx.context;
    let fromKey = 'context';
    if (ins.flags.from) {
      const ref = processWord(ins.flags.from, lookup, ctx.escape);
      const stage = ctx.stages.find((s) => s.name === ref.toLowerCase() || String(s.index) === ref);
      const built = stage ? ctx.results.get(stage.index) : undefined;
      if (stage && !built)
        throw new BuildError(`COPY --from=${ref}: stage ${ref} is not built before this step`);
      const layers = built?.layers ?? (this.images.tryResolve(ref) ?? (await this.images.pull(ref))).layers;
      if (!built) await this.images.layerDirs(layers);
      tree = new LayeredTree(built ? `stage ${ref}` : `image ${ref}`, this.rootOf(layers));
      fromKey = built ? built.key : key(layers.map((l) => l.chainId));
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
      const { uid, gid } = this.user(root, processWord(ins.flags.chown, lookup, ctx.escape));
      Object.assign(owner, { uid, gid });
    }
    if (ins.flags.chmod) {
      if (!/^[0-7]{3,4}$/.test(ins.flags.chmod))
        throw new BuildError(`--chmod=${ins.flags.chmod}: give an octal mode such as 755`);
      owner.mode = parseInt(ins.flags.chmod, 8);
    }
    const cacheKey = key(
      state.key,
      ins.kind,
      fromKey,
      destText,
      ins.flags.chown ?? '',
      ins.flags.chmod ?? '',
      hashSources(tree, sources, this.hashes),
    );
    const hit = ctx.noCache ? null : this.cachedLayer(cacheKey);
    if (hit) {
      ctx.say(' ---> Using cache\n');
      ctx.say(` ---> ${shortId(hit.chainId)}\n`);
      return { next: this.withLayer(state, cacheKey, hit, ins.original), fromCache: true };
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
    const layerDir = this.images.layers.scratch();
    try {
      for (const src of sources) {
        const st = tree.lstat(src)!;
        const name = path.posix.basename(src);
        if (ins.kind === 'ADD' && st.isFile() && tree === ctx.context && looksLikeTar(tree.hostPath(src))) {
          makeParents(layerDir, destRel, root, owner);
          await unpackArchive(fs.createReadStream(tree.hostPath(src)), layerDir, destRel);
          continue;
        }
        const target = st.isDirectory()
          ? destRel
          : intoDir
            ? `${destRel}/${name}`.replace(/^\//, '')
            : destRel;
        const parent = st.isDirectory()
          ? target
          : path.posix.dirname(target) === '.'
            ? ''
            : path.posix.dirname(target);
        makeParents(layerDir, parent, root, owner);
        copyEntry(tree, src, layerDir, target, owner);
      }
      const layer = await ingestDir(this.images, layerDir, [], state.layers.at(-1)?.chainId ?? null);
      this.remember(cacheKey, { layer });
      ctx.say(` ---> ${shortId(layer.chainId)}\n`);
      return { next: this.withLayer(state, cacheKey, layer, ins.original), fromCache: false };
    } catch (error) {
      fs.rmSync(layerDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The image of the final stage: the cached one when nothing changed, else a new one; then the tags. */
  private finish(state: State, allCached: boolean, tags: string[]): ImageRecord {
    const finalKey = key(state.key, 'image');
    const previous = allCached ? this.images.meta.read().buildCache[finalKey]?.image : undefined;
    let image = previous ? this.images.tryResolve(previous) : null;
    if (!image) {
      const platform = hostPlatform();
      image = commitImage(
        this.images,
        {
          created: new Date().toISOString(),
          ...(state.author ? { author: state.author } : {}),
          architecture: platform.architecture,
          os: platform.os,
          config: state.config,
          rootfs: { type: 'layers', diff_ids: [] },
          history: state.history,
        },
        state.layers,
      );
      this.remember(finalKey, { image: image.manifestDigest });
    }
    for (const t of tags) this.images.tag(image.manifestDigest, t);
    return image;
  }
}

/** ARG NAME[=default] … → [name, default (substituted) or undefined]. */
function argPairs(ins: Instruction, lookup: Lookup, escape: string): [string, string | undefined][] {
  if (ins.kind !== 'ARG')
    throw new BuildError(`${ins.kind} before FROM: only ARG may come before the first FROM`, ins.line);
  return rawWords(ins.text, escape).map((word): [string, string | undefined] => {
    const eq = word.indexOf('=');
    if (eq < 0) return [processWord(word, lookup, escape), undefined];
    return [word.slice(0, eq), processWord(word.slice(eq + 1), lookup, escape)];
  });
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
