/**
 * A container's state directory, `<state root>/<id>/`:
 *   state.json    written by the runtime: spec, bundle, cgroup, init pid
 *   instructions  what the shim was told (kept for debugging)
 *   pid, started, exit, ctl   written by the shim's monitor
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OciSpec } from '../oci/spec';
import { parseExitRecord, parseNanosTimestamp, type ExitRecord } from './status';

export interface StoredState {
  id: string;
  bundle: string;
  rootfs: string;
  createdAt: string;
  cgroupPath: string;
  spec: OciSpec;
  /** The shim's monitor. */
  shimPid?: number;
  shimStartTime?: number;
  pid?: number;
  initStartTime?: number;
}

export class StateDir {
  constructor(readonly dir: string) {}

  static of(root: string, id: string): StateDir {
    return new StateDir(path.join(root, id));
  }

  file(name: string): string {
    return path.join(this.dir, name);
  }

  exists(): boolean {
    return fs.existsSync(this.file('state.json'));
  }

  /** Claims the id: fails with EEXIST if another container has it. */
  claim(): void {
    fs.mkdirSync(this.dir, { mode: 0o700 });
  }

  writeState(state: StoredState): void {
    const tmp = this.file('state.json.tmp');
    fs.writeFileSync(tmp, JSON.stringify(state));
    fs.renameSync(tmp, this.file('state.json'));
  }

  readState(): StoredState {
    return JSON.parse(fs.readFileSync(this.file('state.json'), 'utf8')) as StoredState;
  }

  private readOptional(name: string): string | null {
    try {
      return fs.readFileSync(this.file(name), 'utf8');
    } catch {
      return null;
    }
  }

  readPid(): number | null {
    const text = this.readOptional('pid');
    return text === null ? null : Number(text.trim());
  }

  readStartedAt(): Date | null {
    const text = this.readOptional('started');
    return text === null ? null : parseNanosTimestamp(text);
  }

  readExit(): ExitRecord | null {
    const text = this.readOptional('exit');
    return text === null ? null : parseExitRecord(text);
  }

  /** Why the process could not be started, as "CODE MESSAGE" (written by the monitor). */
  readStartError(): { exitCode: number; message: string } | null {
    const text = this.readOptional('error');
    if (text === null) return null;
    const space = text.indexOf(' ');
    return { exitCode: Number(text.slice(0, space)) || 1, message: text.slice(space + 1).trim() };
  }

  /** Off the event loop: a handful of files, slow on a busy disk. */
  async remove(): Promise<void> {
    await fs.promises.rm(this.dir, { recursive: true, force: true });
  }
}
