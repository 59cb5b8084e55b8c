/**
 * The engine API on its unix socket: every handler group's methods served
 * through @berth/proto's grpc-js adapter. The socket is root's alone (0600),
 * as dockerd's is root's and the docker group's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type * as grpc from '@grpc/grpc-js';
import { socketAnswers, serve, type EngineHandlers } from '@berth/proto/server';
import { AGENT_CONFIG } from '../tokens';
import type { AgentConfig } from '../config';
import { toStatus } from '../errors';
import { HANDLER_GROUPS, type HandlerGroup } from './handlers';

export class SocketInUseError extends Error {}

@Injectable()
export class GrpcService implements OnApplicationShutdown {
  private readonly log = new Logger('grpc');
  private server: grpc.Server | null = null;

  constructor(
    @Inject(AGENT_CONFIG) private readonly config: AgentConfig,
    @Inject(HANDLER_GROUPS) private readonly groups: HandlerGroup[],
  ) {}

  handlers(): EngineHandlers {
    return Object.assign({}, ...this.groups.map((g) => g.handlers())) as EngineHandlers;
  }

  async listen(): Promise<void> {
    const socket = this.config.socket;
    fs.mkdirSync(path.dirname(socket), { recursive: true, mode: 0o700 });
    if (fs.existsSync(socket)) {
      if (await socketAnswers(socket))
        throw new SocketInUseError(
          `another engine is serving ${socket}; stop it, or give this one its own -H, --data-root and --exec-root`,
        );
      fs.rmSync(socket); // left by an agent that died
    }
    const umask = process.umask(0o177); // the socket is born 0600: no moment when others could connect
    try {
      this.server = await serve(`unix://${socket}`, this.handlers(), toStatus);
    } finally {
      process.umask(umask);
    }
    fs.chmodSync(socket, 0o600);
    this.log.log(`serving the engine API on unix://${socket}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => {
        server.forceShutdown();
        resolve();
      }, 2000);
      server.tryShutdown(() => {
        clearTimeout(force);
        resolve();
      });
    });
    fs.rmSync(this.config.socket, { force: true });
  }
}
