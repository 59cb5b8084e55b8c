/**
 * What a build carries from step to step: a stage's state (config, layers,
 * history, ARGs, and the cache key chained through every step so far), and
 * the context every step sees.
 */
import * as crypto from 'node:crypto';
import type { IdMappings } from '../userns-owners';
import type { Runtime } from '@berth/runtime';
import type { Images } from '../images';
import type { ContainerConfig, HistoryEntry } from '../oci/types';
import type { LayerRef } from '../store/metadata';
import type { BuildCache } from './build-cache';
import { envMap } from './config-changes';
import type { Instruction } from './dockerfile/parser';
import { processWord, rawWords, type Lookup } from './dockerfile/words';
import { BuildError, type ContextTree } from './source-tree';

export interface Stage {
  index: number;
  name?: string;
  from: Extract<Instruction, { kind: 'FROM' }>;
  body: Instruction[];
}

export interface BuildState {
  config: ContainerConfig;
  layers: LayerRef[];
  history: HistoryEntry[];
  args: Map<string, string>;
  key: string;
  author?: string;
}

/** What every step of a build sees besides its stage's state. */
export interface StepContext {
  stages: Stage[];
  results: Map<number, BuildState>;
  context: ContextTree;
  buildArgs: Record<string, string>;
  globals: Map<string, string>;
  used: Set<string>;
  escape: string;
  noCache: boolean;
  say: (text: string) => void;
}

export interface StepResult {
  next: BuildState;
  fromCache: boolean;
}

/** What the steps that make layers (RUN, COPY, ADD) work with. */
export interface StepDeps {
  images: Images;
  runtime: Runtime;
  cache: BuildCache;
  /** Content hashes of source files already read, by path and stat. */
  hashes: Map<string, string>;
  /** RUN containers' user namespace (berthd --userns-remap); none: the host's */
  userns?: IdMappings;
}

/** A cache key: the hash of PARTS. */
export function stepKey(...parts: unknown[]): string {
  return crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** Variables as a step of STATE sees them: ENV first, then ARGs. */
export function lookupIn(state: BuildState): Lookup {
  const env = envMap(state.config.Env);
  return (name) => env.get(name) ?? state.args.get(name);
}

/** STATE with LAYER added on top by the step CREATED_BY, keyed CACHE_KEY. */
export function withLayer(
  state: BuildState,
  cacheKey: string,
  layer: LayerRef,
  createdBy: string,
): BuildState {
  return {
    ...state,
    layers: [...state.layers, layer],
    history: [...state.history, { created: new Date().toISOString(), created_by: createdBy }],
    key: cacheKey,
  };
}

/** ARG NAME[=default] … → [name, default (substituted) or undefined]. */
export function argPairs(ins: Instruction, lookup: Lookup, escape: string): [string, string | undefined][] {
  if (ins.kind !== 'ARG')
    throw new BuildError(`${ins.kind} before FROM: only ARG may come before the first FROM`, ins.line);
  return rawWords(ins.text, escape).map((word): [string, string | undefined] => {
    const eq = word.indexOf('=');
    if (eq < 0) return [processWord(word, lookup, escape), undefined];
    return [word.slice(0, eq), processWord(word.slice(eq + 1), lookup, escape)];
  });
}
