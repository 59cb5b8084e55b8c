/**
 * Where networks are kept: `<data-root>/network/networks.json`, the user networks only (the
 * pre-defined ones are made anew at each start). Read once when opened; written through, whole,
 * by a rename so that a crash leaves the file before or after, never half of it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NetworkRecord } from './network-record';

export class NetworkStore {
  constructor(
    private readonly file: string,
    private records: NetworkRecord[],
  ) {}

  /** The networks kept in DIR/networks.json (DIR made if missing), after BUILTINS. */
  static open(dir: string, builtins: readonly NetworkRecord[]): NetworkStore {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, 'networks.json');
    let user: NetworkRecord[] = [];
    try {
      user = (JSON.parse(fs.readFileSync(file, 'utf8')) as NetworkRecord[]).filter((n) => !n.builtin);
    } catch {
      // none yet
    }
    return new NetworkStore(file, [...builtins, ...user]);
  }

  all(): readonly NetworkRecord[] {
    return this.records;
  }

  add(record: NetworkRecord): void {
    this.records = [...this.records, record];
    this.persist();
  }

  delete(id: string): void {
    this.records = this.records.filter((n) => n.id !== id);
    this.persist();
  }

  private persist(): void {
    const tmp = `${this.file}.${process.pid}`;
    fs.writeFileSync(tmp, JSON.stringify(this.records.filter((n) => !n.builtin)));
    fs.renameSync(tmp, this.file);
  }
}
