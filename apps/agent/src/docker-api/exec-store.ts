/**
 * Docker's exec instances: `POST /containers/{id}/exec` makes one, `POST /exec/{id}/start` runs
 * it, `GET /exec/{id}/json` tells how it ended. Kept in memory, as dockerd keeps them, and
 * forgotten with their container.
 */
import { randomBytes } from 'node:crypto';
import { NotFoundError } from '../errors';
import type { ExecRequest } from '../containers/request';

export interface ExecInstance {
  id: string;
  containerId: string;
  /** what to run; its terminal size comes with the start */
  request: ExecRequest;
  tty: boolean;
  attachStdin: boolean;
  attachStdout: boolean;
  attachStderr: boolean;
  privileged: boolean;
  detachKeys: string;
  running: boolean;
  started: boolean;
  exitCode: number | null;
  pid: number;
  /** resizes the running process's terminal */
  resize: ((rows: number, cols: number) => void) | null;
}

/** More than any client keeps open at once; the oldest ended ones go first. */
const KEEP = 1000;

export class ExecStore {
  private readonly instances = new Map<string, ExecInstance>();

  add(
    fields: Omit<ExecInstance, 'id' | 'running' | 'started' | 'exitCode' | 'pid' | 'resize'>,
  ): ExecInstance {
    const instance: ExecInstance = {
      ...fields,
      id: randomBytes(32).toString('hex'),
      running: false,
      started: false,
      exitCode: null,
      pid: 0,
      resize: null,
    };
    this.instances.set(instance.id, instance);
    if (this.instances.size > KEEP)
      for (const [id, old] of this.instances) {
        if (this.instances.size <= KEEP) break;
        if (!old.running) this.instances.delete(id);
      }
    return instance;
  }

  get(id: string): ExecInstance {
    const found = this.instances.get(id);
    if (!found) throw new NotFoundError(`No such exec instance: ${id}`);
    return found;
  }

  /** Forgets the exec instances of a container that is gone. */
  forgetContainer(containerId: string): void {
    for (const [id, e] of this.instances) if (e.containerId === containerId) this.instances.delete(id);
  }
}

/** `GET /exec/{id}/json`: an exec instance in Docker's ExecInspect shape. */
export function execInspect(e: ExecInstance) {
  return {
    ID: e.id,
    Running: e.running,
    ExitCode: e.exitCode,
    ProcessConfig: {
      tty: e.tty,
      entrypoint: e.request.cmd[0] ?? '',
      arguments: e.request.cmd.slice(1),
      privileged: e.privileged,
      ...(e.request.user ? { user: e.request.user } : {}),
    },
    OpenStdin: e.attachStdin,
    OpenStderr: e.attachStderr,
    OpenStdout: e.attachStdout,
    CanRemove: false,
    ContainerID: e.containerId,
    DetachKeys: e.detachKeys,
    Pid: e.pid,
  };
}
