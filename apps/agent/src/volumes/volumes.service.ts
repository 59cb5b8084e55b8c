/**
 * Local volumes: `<data-root>/volumes/<name>/_data`, with `volume.json`
 * beside it. A named volume outlives its containers; anonymous ones (from
 * an image's VOLUME) go with `rm -v`. A new volume mounted over image
 * content starts as a copy of it, as Docker's do.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AGENT_CONFIG, USERNS_REMAP } from '../tokens';
import type { RemapIdentity } from '../system/userns-remap';
import type { AgentConfig } from '../config';
import { ConflictError, InvalidArgumentError, NotFoundError } from '../errors';
import { EventsService } from '../events/events.service';

export interface Volume {
  name: string;
  driver: 'local';
  created: string;
  labels: Record<string, string>;
  anonymous: boolean;
}

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

@Injectable()
export class VolumesService implements OnModuleInit {
  readonly dir: string;
  /** Which containers use which volume, kept by the containers service. */
  private readonly users = new Map<string, Set<string>>();

  constructor(
    @Inject(AGENT_CONFIG) config: AgentConfig,
    private readonly events: EventsService,
    /** with --userns-remap a new volume is the remapped root's, as dockerd makes it */
    @Inject(USERNS_REMAP) private readonly remap: RemapIdentity | null = null,
  ) {
    this.dir = path.join(config.dataRoot, 'volumes');
  }

  onModuleInit(): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  private metaFile(name: string): string {
    return path.join(this.dir, name, 'volume.json');
  }

  dataDir(name: string): string {
    return path.join(this.dir, name, '_data');
  }

  find(name: string): Volume | null {
    try {
      return JSON.parse(fs.readFileSync(this.metaFile(name), 'utf8')) as Volume;
    } catch {
      return null;
    }
  }

  get(name: string): Volume {
    const v = this.find(name);
    if (!v) throw new NotFoundError(`get ${name}: no such volume`);
    return v;
  }

  /** Make the volume unless it exists (then it is returned as it is). */
  ensure(name: string | null, labels: Record<string, string> = {}): { volume: Volume; created: boolean } {
    const volumeName = name || crypto.randomBytes(32).toString('hex');
    if (!NAME.test(volumeName))
      throw new InvalidArgumentError(
        `"${volumeName}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed`,
      );
    const existing = this.find(volumeName);
    if (existing) return { volume: existing, created: false };
    const volume: Volume = {
      name: volumeName,
      driver: 'local',
      created: new Date().toISOString(),
      labels,
      anonymous: !name,
    };
    fs.mkdirSync(this.dataDir(volumeName), { recursive: true, mode: 0o755 });
    if (this.remap) fs.chownSync(this.dataDir(volumeName), this.remap.rootUid, this.remap.rootGid);
    fs.writeFileSync(this.metaFile(volumeName), JSON.stringify(volume));
    this.events.emit('volume', 'create', volumeName, { driver: 'local' });
    return { volume, created: true };
  }

  list(): Volume[] {
    return fs
      .readdirSync(this.dir)
      .map((name) => this.find(name))
      .filter((v): v is Volume => v !== null)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  inspect(name: string): Record<string, unknown> {
    const v = this.get(name);
    return {
      CreatedAt: v.created,
      Driver: v.driver,
      Labels: v.labels,
      Mountpoint: this.dataDir(v.name),
      Name: v.name,
      Options: {},
      Scope: 'local',
    };
  }

  use(name: string, container: string): void {
    this.users.set(name, new Set([...(this.users.get(name) ?? []), container]));
  }

  release(name: string, container: string): void {
    this.users.get(name)?.delete(container);
  }

  remove(name: string, force = false): void {
    const v = this.get(name);
    const users = [...(this.users.get(name) ?? [])];
    if (users.length && !force)
      throw new ConflictError(`remove ${name}: volume is in use - [${users.join(', ')}]`);
    fs.rmSync(path.join(this.dir, v.name), { recursive: true, force: true });
    this.users.delete(name);
    this.events.emit('volume', 'destroy', v.name, { driver: 'local' });
  }

  /** Unused volumes: anonymous ones, or every one with ALL; of those, the ones WHICH picks. */
  prune(
    all = false,
    which: (v: Volume) => boolean = () => true,
  ): { deleted: string[]; reclaimedBytes: number } {
    const deleted: string[] = [];
    let reclaimedBytes = 0;
    for (const v of this.list()) {
      if (this.users.get(v.name)?.size || (!all && !v.anonymous) || !which(v)) continue;
      reclaimedBytes += diskUsage(path.join(this.dir, v.name));
      this.remove(v.name);
      deleted.push(v.name);
    }
    return { deleted, reclaimedBytes };
  }
}

export function diskUsage(target: string): number {
  let total = 0;
  const st = fs.lstatSync(target, { throwIfNoEntry: false });
  if (!st) return 0;
  if (st.isDirectory())
    for (const name of fs.readdirSync(target)) total += diskUsage(path.join(target, name));
  else total += st.size;
  return total;
}
