/**
 * A container's state directory, `<state root>/<id>/`:
 *   state.json.0, state.json.1   written by the runtime (./slots.ts): spec, bundle, cgroup, init pid
 *   instructions  what the shim was told (kept for debugging)
 *   pid, started, exit, ctl   written by the shim's monitor
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OciSpec } from '../oci/spec';
import { readSlots, slotsExist, writeSlot } from './slots';
import { parseExitRecord, parseNanosTimestamp, type ExitRecord } from './status';

const STATE = 'state.json';

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
    return slotsExist(this.dir, STATE);
  }

  /** Claims the id: fails with EEXIST if another container has it. */
  claim(): void {
    fs.mkdirSync(this.dir, { mode: 0o700 });
  }

  /** STATE as the GENERATION-th write (1, 2, …: a container's creation writes it a few times). */
  writeState(state: StoredState, generation: number): void {
    writeSlot(this.dir, STATE, generation, state);
  }

  readState(): StoredState {
    const newest = readSlots<StoredState>(this.dir, STATE);
    if (!newest) throw new Error(`${this.file(STATE)}: no state written`);
    return newest.value;
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
