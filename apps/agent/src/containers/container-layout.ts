/**
 * Where a container's files are on this machine — `<data-root>/containers/<id>/`: its log, its
 * /etc files, its overlay's upper, work and merged directories — and its root as its processes
 * see it, read from the image's layers. Opened by a factory (the init layer is made there).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyEntry, LayeredFs, LayeredTree, type ImageRecord, type Images } from '@berth/image';
import { ensureInitLayer, hostIdOf } from '@berth/runtime';
import type { ContainerRepository } from './container.repository';
import type { ContainerRecord, ContainerUserns } from './model';

type Container = Pick<ContainerRecord, 'id'>;

export class ContainerLayout {
  constructor(
    private readonly repo: Pick<ContainerRepository, 'containerDir'>,
    private readonly images: Pick<Images, 'layers' | 'lowerDirs'>,
    /** the layer of files every container gets (/etc/hosts and the like, as mount points) */
    private readonly initLayer: string,
  ) {}

  static open(
    dataRoot: string,
    repo: Pick<ContainerRepository, 'containerDir'>,
    images: Pick<Images, 'layers' | 'lowerDirs'>,
  ): ContainerLayout {
    return new ContainerLayout(repo, images, ensureInitLayer(path.join(dataRoot, 'init')));
  }

  dir(c: Container, ...parts: string[]): string {
    return path.join(this.repo.containerDir(c.id), ...parts);
  }

  bundle(c: Container): string {
    return this.repo.containerDir(c.id);
  }

  logPath(c: Container): string {
    return this.dir(c, `${c.id}-json.log`);
  }

  upperDir(c: Container): string {
    return this.dir(c, 'rootfs', 'upper');
  }

  /** The overlay's directories, made when the container is. */
  makeRootfsDirs(c: Container): void {
    for (const d of ['upper', 'work', 'merged']) fs.mkdirSync(this.dir(c, 'rootfs', d), { recursive: true });
  }

  /**
   * A container in a user namespace of its own: what it writes is its root's (host ids from
   * the mappings) — the overlay's upper and work dirs (overlayfs shows the upper dir's owner as
   * that of /), the /etc files it binds and EXTRA — and its directory is passable by its root's
   * group only (dockerd's 0710), for the binds its init makes as that root.
   */
  shareWithRoot(c: Container & { userns?: ContainerUserns }, extra: string[] = []): void {
    if (!c.userns) return;
    const uid = hostIdOf(c.userns.uidMappings, 0)!;
    const gid = hostIdOf(c.userns.gidMappings, 0)!;
    const dir = this.repo.containerDir(c.id);
    fs.chownSync(dir, 0, gid);
    fs.chmodSync(dir, 0o710);
    const { hostsPath, hostnamePath, resolvConfPath, upperDir } = this.filesOf(c);
    const owned = [
      upperDir,
      this.dir(c, 'rootfs', 'work'),
      hostsPath,
      hostnamePath,
      resolvConfPath,
      ...extra,
    ];
    for (const p of owned) if (fs.existsSync(p)) fs.chownSync(p, uid, gid);
  }

  /** The overlay of a run: the image's layers under the init layer, and the container's own dirs. */
  async overlay(c: Container, image: ImageRecord) {
    return {
      lowerDirs: [this.initLayer, ...(await this.images.lowerDirs(image))],
      upperDir: this.upperDir(c),
      workDir: this.dir(c, 'rootfs', 'work'),
      mergedDir: this.dir(c, 'rootfs', 'merged'),
    };
  }

  /** The files the engine keeps for C, as inspect shows them; and the ones a run writes. */
  filesOf(c: Container) {
    return {
      logPath: this.logPath(c),
      hostsPath: this.dir(c, 'hosts'),
      hostnamePath: this.dir(c, 'hostname'),
      resolvConfPath: this.dir(c, 'resolv.conf'),
      upperDir: this.upperDir(c),
    };
  }

  /** The container's root as its processes see it, read from the layers (and its own upper dir). */
  layeredRoot(image: Pick<ImageRecord, 'layers'>, upper: string | null): LayeredFs {
    const layers = [...image.layers].reverse().map((l) => ({
      dir: this.images.layers.diffDir(l.chainId),
      opaqueDirs: new Set(
        this.images.layers.has(l.chainId) ? this.images.layers.record(l.chainId).opaqueDirs : [],
      ),
    }));
    return new LayeredFs(upper ? [{ dir: upper, opaqueDirs: new Set<string>() }, ...layers] : layers);
  }

  /** A new volume mounted over image content starts as a copy of it (owned as the container sees it, with USERNS). */
  copyImageContent(image: ImageRecord, destination: string, target: string, userns?: ContainerUserns): void {
    const uidOf = (id: number) => (userns ? (hostIdOf(userns.uidMappings, id) ?? id) : id);
    const gidOf = (id: number) => (userns ? (hostIdOf(userns.gidMappings, id) ?? id) : id);
    const root = this.layeredRoot(image, null);
    const rel = root.resolve(destination.replace(/^\/+/, ''));
    const found = root.lookup(rel);
    if (!found?.stat.isDirectory()) return;
    const tree = new LayeredTree(`image ${image.configDigest}`, root);
    for (const name of tree.readdir(rel)) {
      const st = tree.lstat(`${rel}/${name}`)!;
      copyEntry(tree, `${rel}/${name}`, target, name, { uid: uidOf(st.uid), gid: gidOf(st.gid) });
    }
    fs.chownSync(target, uidOf(found.stat.uid), gidOf(found.stat.gid));
    fs.chmodSync(target, found.stat.mode & 0o7777);
  }
}
