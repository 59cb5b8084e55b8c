import { Injectable } from '@nestjs/common';
import * as crypto from 'node:crypto';
import type { DISPATCHER_SERVICE } from '@berth/proto';
import { CLUSTER_SERVICE as CLUSTER_API, GrpcClient, RpcError, type CLUSTER_SERVICE } from '@berth/proto';
import { Channel } from '@berth/proto/channel';
import type { CallContext, RequestFor, ResponseFor } from '@berth/proto/server';
import { ClusterService } from '../cluster/cluster.service';
import { DispatcherService } from '../dispatcher/dispatcher.service';
import { conflict, denied, invalid, ManagerError, notFound, unavailable } from '../errors';
import { PresenceService } from '../presence/presence.service';
import { StateService } from '../state/state.service';
import { ExecTargetError, resolveExecTarget, type ExecTarget, type ExecTargetProblem } from './exec-target';

type FromCli = RequestFor<typeof CLUSTER_SERVICE, 'ServiceExec'>;
type ToCli = ResponseFor<typeof CLUSTER_SERVICE, 'ServiceExec'>;
type Start = NonNullable<FromCli['start']>;
type FromAgent = RequestFor<typeof DISPATCHER_SERVICE, 'TaskExec'>;
type ToAgent = ResponseFor<typeof DISPATCHER_SERVICE, 'TaskExec'>;

/** The two directions between a CLI's call and the agent's TaskExec stream. */
interface ExecPipe {
  toAgent: Channel<ToAgent>;
  fromAgent: Channel<FromAgent>;
}

interface WaitingExec {
  nodeId: string;
  pipe: ExecPipe;
  attached: () => void;
}

type ClientBundle = Awaited<ReturnType<ClusterService['issueClient']>>;

/** How long an agent has to open TaskExec after the session brought it the request. */
const ATTACH_TIMEOUT_MS = 10_000;

const STATUS_OF: Record<ExecTargetProblem, (message: string) => ManagerError> = {
  'not-found': notFound,
  ambiguous: invalid,
  invalid,
  'not-running': conflict,
  'node-down': unavailable,
};

/**
 * `berth service exec`: the CLI's call reaches any manager, which picks the task
 * (`resolveExecTarget`) and relays the process's input and output. To the task's agent it goes
 * as the logs do: a request down the node's session, answered by a stream the agent opens back
 * (TaskExec) that carries the bytes both ways. A node whose session another manager holds is
 * reached through that manager (held_here_only), with a client certificate this one issued.
 */
@Injectable()
export class ExecService {
  private readonly waiting = new Map<string, WaitingExec>();

  private peerIdentity: Promise<ClientBundle> | null = null;

  constructor(
    private readonly state: StateService,
    private readonly dispatcher: DispatcherService,
    private readonly presence: PresenceService,
    private readonly cluster: ClusterService,
  ) {}

  serviceExec(requests: AsyncIterable<FromCli>, context: CallContext, authorize: () => Promise<void>) {
    return Channel.of<ToCli>(async (out) => {
      await authorize();
      const fromCli = requests[Symbol.asyncIterator]();
      const first = await fromCli.next();
      const start = first.done ? null : first.value.start;
      if (!start) throw invalid('the first service exec message must say where and what to run');
      if (!start.cmd.length) throw invalid('service exec needs a command');
      const target = this.resolve(start);
      out.push({
        task: {
          taskId: target.task.id,
          name: target.name,
          nodeId: target.node.id,
          hostname: target.node.description.hostname,
        },
      });
      const execId = crypto.randomUUID();
      const waiting: WaitingExec = {
        nodeId: target.node.id,
        pipe: { toAgent: new Channel(), fromAgent: new Channel() },
        attached: () => undefined,
      };
      this.waiting.set(execId, waiting);
      if (this.dispatcher.send(target.node.id, { exec: requestFor(execId, start, target) }))
        return this.relayHere(execId, waiting, target, fromCli, out, context.signal);
      this.waiting.delete(execId);
      if (start.heldHereOnly)
        throw unavailable(`node ${target.node.description.hostname} has no session with this manager`);
      await this.relayThroughHolder(target, start, fromCli, out, context.signal);
    });
  }

  private resolve(start: Start): ExecTarget {
    const cache = this.state.cache;
    try {
      return resolveExecTarget(
        { target: start.target, slot: Number(start.slot) },
        { services: cache.list('services'), tasks: cache.list('tasks'), nodes: cache.list('nodes') },
      );
    } catch (error) {
      if (error instanceof ExecTargetError) throw STATUS_OF[error.problem](error.message);
      throw error;
    }
  }

  /** The node's session is here: wait for its agent's TaskExec, then relay both ways. */
  private async relayHere(
    execId: string,
    waiting: WaitingExec,
    target: ExecTarget,
    fromCli: AsyncIterator<FromCli>,
    out: Channel<ToCli>,
    signal: AbortSignal,
  ): Promise<void> {
    const { pipe } = waiting;
    const hangUp = () => (pipe.toAgent.close(), pipe.fromAgent.close());
    signal.addEventListener('abort', hangUp);
    try {
      await this.attached(execId, waiting, target, signal);
      void forwardInput(fromCli, (m) => pipe.toAgent.push(m));
      for await (const message of pipe.fromAgent) if (passOn(message, out)) return;
      if (!signal.aborted)
        throw unavailable(
          `the connection with the agent of node ${target.node.description.hostname} ended before the process did`,
        );
    } finally {
      signal.removeEventListener('abort', hangUp);
      this.waiting.delete(execId);
      hangUp();
    }
  }

  private attached(
    execId: string,
    waiting: WaitingExec,
    target: ExecTarget,
    signal: AbortSignal,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(execId);
        reject(
          unavailable(
            `the agent of node ${target.node.description.hostname} did not take the exec within ${ATTACH_TIMEOUT_MS / 1000} s: is it running? (\`berth node ls\`)`,
          ),
        );
      }, ATTACH_TIMEOUT_MS);
      const done = () => (clearTimeout(timer), resolve());
      waiting.attached = done;
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /** The manager that holds the node's session runs the exec; this one relays to it. */
  private async relayThroughHolder(
    target: ExecTarget,
    start: Start,
    fromCli: AsyncIterator<FromCli>,
    out: Channel<ToCli>,
    signal: AbortSignal,
  ): Promise<void> {
    const holders = await this.presence.sessionHolders().catch(() => new Map<string, string>());
    const address = holders.get(target.node.id);
    if (!address || address === this.cluster.advertiseAddr)
      throw unavailable(
        `node ${target.node.description.hostname} has no session with any manager: its agent is not connected (see \`berth node ls\`)`,
      );
    // issued once; a failure is not kept, the next exec asks again
    this.peerIdentity ??= this.cluster.issueClient('manager-exec').catch((error: unknown) => {
      this.peerIdentity = null;
      throw error;
    });
    const identity = await this.peerIdentity;
    const peer = new GrpcClient(
      CLUSTER_API,
      { address, tls: { ca: identity.caPem, cert: identity.certPem, key: identity.keyPem } },
      { what: 'another manager', hint: `it holds the session of node ${target.node.description.hostname}` },
    );
    const call = peer.duplex('ServiceExec');
    const stop = () => call.cancel();
    signal.addEventListener('abort', stop);
    try {
      call.send({ start: { ...start, target: target.task.id, slot: 0, heldHereOnly: true } });
      void forwardInput(fromCli, (m) => call.send(m));
      // (its first message names the task: this manager said that already)
      for await (const message of call) if (passOn(message, out)) return;
    } catch (error) {
      // the other manager's refusal (or its absence) reaches the CLI as it was said
      if (error instanceof RpcError) throw new ManagerError(error.message, error.status);
      throw error;
    } finally {
      signal.removeEventListener('abort', stop);
      await peer.close();
    }
  }

  /**
   * The agent's TaskExec stream, named by its first message: its output goes to the CLI's call
   * waiting for it, and what the CLI sends comes back down. NODE_ID comes from its certificate.
   */
  async *taskExec(
    messages: AsyncIterable<FromAgent>,
    nodeId: string,
    signal: AbortSignal,
  ): AsyncGenerator<ToAgent> {
    const fromAgent = messages[Symbol.asyncIterator]();
    const first = await fromAgent.next();
    const execId = (first.done ? '' : first.value.execId) ?? '';
    const waiting = this.waiting.get(execId);
    if (!waiting)
      throw notFound(`no exec ${execId || '(unnamed)'} is waiting: it ended or was never asked for`);
    if (waiting.nodeId !== nodeId) throw denied(`exec ${execId} was asked of another node`);
    this.waiting.delete(execId); // one stream per exec
    const { pipe } = waiting;
    waiting.attached();
    const hangUp = () => (pipe.fromAgent.close(), pipe.toAgent.close());
    signal.addEventListener('abort', hangUp);
    void (async () => {
      for (;;) {
        const next = await fromAgent.next();
        if (next.done) break;
        pipe.fromAgent.push(next.value);
      }
    })()
      .catch(() => undefined)
      .finally(() => pipe.fromAgent.close());
    try {
      yield* pipe.toAgent;
    } finally {
      signal.removeEventListener('abort', hangUp);
    }
  }
}

/** What goes down the session; EXEC_ID names the TaskExec stream the agent opens back. */
function requestFor(execId: string, start: Start, target: ExecTarget) {
  return {
    execId,
    taskId: target.task.id,
    cmd: start.cmd,
    env: start.env,
    workingDir: start.workingDir,
    user: start.user,
    tty: start.tty,
    stdin: start.stdin,
    size: start.size ?? undefined,
  };
}

type Output = Pick<FromAgent, 'stdout' | 'stderr' | 'exit'>;

/** MESSAGE's output to the CLI; true once it was the exit status, the last. */
function passOn(message: Output, out: Channel<ToCli>): boolean {
  if (message.stdout?.length) out.push({ stdout: message.stdout });
  if (message.stderr?.length) out.push({ stderr: message.stderr });
  if (!message.exit) return false;
  out.push({ exit: { exitCode: message.exit.exitCode, error: message.exit.error } });
  return true;
}

/** The CLI's stdin, terminal sizes and end of stdin, as they come, until its call ends. */
async function forwardInput(
  fromCli: AsyncIterator<FromCli>,
  send: (message: ToAgent) => void,
): Promise<void> {
  try {
    for (;;) {
      const next = await fromCli.next();
      if (next.done) return;
      const { stdin, resize, closeStdin } = next.value;
      if (stdin?.length) send({ stdin });
      if (resize) send({ resize: { rows: resize.rows, cols: resize.cols } });
      if (closeStdin) send({ closeStdin: true });
    }
  } catch {
    // the CLI went away: its call's end stops the rest
  }
}
