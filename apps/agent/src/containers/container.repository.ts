/**
 * Where containers are kept: `<data-root>/containers/<id>/container.json`,
 * replaced atomically. All of them are loaded at start; the agent keeps the
 * truth in memory and writes through.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NotFoundError } from '../errors';
import type { ContainerRecord } from './model';

export class ContainerRepository {
  private readonly records = new Map<string, ContainerRecord>();

  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const id of fs.readdirSync(dir)) {
      try {
        this.records.set(
          id,
          JSON.parse(fs.readFileSync(path.join(dir, id, 'container.json'), 'utf8')) as ContainerRecord,
        );
      } catch {
        // a container whose creation never finished: nothing to keep
        fs.rmSync(path.join(dir, id), { recursive: true, force: true });
      }
    }
  }

  containerDir(id: string): string {
    return path.join(this.dir, id);
  }

  all(): ContainerRecord[] {
    return [...this.records.values()];
  }

  /** By full id, unique id prefix, or name (with or without the leading "/"). */
  find(ref: string): ContainerRecord | null {
    const name = ref.replace(/^\//, '');
    const byName = this.all().find((c) => c.name === name);
    if (byName) return byName;
    const exact = this.records.get(ref);
    if (exact) return exact;
    const prefix = this.all().filter((c) => c.id.startsWith(ref));
    if (prefix.length > 1) throw new NotFoundError(`multiple containers found with provided prefix: ${ref}`);
    return prefix[0] ?? null;
  }

  get(ref: string): ContainerRecord {
    const found = this.find(ref);
    if (!found) throw new NotFoundError(`No such container: ${ref}`);
    return found;
  }

  save(record: ContainerRecord): void {
    const dir = this.containerDir(record.id);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = path.join(dir, `.container.json.${process.pid}`);
    fs.writeFileSync(tmp, JSON.stringify(record));
    fs.renameSync(tmp, path.join(dir, 'container.json'));
    this.records.set(record.id, record);
  }

  /** Forgets the container at once; its directory goes off the event loop (a dozen files and dirs, slow on a busy disk). */
  async delete(id: string): Promise<void> {
    this.records.delete(id);
    await fs.promises.rm(this.containerDir(id), { recursive: true, force: true });
  }
}
