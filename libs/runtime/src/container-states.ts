/**
 * What the runtime knows of its containers, read back from their state dirs:
 * each one's state.json (cached), and its status derived from the files the
 * monitor writes, /proc and the cgroup.
 */
import * as fs from 'node:fs';
import type { CgroupDriver } from './cgroups';
import { ContainerNotFoundError, InvalidIdError } from './errors';
import type { ContainerInfo } from './runtime-types';
import { StateDir, type StoredState } from './state/files';
import { isSameProcessAlive } from './state/proc';
import { deriveStatus, isValidId, type ExitRecord } from './state/status';

export const OCI_VERSION = '1.0.2';

export class ContainerStates {
  /** Each container's state.json as last written or read: only this runtime writes it, and it is asked for often. */
  private readonly stored = new Map<string, StoredState>();

  constructor(
    readonly stateRoot: string,
    private readonly cgroups: CgroupDriver,
  ) {}

  dir(id: string): StateDir {
    if (!isValidId(id)) throw new InvalidIdError(id);
    return StateDir.of(this.stateRoot, id);
  }

  write(dir: StateDir, state: StoredState, generation: number): void {
    dir.writeState(state, generation);
    this.stored.set(state.id, state);
  }

  read(id: string, dir: StateDir): StoredState {
    let state = this.stored.get(id);
    if (!state) {
      try {
        state = dir.readState();
      } catch {
        throw new ContainerNotFoundError(id);
      }
      this.stored.set(id, state);
    }
    return state;
  }

  state(id: string): ContainerInfo {
    const dir = this.dir(id);
    const stored = this.read(id, dir);
    const pid = stored.pid ?? dir.readPid() ?? undefined;
    const exitRecord = dir.readExit();
    const startedAt = dir.readStartedAt();
    // each process looked up in /proc only where the answer can change the status (deriveStatus)
    const initAlive =
      pid !== undefined && exitRecord === null && isSameProcessAlive(pid, stored.initStartTime);
    const status = deriveStatus({
      pidKnown: pid !== undefined,
      creatorAlive:
        pid === undefined &&
        stored.shimPid !== undefined &&
        isSameProcessAlive(stored.shimPid, stored.shimStartTime),
      initAlive,
      started: startedAt !== null,
      exitRecorded: exitRecord !== null,
      frozen: initAlive && this.cgroups.isFrozen(stored.cgroupPath),
    });
    return {
      ociVersion: OCI_VERSION,
      id,
      status,
      ...(pid !== undefined && status !== 'stopped' ? { pid } : {}),
      bundle: stored.bundle,
      annotations: stored.spec.annotations ?? {},
      createdAt: new Date(stored.createdAt),
      startedAt,
      exit: exitRecord ? { ...exitRecord, oomKilled: this.oomKilled(stored, exitRecord) } : null,
      rootfs: stored.rootfs,
      cgroupPath: stored.cgroupPath,
    };
  }

  /** Docker's OOMKilled: the kernel's OOM killer fired in the container's cgroup. */
  private oomKilled(stored: StoredState, exit: ExitRecord): boolean {
    try {
      return exit.signal === 9 && this.cgroups.oomKillCount(stored.cgroupPath) > 0;
    } catch {
      return false;
    }
  }

  list(): ContainerInfo[] {
    const ids = fs.readdirSync(this.stateRoot, { withFileTypes: true }).filter((e) => e.isDirectory());
    const out: ContainerInfo[] = [];
    for (const entry of ids) {
      try {
        out.push(this.state(entry.name));
      } catch {
        // a directory being created or deleted right now
      }
    }
    return out.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** Drops the cached state of a container whose state dir is being removed. */
  forget(id: string): void {
    this.stored.delete(id);
  }
}
