/**
 * A small JSON document rewritten often (a container's record, its runtime state), kept in two
 * files written in turn: `NAME.0` and `NAME.1`, each holding `{ generation, value }`. A write
 * overwrites the older file in place, so a crash mid-write spoils at most that file, and the reader
 * takes the newest whole one: the last state, or the one before it.
 *
 * Why not a temp file renamed over NAME: that makes a new inode on every write, and on the ext4 we
 * measure on each new inode costs about a millisecond of CPU, a container's life writing its
 * record and state a dozen times; overwriting a file costs a fifth of that.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Slotted<T> {
  /** counts the writes: the newer of the two files has the higher one */
  generation: number;
  value: T;
}

const slotFile = (dir: string, name: string, slot: number) => path.join(dir, `${name}.${slot}`);

/** VALUE as generation GENERATION of DIR/NAME: written over the file of generation GENERATION - 2. */
export function writeSlot(dir: string, name: string, generation: number, value: unknown): void {
  fs.writeFileSync(slotFile(dir, name, generation % 2), JSON.stringify({ generation, value }));
}

/** The newest whole generation of DIR/NAME; null when there is none (never written, or both files spoilt). */
export function readSlots<T>(dir: string, name: string): Slotted<T> | null {
  let newest: Slotted<T> | null = null;
  for (const slot of [0, 1]) {
    let read: Slotted<T>;
    try {
      read = JSON.parse(fs.readFileSync(slotFile(dir, name, slot), 'utf8')) as Slotted<T>;
    } catch {
      continue; // missing, or cut short by a crash while it was written
    }
    if (Number.isInteger(read.generation) && (!newest || read.generation > newest.generation)) newest = read;
  }
  return newest;
}

/** Whether DIR/NAME was ever written (whole or not). */
export function slotsExist(dir: string, name: string): boolean {
  return fs.existsSync(slotFile(dir, name, 0)) || fs.existsSync(slotFile(dir, name, 1));
}
