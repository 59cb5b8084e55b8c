/**
 * `build`: a Dockerfile and a context → an image. Stages run in order (only
 * those the target needs); metadata instructions change the config; RUN runs
 * in a real container through libs/runtime on an overlay of the stage's
 * layers and its upper dir becomes the new layer; COPY/ADD build a layer
 * directory straight from the sources. Each RUN/COPY/ADD is looked up in the
 * cache first, by a key chained from the base image and every step before.
 * Nothing is tagged unless every step succeeds.
 */
import * as fs from 'node:fs';
import type { IdMappings } from '../userns-owners';
import * as path from 'node:path';
import type { Runtime } from '@berth/runtime';
import { commitImage } from '../commit';
import { shortId } from '../digest';
import { ImageNotFoundError } from '../errors';
import type { Images } from '../images';
import { hostPlatform, type ContainerConfig } from '../oci/types';
import { familiarName, formatReference, parseReference } from '../reference';
import type { ImageRecord } from '../store/metadata';
import { BuildCache } from './build-cache';
import {
  argPairs,
  lookupIn,
  stepKey,
  type BuildState,
  type Stage,
  type StepContext,
  type StepDeps,
  type StepResult,
} from './build-state';
import { applyMetadata, commandArgs, healthcheck } from './config-changes';
import { copyStep } from './copy-step';
import { parseDockerfile, type Instruction } from './dockerfile/parser';
import { processWord, SubstitutionError } from './dockerfile/words';
import { runStep } from './run-step';
import { BuildError, ContextTree } from './source-tree';
import { neededStages, targetStage } from './stages';

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

export class Builder {
  private readonly deps: StepDeps;

  constructor(
    private readonly images: Images,
    runtime: Runtime,
    /** RUN containers' user namespace, as berthd --userns-remap gives every container */
    userns?: IdMappings,
  ) {
    this.deps = { images, runtime, cache: new BuildCache(images), hashes: new Map(), userns };
  }

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
    const target = targetStage(stages, options.target);
    const needed = neededStages(stages, target, df.escape, globals);
    const globalArgs = df.instructions.slice(
      0,
      df.instructions.findIndex((i) => i.kind === 'FROM'),
    );
    const steps = globalArgs.length + needed.reduce((n, s) => n + 1 + s.body.length, 0);

    const context_ = new ContextTree(context);
    const results = new Map<number, BuildState>();
    const used = new Set<string>();
    let step = 0;
    let cached = 0;
    let rebuilt = 0;
    for (const ins of globalArgs) say(`Step ${++step}/${steps} : ${ins.original}\n`);
    for (const stage of needed) {
      let state: BuildState;
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

  private async fromState(
    stage: Stage,
    stages: Stage[],
    results: Map<number, BuildState>,
    globals: Map<string, string>,
    escape: string,
  ): Promise<BuildState> {
    const name = processWord(stage.from.image, (n) => globals.get(n), escape);
    const empty = (k: string): BuildState => ({
      config: {},
      layers: [],
      history: [],
      args: new Map(),
      key: k,
    });
    if (name === 'scratch') return empty(stepKey('FROM', 'scratch'));
    const earlier = stages.find(
      (s) => s.index < stage.index && (s.name === name.toLowerCase() || String(s.index) === name),
    );
    if (earlier) {
      const base = results.get(earlier.index)!;
      return { ...base, args: new Map(), key: stepKey('FROM', 'stage', base.key) };
    }
    const image = this.images.tryResolve(name) ?? (await this.images.pull(name));
    const config = this.images.config(image);
    return {
      config: config.config ?? {},
      layers: image.layers,
      history: config.history ?? [],
      args: new Map(),
      key: stepKey('FROM', image.manifestDigest),
      ...(config.author ? { author: config.author } : {}),
    };
  }

  private async step(ins: Instruction, state: BuildState, ctx: StepContext): Promise<StepResult> {
    const lookup = lookupIn(state);
    const meta = (config: ContainerConfig, extraKey: unknown = null): StepResult => {
      const next: BuildState = {
        ...state,
        config,
        history: [
          ...state.history,
          { created: new Date().toISOString(), created_by: ins.original, empty_layer: true },
        ],
        key: stepKey(state.key, ins.original, extraKey),
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
        return runStep(ins, state, ctx, this.deps);
      case 'COPY':
      case 'ADD':
        return copyStep(ins, state, ctx, this.deps);
      case 'FROM':
        throw new BuildError('FROM inside a stage');
    }
  }

  /** The image of the final stage: the cached one when nothing changed, else a new one; then the tags. */
  private finish(state: BuildState, allCached: boolean, tags: string[]): ImageRecord {
    const finalKey = stepKey(state.key, 'image');
    const previous = allCached ? this.deps.cache.image(finalKey) : undefined;
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
      this.deps.cache.remember(finalKey, { image: image.manifestDigest });
    }
    for (const t of tags) this.images.tag(image.manifestDigest, t);
    return image;
  }
}
