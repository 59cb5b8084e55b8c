import type { Logger } from '@nestjs/common';
import type { DISPATCHER_SERVICE, GrpcClient, ResponseOf } from '@berth/proto';
import { ContainerStartError } from '@berth/runtime';
import type { ContainersService } from '../containers/containers.service';
import { relayExec } from '../containers/exec-session';
import type { ExecRequest } from '../containers/request';
import { managerClient } from './manager-client';
import type { Membership } from './membership.repository';
import type { WorkerService } from './worker.service';

type TaskExecRequest = NonNullable<ResponseOf<typeof DISPATCHER_SERVICE, 'Session'>['exec']>;

export type TaskExecClient = Pick<GrpcClient<typeof DISPATCHER_SERVICE>, 'duplex' | 'close'>;

/** Docker's exit status for a process that could not be started at all. */
const CANNOT_INVOKE = 126;

/**
 * The agent's half of `berth service exec`: for each request the manager sends down the session,
 * run the process in the task's container (the engine's exec, as `berth exec`) and open TaskExec
 * back to the manager for its input, output and exit status. Only this node's tasks: the
 * container is found among the ones the worker runs.
 */
export class TaskExecRelay {
  private readonly open = new Map<string, AbortController>();

  constructor(
    private readonly containers: Pick<ContainersService, 'exec'>,
    private readonly worker: Pick<WorkerService, 'containerOf'>,
    private readonly log: Pick<Logger, 'warn'>,
    /** the TaskExec stream's way to the manager that holds the session (a fake in unit tests) */
    private readonly connect: (membership: Membership) => TaskExecClient = managerClient,
  ) {}

  handle(request: TaskExecRequest, membership: Membership): void {
    if (this.open.has(request.execId)) return;
    const controller = new AbortController();
    this.open.set(request.execId, controller);
    void this.run(request, membership, controller.signal)
      .catch((error: Error) => this.log.warn(`exec in task ${request.taskId}: ${error.message}`))
      .finally(() => this.open.delete(request.execId));
  }

  stopAll(): void {
    for (const controller of this.open.values()) controller.abort();
  }

  private async run(request: TaskExecRequest, membership: Membership, signal: AbortSignal): Promise<void> {
    const client = this.connect(membership);
    const call = client.duplex('TaskExec');
    const stop = () => call.cancel();
    signal.addEventListener('abort', stop);
    try {
      call.send({ execId: request.execId });
      const exit = await this.exec(request, call[Symbol.asyncIterator](), signal, {
        stdout: (data) => call.send({ stdout: data }),
        stderr: (data) => call.send({ stderr: data }),
      });
      call.send({ exit });
      call.end();
      for await (const _ of call) void _;
    } finally {
      signal.removeEventListener('abort', stop);
      await client.close();
    }
  }

  /** The process's exit code, or why it could not be started (with Docker's 126). */
  private async exec(
    request: TaskExecRequest,
    inputs: AsyncIterator<ResponseOf<typeof DISPATCHER_SERVICE, 'TaskExec'>>,
    signal: AbortSignal,
    sink: { stdout(data: Buffer): void; stderr(data: Buffer): void },
  ): Promise<{ exitCode: number; error: string }> {
    const container = this.worker.containerOf(request.taskId);
    if (!container)
      return {
        exitCode: CANNOT_INVOKE,
        error: `task ${request.taskId} has no container on this node (it ended, or has not started): see \`berth service ps\``,
      };
    let proc;
    try {
      proc = await this.containers.exec(container.id, execRequestOf(request));
    } catch (error) {
      // Docker's status for a command missing (127) or not runnable (126)
      if (error instanceof ContainerStartError) return { exitCode: error.exitCode, error: error.reason };
      return { exitCode: CANNOT_INVOKE, error: (error as Error).message };
    }
    const exitCode = await relayExec(proc, inputs, request.stdin, sink, signal);
    return { exitCode, error: '' };
  }
}

function execRequestOf(request: TaskExecRequest): ExecRequest {
  const rows = request.size?.rows || 24;
  const cols = request.size?.cols || 80;
  return {
    cmd: [...request.cmd],
    env: [...request.env],
    workingDir: request.workingDir,
    user: request.user,
    terminal: request.tty ? { rows, cols } : null,
  };
}
