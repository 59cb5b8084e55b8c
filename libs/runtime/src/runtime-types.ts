/** What the Runtime is given and what it answers: its options, a container's state, an exec's process. */
import type { Readable, Writable } from 'node:stream';
import type { CgroupDriver, CgroupStats } from './cgroups';
import type { OciState, OciSpec } from './oci/spec';
import type { LogTarget } from './plan/compile';
import type { ShimLauncher } from './shim/launcher';
import type { ExitRecord } from './state/status';

export interface RuntimeOptions {
  /** Where container state dirs live (`/run/berth/containers` for the engine). */
  stateRoot: string;
  /** Cgroup under which containers without `linux.cgroupsPath` go: `<parent>/<id>`. */
  cgroupParent?: string;
  cgroups?: CgroupDriver;
  shim?: ShimLauncher;
  /** Where failures that do not fail the operation go (poststart, poststop hooks); default stderr. */
  warn?: (message: string) => void;
}

export interface CreateOptions {
  /** The bundle directory; config.json is read from it unless `spec` is given. */
  bundle: string;
  spec?: OciSpec;
  /** Where stdout/stderr go: a json-file log (default `<state dir>/log.json`), or the caller's own stdio. */
  log?: Partial<LogTarget> | 'inherit';
  /** Feed the container's stdin from the fifo at stdinPath() (else it reads /dev/null). */
  stdin?: boolean;
  /** With process.terminal: the unix socket the terminal's master end is sent to (runc's --console-socket). */
  consoleSocket?: string;
  /**
   * The caller stays until the container exits (`berth-runtime run` in the foreground): with inherited
   * stdio and a terminal but no console socket, the monitor relays the terminal to the caller's stdio.
   */
  foreground?: boolean;
}

export interface ContainerInfo extends OciState {
  createdAt: Date;
  startedAt: Date | null;
  exit: ExitInfo | null;
  rootfs: string;
  cgroupPath: string;
}

export interface ExitInfo extends ExitRecord {
  oomKilled: boolean;
}

export interface ExecOptions {
  args: string[];
  /** Added to the container's environment (same names override), as `docker exec -e`. */
  env?: string[];
  cwd?: string;
  user?: { uid: number; gid: number; additionalGids?: number[] };
  /** A terminal (made in the container) instead of pipes; stdout carries everything. */
  terminal?: { rows: number; cols: number };
}

export interface ExecProcess {
  pid: number;
  stdin: Writable | null;
  stdout: Readable | null;
  stderr: Readable | null;
  /** The process's exit code (128 + signal when killed). */
  exit: Promise<number>;
  /** Signals the process itself (not the shim that waits for it). */
  kill(signal: NodeJS.Signals): void;
  /** Resizes its terminal (with `terminal` only). */
  resize(rows: number, cols: number): void;
}

export interface ContainerStats extends CgroupStats {
  id: string;
  pids: number[];
  readAt: Date;
}
