/**
 * Where COPY and ADD read from: the build context (a directory, minus what
 * .dockerignore leaves out) or another stage's or image's root (through its
 * layers). One interface, so copying and hashing are written once.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ImageError } from '../errors';
import { LayeredFs } from './layered-fs';
import {
  cleanPath,
  globToRegExp,
  hasGlob,
  isIgnored,
  parseDockerignore,
  type IgnorePattern,
} from './patterns';

export interface SourceTree {
  /** For messages: "build context", "stage build". */
  readonly label: string;
  lstat(rel: string): fs.Stats | null;
  readdir(rel: string): string[];
  /** The host file behind REL, to read content or a link target from. */
  hostPath(rel: string): string;
  /** REL with symlinks in its directories resolved inside the tree. */
  resolve(rel: string): string;
}

export class BuildError extends ImageError {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

export class ContextTree implements SourceTree {
  readonly label = 'build context';
  private readonly patterns: IgnorePattern[];
  private readonly hasExceptions: boolean;

  constructor(readonly dir: string) {
    const ignoreFile = path.join(dir, '.dockerignore');
    this.patterns = fs.existsSync(ignoreFile) ? parseDockerignore(fs.readFileSync(ignoreFile, 'utf8')) : [];
    this.hasExceptions = this.patterns.some((p) => p.exception);
  }

  ignored(rel: string): boolean {
    return rel !== '' && isIgnored(this.patterns, rel);
  }

  lstat(rel: string): fs.Stats | null {
    if (this.ignored(rel)) return null;
    return fs.lstatSync(path.join(this.dir, rel), { throwIfNoEntry: false }) ?? null;
  }

  readdir(rel: string): string[] {
    const names = fs.readdirSync(path.join(this.dir, rel)).sort();
    return names.filter((n) => {
      const child = rel ? `${rel}/${n}` : n;
      return (
        !this.ignored(child) || (this.hasExceptions && fs.lstatSync(path.join(this.dir, child)).isDirectory())
      );
    });
  }

  hostPath(rel: string): string {
    return path.join(this.dir, rel);
  }

  /** The context is the user's directory as is: its paths are taken literally (links are copied, not followed). */
  resolve(rel: string): string {
    return rel;
  }
}

export class LayeredTree implements SourceTree {
  constructor(
    readonly label: string,
    private readonly root: LayeredFs,
  ) {}

  lstat(rel: string): fs.Stats | null {
    return this.root.lookup(rel)?.stat ?? null;
  }

  readdir(rel: string): string[] {
    return this.root.readdir(rel);
  }

  hostPath(rel: string): string {
    const found = this.root.lookup(rel);
    if (!found) throw new BuildError(`${this.label}: /${rel} does not exist`);
    return found.hostPath;
  }

  resolve(rel: string): string {
    return this.root.resolve(rel, true);
  }
}

/** Every path under REL (REL first), depth first, sorted. */
export function walk(tree: SourceTree, rel: string): string[] {
  const out: string[] = [rel];
  const st = tree.lstat(rel);
  if (st?.isDirectory())
    for (const name of tree.readdir(rel)) out.push(...walk(tree, rel ? `${rel}/${name}` : name));
  return out.filter((p) => p === rel || tree.lstat(p) !== null);
}

/** The paths a COPY source names: one path, or every match of a glob. */
export function matchSources(tree: SourceTree, spec: string): string[] {
  const clean = tree.resolve(cleanPath(spec));
  if (!hasGlob(clean)) {
    if (!tree.lstat(clean))
      throw new BuildError(
        `COPY failed: file not found in ${tree.label}${tree instanceof ContextTree ? ' or excluded by .dockerignore' : ''}: stat ${spec}: file does not exist`,
      );
    return [clean];
  }
  const regex = globToRegExp(clean);
  const matches = walk(tree, '').filter((p) => p && regex.test(p));
  if (!matches.length)
    throw new BuildError(
      `COPY failed: no source files were specified (no match for "${spec}" in ${tree.label})`,
    );
  return matches;
}

/**
 * What the cache key of a COPY depends on: every path under SOURCES with its
 * type, mode and content (or link target). Content hashes are remembered
 * per file identity for the life of HASHES.
 */
export function hashSources(tree: SourceTree, sources: string[], hashes: Map<string, string>): string {
  const h = crypto.createHash('sha256');
  for (const source of sources) {
    for (const rel of walk(tree, source)) {
      const st = tree.lstat(rel)!;
      const mode = (st.mode & 0o7777).toString(8);
      if (st.isDirectory()) h.update(`d ${rel} ${mode}\n`);
      else if (st.isSymbolicLink()) h.update(`l ${rel} ${fs.readlinkSync(tree.hostPath(rel))}\n`);
      else if (st.isFile()) {
        const key = `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}`;
        let content = hashes.get(key);
        if (!content) {
          content = crypto
            .createHash('sha256')
            .update(fs.readFileSync(tree.hostPath(rel)))
            .digest('hex');
          hashes.set(key, content);
        }
        h.update(`f ${rel} ${mode} ${content}\n`);
      }
    }
  }
  return h.digest('hex');
}
