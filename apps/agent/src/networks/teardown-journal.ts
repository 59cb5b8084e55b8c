/**
 * The teardown journal, `<data-root>/network/teardowns/<container id>.json`: a container's network
 * teardown is written down before it starts and removed once done (or once it is no longer this
 * journal's to do), so that an agent killed in between finishes it when it starts again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ContainerRecord } from '../containers/model';

/** What taking a container's network down needs. */
export type Teardown = Pick<ContainerRecord, 'id' | 'networks' | 'boundPorts'>;

export class TeardownJournal {
  constructor(private readonly dir: string) {}

  /** The journal in DIR (made if missing). */
  static open(dir: string): TeardownJournal {
    fs.mkdirSync(dir, { recursive: true });
    return new TeardownJournal(dir);
  }

  write(teardown: Teardown): void {
    fs.writeFileSync(this.entry(teardown.id), JSON.stringify(teardown));
  }

  remove(containerId: string): void {
    fs.rmSync(this.entry(containerId), { force: true });
  }

  /** Every teardown written and not removed, each removed as it is read (an unreadable one is dropped). */
  takeAll(): Teardown[] {
    const found: Teardown[] = [];
    for (const file of fs.readdirSync(this.dir)) {
      const entry = path.join(this.dir, file);
      try {
        found.push(JSON.parse(fs.readFileSync(entry, 'utf8')) as Teardown);
      } catch {
        // half-written by a crash: nothing to go on
      }
      fs.rmSync(entry, { force: true });
    }
    return found;
  }

  private entry(containerId: string): string {
    return path.join(this.dir, `${containerId}.json`);
  }
}
