/**
 * A container's files from outside: what changed (`diff`), its changes as an
 * image (`commit`), its root as a tarball (`export`), and copying in and out
 * (`cp`). Reads go through the layers and the upper dir without mounting
 * anything; paths are resolved inside the container's root, symlinks
 * included, so nothing leads out of it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import {
  applyConfigChange,
  containerOwners,
  hostOwners,
  DirectoryTree,
  ConfigChangeError,
  extractLayer,
  LayeredTree,
  packTar,
  treeEntries,
  withOwners,
  type ContainerConfig,
  type ImageRecord,
  type PackEntry,
  type ReadableTree,
} from '@berth/image';
import { InvalidArgumentError, NotFoundError } from '../errors';
import { EventsService } from '../events/events.service';
import { ImagesService } from '../images/images.service';
import { ContainersService } from './containers.service';
import type { ContainerRecord, MountRecord } from './model';

export interface PathStat {
  name: string;
  size: number;
  /** st_mode, type bits included */
  mode: number;
  mtime: Date;
  linkTarget: string;
}

export interface Change {
  kind: 'A' | 'C' | 'D';
  path: string;
}

const isWhiteout = (st: fs.Stats) => st.isCharacterDevice() && st.rdev === 0;

@Injectable()
export class ContainerFilesService {
  constructor(
    private readonly containers: ContainersService,
    private readonly imagesService: ImagesService,
    private readonly events: EventsService,
  ) {}

  private imageOf(c: ContainerRecord): ImageRecord {
    return this.imagesService.images.resolve(c.imageManifest);
  }

  /** `docker diff`: every path the container added (A), changed (C) or deleted (D). */
  diff(ref: string): Change[] {
    const c = this.containers.repo.get(ref);
    const upper = this.containers.layout.upperDir(c);
    const lower = this.containers.layout.layeredRoot(this.imageOf(c), null);
    const changes: Change[] = [];
    const walk = (rel: string) => {
      for (const name of fs.readdirSync(path.join(upper, rel)).sort()) {
        const child = rel ? `${rel}/${name}` : name;
        const st = fs.lstatSync(path.join(upper, child));
        if (isWhiteout(st)) changes.push({ kind: 'D', path: `/${child}` });
        else {
          changes.push({ kind: lower.lookup(child) ? 'C' : 'A', path: `/${child}` });
          if (st.isDirectory()) walk(child);
        }
      }
    };
    if (fs.existsSync(upper)) walk('');
    return changes;
  }

  /** `docker commit`: the container's changes on top of its image, with its settings (and CHANGES). */
  async commit(
    ref: string,
    options: { reference: string; message: string; author: string; changes: string[]; pause: boolean },
  ): Promise<ImageRecord> {
    const c = this.containers.repo.get(ref);
    const base = this.imageOf(c);
    let config: ContainerConfig = {
      ...this.imagesService.images.containerConfig(c.imageManifest),
      Env: c.config.env,
      Cmd: c.config.cmd,
      Entrypoint: c.config.entrypoint.length ? c.config.entrypoint : null,
      WorkingDir: c.config.workingDir === '/' ? '' : c.config.workingDir,
      User: c.config.user,
      Labels: c.config.labels,
      ExposedPorts: Object.fromEntries(c.config.exposedPorts.map((p) => [p, {}])),
      StopSignal: c.config.stopSignal,
    };
    try {
      for (const change of options.changes) config = applyConfigChange(config, change);
    } catch (error) {
      if (error instanceof ConfigChangeError) throw new InvalidArgumentError(error.message);
      throw error;
    }
    const pause = options.pause && c.state.status === 'running';
    if (pause) await this.containers.pause(c.id);
    try {
      const image = await this.imagesService.images.commit(base, this.containers.layout.upperDir(c), {
        config,
        ...(options.reference ? { reference: options.reference } : {}),
        ...(options.message ? { message: options.message } : {}),
        ...(options.author ? { author: options.author } : {}),
        ...(c.userns ? { owners: containerOwners(c.userns) } : {}),
      });
      this.events.emit('container', 'commit', c.id, {
        name: c.name,
        image: options.reference || image.configDigest,
      });
      return image;
    } finally {
      if (pause) await this.containers.unpause(c.id);
    }
  }

  /** `docker export`: the container's root (without its volumes and mounts) as a tar stream. */
  export(ref: string): Readable {
    const c = this.containers.repo.get(ref);
    const tree = new LayeredTree(
      `container ${c.name}`,
      this.containers.layout.layeredRoot(this.imageOf(c), this.containers.layout.upperDir(c)),
    );
    this.events.emit('container', 'export', c.id, { name: c.name, image: c.image });
    return Readable.from(packTar(this.asContainerSees(c, treeEntries(tree, '', ''))));
  }

  /**
   * Where CONTAINER_PATH is: in the mount that covers it (volumes and bind
   * mounts, as the container sees them), else in the layered root. The path
   * is resolved inside that tree, its last part unresolved.
   */
  private locate(
    c: ContainerRecord,
    containerPath: string,
  ): { tree: ReadableTree; rel: string; writeDir: (rel: string) => string } {
    const root = this.containers.layout.layeredRoot(this.imageOf(c), this.containers.layout.upperDir(c));
    const resolved = root.resolve(containerPath.replace(/^\/+/, ''), true);
    const mount = this.mountCovering(c.mounts, `/${resolved}`);
    if (mount) {
      const hostDir = mount.type === 'volume' ? mount.hostPath! : mount.source;
      const tree = new DirectoryTree(hostDir);
      const rel = path.posix.relative(mount.destination, `/${resolved}`);
      return { tree, rel, writeDir: (r) => path.join(hostDir, r) };
    }
    const upper = this.containers.layout.upperDir(c);
    // a remapped container's upper dir holds host ids; what it shows of the layers is container ids
    const toHost = c.userns ? hostOwners(c.userns) : (id: number) => id;
    return {
      tree: new LayeredTree(`container ${c.name}`, root),
      rel: resolved,
      writeDir: (r) => {
        // directories on the way exist in the upper dir as they do below it
        const parts = r.split('/').filter(Boolean);
        for (let i = 1; i <= parts.length; i++) {
          const sub = parts.slice(0, i).join('/');
          const target = path.join(upper, sub);
          if (fs.existsSync(target)) continue;
          const below = root.lookup(sub);
          fs.mkdirSync(target, { mode: below ? below.stat.mode & 0o7777 : 0o755 });
          if (below) fs.chownSync(target, toHost(below.stat.uid, 'uid'), toHost(below.stat.gid, 'gid'));
        }
        return path.join(upper, r);
      },
    };
  }

  private mountCovering(mounts: readonly MountRecord[], p: string): MountRecord | null {
    let best: MountRecord | null = null;
    for (const m of mounts) {
      if (m.type === 'tmpfs') continue;
      if (
        (p === m.destination || p.startsWith(`${m.destination}/`)) &&
        (!best || m.destination.length > best.destination.length)
      )
        best = m;
    }
    return best;
  }

  /** What `docker cp` asks before it copies: CONTAINER_PATH's own entry (a link not followed). */
  statPath(ref: string, containerPath: string): PathStat {
    const c = this.containers.repo.get(ref);
    const { tree, rel } = this.locate(c, containerPath);
    const st = tree.lstat(rel);
    if (!st) throw new NotFoundError(`Could not find the file ${containerPath} in container ${c.name}`);
    return {
      name: path.posix.basename(containerPath.replace(/\/+$/, '')) || '/',
      size: st.size,
      mode: st.mode,
      mtime: st.mtime,
      linkTarget: st.isSymbolicLink() ? fs.readlinkSync(tree.hostPath(rel)) : '',
    };
  }

  /** `docker cp CONTAINER:PATH -`: PATH (named by its last part) as a tar stream. */
  copyFrom(ref: string, containerPath: string): Readable {
    const c = this.containers.repo.get(ref);
    const { tree, rel } = this.locate(c, containerPath);
    let from = rel;
    if (tree.lstat(from)?.isSymbolicLink() && containerPath.endsWith('/')) from = path.posix.join(rel, '.');
    if (!tree.lstat(from))
      throw new NotFoundError(`Could not find the file ${containerPath} in container ${c.name}`);
    const name = path.posix.basename(containerPath.replace(/\/+$/, '')) || '.';
    return Readable.from(packTar(this.asContainerSees(c, treeEntries(tree, from, name === '.' ? '' : name))));
  }

  /** Entries leaving a remapped container carry the ids it knows its files by. */
  private asContainerSees(c: ContainerRecord, entries: Iterable<PackEntry>): Iterable<PackEntry> {
    return c.userns ? withOwners(entries, containerOwners(c.userns)) : entries;
  }

  /**
   * `docker cp - CONTAINER:PATH`: TAR's entries go into PATH if it is a
   * directory; otherwise the archive's one top entry becomes PATH.
   */
  async copyTo(ref: string, containerPath: string, tar: AsyncIterable<Buffer>): Promise<void> {
    const c = this.containers.repo.get(ref);
    if (c.hostConfig.readOnly && !this.mountCovering(c.mounts, containerPath))
      throw new InvalidArgumentError(`container ${c.name}'s root filesystem is read-only`);
    const { tree, rel, writeDir } = this.locate(c, containerPath);
    const st = tree.lstat(rel);
    const owners = c.userns ? hostOwners(c.userns) : undefined;
    if (st?.isDirectory()) {
      await extractLayer(tar, writeDir(rel), { intoExisting: true, owners });
    } else {
      const parent = path.posix.dirname(rel);
      if (!tree.lstat(parent === '.' ? '' : parent)?.isDirectory())
        throw new NotFoundError(
          `Could not find the file ${path.posix.dirname(containerPath)} in container ${c.name}`,
        );
      const newName = path.posix.basename(rel);
      await extractLayer(tar, writeDir(parent === '.' ? '' : parent), {
        intoExisting: true,
        owners,
        rename: (name) => name.replace(/^(\.\/)?[^/]+/, newName),
      });
    }
    this.events.emit('container', 'copy', c.id, { name: c.name, path: containerPath });
  }
}
