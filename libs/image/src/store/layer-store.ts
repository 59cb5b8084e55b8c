/**
 * Unpacked layers, one directory per chain id: `<root>/layers/<hex>/diff`
 * is what overlayfs stacks as a lower dir, `layer.json` describes it. A
 * layer is made in a temp directory and renamed into place only when whole
 * and verified, so an interrupted pull or unpack never leaves a layer that
 * later counts as whole. Images that share a base share its directories.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { digestHex, isDigest, type Digest } from '../digest';
import { fsyncDir, removeStaleTemps, tempName } from './atomic';

export interface LayerRecord {
  chainId: Digest;
  diffId: Digest;
  parent: Digest | null;
  /** Bytes of file content in the layer. */
  size: number;
  opaqueDirs: string[];
  createdAt: string;
}

export interface LayerFill {
  size: number;
  opaqueDirs: string[];
}

export class LayerStore {
  readonly dir: string;

  constructor(root: string) {
    this.dir = path.join(root, 'layers');
    fs.mkdirSync(this.dir, { recursive: true });
    removeStaleTemps(this.dir);
  }

  private path(chainId: Digest): string {
    return path.join(this.dir, digestHex(chainId));
  }

  has(chainId: Digest): boolean {
    return fs.existsSync(path.join(this.path(chainId), 'layer.json'));
  }

  /** The directory overlayfs uses as this layer's lower dir. */
  diffDir(chainId: Digest): string {
    return path.join(this.path(chainId), 'diff');
  }

  record(chainId: Digest): LayerRecord {
    return JSON.parse(fs.readFileSync(path.join(this.path(chainId), 'layer.json'), 'utf8')) as LayerRecord;
  }

  /**
   * Make the layer CHAIN_ID by letting FILL write its content into a fresh
   * directory. If FILL throws, nothing remains; if another writer got there
   * first, its layer is kept and ours dropped.
   */
  async create(
    chainId: Digest,
    diffId: Digest,
    parent: Digest | null,
    fill: (dir: string) => Promise<LayerFill>,
  ): Promise<LayerRecord> {
    if (this.has(chainId)) return this.record(chainId);
    const tmp = tempName(this.path(chainId));
    fs.mkdirSync(path.join(tmp, 'diff'), { recursive: true, mode: 0o755 });
    try {
      const filled = await fill(path.join(tmp, 'diff'));
      const record: LayerRecord = { chainId, diffId, parent, ...filled, createdAt: new Date().toISOString() };
      fs.writeFileSync(path.join(tmp, 'layer.json'), JSON.stringify(record));
      return this.commit(tmp, chainId, record);
    } catch (error) {
      fs.rmSync(tmp, { recursive: true, force: true });
      throw error;
    }
  }

  /** A fresh directory on the layers' filesystem, for content whose chain id is known only once written; adopt() it. */
  scratch(): string {
    const dir = tempName(path.join(this.dir, 'scratch'));
    fs.mkdirSync(dir, { mode: 0o755 });
    return dir;
  }

  /** Adopt DIR (a scratch dir, or a build step's overlay upper dir) as the layer's content, by rename. */
  adopt(dir: string, record: Omit<LayerRecord, 'createdAt'>): LayerRecord {
    if (this.has(record.chainId)) {
      fs.rmSync(dir, { recursive: true, force: true });
      return this.record(record.chainId);
    }
    const tmp = tempName(this.path(record.chainId));
    fs.mkdirSync(tmp);
    fs.renameSync(dir, path.join(tmp, 'diff'));
    const full: LayerRecord = { ...record, createdAt: new Date().toISOString() };
    fs.writeFileSync(path.join(tmp, 'layer.json'), JSON.stringify(full));
    return this.commit(tmp, record.chainId, full);
  }

  private commit(tmp: string, chainId: Digest, record: LayerRecord): LayerRecord {
    try {
      fs.renameSync(tmp, this.path(chainId));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      fs.rmSync(tmp, { recursive: true, force: true }); // another pull made it meanwhile
      return this.record(chainId);
    }
    fsyncDir(this.dir);
    return record;
  }

  delete(chainId: Digest): void {
    const doomed = tempName(this.path(chainId)); // rename first: a half-deleted layer must not look whole
    try {
      fs.renameSync(this.path(chainId), doomed);
    } catch {
      return;
    }
    fs.rmSync(doomed, { recursive: true, force: true });
  }

  list(): Digest[] {
    return fs
      .readdirSync(this.dir)
      .map((hex) => `sha256:${hex}`)
      .filter((d): d is Digest => isDigest(d) && this.has(d));
  }
}
