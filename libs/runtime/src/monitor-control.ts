/** The container monitor's control fifo (`ctl` in the state dir): start, resize. */
import * as fs from 'node:fs';
import { HostError } from './errors';
import type { StateDir } from './state/files';

/** A line for the monitor of container ID (state dir DIR) on its control fifo. */
export function tellMonitor(dir: StateDir, id: string, line: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dir.file('ctl'), fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    throw new HostError(`container "${id}": its monitor is gone (${(error as Error).message})`);
  }
  try {
    fs.writeSync(fd, `${line}\n`);
  } finally {
    fs.closeSync(fd);
  }
}
