/**
 * Where containers are kept: `<data-root>/containers/<id>/container.json.{0,1}`, written in turn
 * (@berth/runtime's slots: a crash mid-write leaves the one before). All of them are loaded at
 * start; the agent keeps the truth in memory and writes through.
 */
import { readSlots, writeSlot } from '@berth/runtime';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NotFoundError } from '../errors';
import { upgradeRecord, type ContainerRecord } from './model';

const RECORD = 'container.json';

export class ContainerRepository {
  /**
   * @param records what is kept, by id
   * @param generations each record's last write (its slots' generation)
   */
  constructor(
    readonly dir: string,
    private readonly records = new Map<string, ContainerRecord>(),
    private readonly generations = new Map<string, number>(),
  ) {}

  /** Loads every container kept under DIR (made if missing). */
  static open(dir: string): ContainerRepository {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const repo = new ContainerRepository(dir);
    for (const id of fs.readdirSync(dir)) {
      const saved = readSlots<ContainerRecord>(path.join(dir, id), RECORD);
      if (saved) {
        repo.records.set(id, upgradeRecord(saved.value));
        repo.generations.set(id, saved.generation);
      } else {
        // a container whose creation never finished: nothing to keep
        fs.rmSync(path.join(dir, id), { recursive: true, force: true });
      }
    }
    return repo;
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
    const generation = (this.generations.get(record.id) ?? 0) + 1;
    if (generation === 1) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeSlot(dir, RECORD, generation, record);
    this.generations.set(record.id, generation);
    this.records.set(record.id, record);
  }

  /** Forgets the container at once; its directory goes off the event loop (a dozen files and dirs, slow on a busy disk). */
  async delete(id: string): Promise<void> {
    this.records.delete(id);
    this.generations.delete(id);
    await fs.promises.rm(this.containerDir(id), { recursive: true, force: true });
  }
}
