/**
 * berthd's Docker Engine API: an HTTP server (NestJS on Fastify) on a unix socket beside the
 * engine's own, root-only, answering as dockerd does — the version prefix negotiated
 * (api-version.ts), dockerd's headers on every answer, errors as `{"message": …}` with
 * dockerd's status codes (http-errors.ts). Its routes use the engine's services, taken from the
 * engine's own Nest context, so there is one engine behind both APIs.
 */
import * as fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import * as path from 'node:path';
import {
  Catch,
  HttpException,
  Module,
  type ArgumentsHost,
  type CallHandler,
  type DynamicModule,
  type ExceptionFilter,
  type ExecutionContext,
  type INestApplicationContext,
  type LoggerService,
  type NestInterceptor,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { socketAnswers } from '@berth/proto/server';
import { ClusterAgentService } from '../cluster/cluster-agent.service';
import { ContainerFilesService } from '../containers/container-files.service';
import { NetworkViewsService } from '../cluster/network-views.service';
import { ContainersService } from '../containers/containers.service';
import { EventsService } from '../events/events.service';
import { InvalidArgumentError } from '../errors';
import { SocketInUseError } from '../grpc/grpc.service';
import { ImagesService } from '../images/images.service';
import { NetworksService } from '../networks/networks.service';
import { SystemInfoService } from '../system/system-info.service';
import { VolumesService } from '../volumes/volumes.service';
import { ENGINE_VERSION } from '../system/version';
import { splitApiPath } from './api-version';
import { DockerSystemController } from './docker-api.controllers';
import { DockerContainerIoController } from './docker-container-io.controller';
import { DockerContainersController } from './docker-containers.controller';
import { DockerDiskUsageController } from './docker-disk-usage.controller';
import { DockerEventsController } from './docker-events.controller';
import { DockerNetworksController } from './docker-networks.controller';
import { DockerUnsupportedController } from './docker-unsupported.controller';
import { DockerVolumesController } from './docker-volumes.controller';
import { engineProvider } from './engine-provider';
import { ExecStore } from './exec-store';
import { hijackedRequests } from './hijack';
import { DockerSwarmMembershipController } from './swarm/swarm-membership.controller';
import { DockerBuildController } from './docker-build.controller';
import { DockerImagesController } from './docker-images.controller';
import { dockerErrorOf } from './http-errors';
import { acceptRawBodies } from './json-stream';
import { AGENT_CONFIG } from '../tokens';
import type { AgentConfig } from '../config';
import { DockerConfigsController, DockerSecretsController } from './swarm/docker-files.controller';
import { DockerNodesController } from './swarm/docker-nodes.controller';
import { DockerServicesController } from './swarm/docker-services.controller';
import { ManagerLink } from './swarm/manager-link';
import { answerVersion, apiVersionOf, dockerAnswerHeaders } from './request-version';

@Module({})
class DockerApiModule {
  static forRoot(engine: INestApplicationContext): DynamicModule {
    return {
      module: DockerApiModule,
      controllers: [
        DockerSystemController,
        DockerContainersController,
        DockerContainerIoController,
        DockerNetworksController,
        DockerVolumesController,
        DockerEventsController,
        DockerDiskUsageController,
        DockerUnsupportedController,
        DockerImagesController,
        DockerBuildController,
        DockerSwarmMembershipController,
        DockerNodesController,
        DockerServicesController,
        DockerSecretsController,
        DockerConfigsController,
      ],
      providers: [
        engineProvider(engine, ContainersService),
        engineProvider(engine, ContainerFilesService),
        engineProvider(engine, EventsService),
        engineProvider(engine, SystemInfoService),
        engineProvider(engine, NetworksService),
        engineProvider(engine, NetworkViewsService),
        engineProvider(engine, VolumesService),
        engineProvider(engine, ImagesService),
        ExecStore,
        engineProvider(engine, AGENT_CONFIG),
        engineProvider(engine, ClusterAgentService),
        {
          // the swarm routes' way to the manager beside this engine, refused as dockerd refuses
          // them when this machine is no manager node (swarm/not-a-manager.ts)
          provide: ManagerLink,
          useFactory: () => {
            const cluster = engine.get(ClusterAgentService);
            const config = engine.get<string, AgentConfig>(AGENT_CONFIG);
            return new ManagerLink(config.managerSocket, () => cluster.membership()?.role ?? null);
          },
        },
      ],
    };
  }
}

/** Refuses a request whose named version is not served, before its route runs. */
class VersionCheck implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    apiVersionOf(context.switchToHttp().getRequest<FastifyRequest>().originalUrl);
    return next.handle();
  }
}

@Catch()
class DockerErrors implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } =
      error instanceof HttpException
        ? {
            status: error.getStatus(),
            body: { message: error.getStatus() === 404 ? 'page not found' : error.message },
          }
        : dockerErrorOf(error);
    // exactly this type: the docker client reads the message only from an application/json answer
    void reply
      .status(status)
      .header('Content-Type', 'application/json')
      .send(Buffer.from(JSON.stringify(body))); // a Buffer: Fastify adds no charset to it
  }
}

/** Serves the Docker Engine API on SOCKET (root only), until the returned app is closed. */
export async function serveDockerApi(
  engine: INestApplicationContext,
  socket: string,
  logger: LoggerService,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    rewriteUrl(req: IncomingMessage) {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const rest = splitApiPath(q < 0 ? url : url.slice(0, q)).path;
      return q < 0 ? rest : rest + url.slice(q);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(DockerApiModule.forRoot(engine), adapter, {
    logger,
    abortOnError: false,
    bodyParser: false, // its own parsers, below: JSON that may be empty, archives as streams
  });
  app.useGlobalInterceptors(new VersionCheck());
  app.useGlobalFilters(new DockerErrors());
  const fastify = app.getHttpAdapter().getInstance();
  // docker clients send `Content-Type: application/json` with no body on some POSTs
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body: Buffer, done) => {
    if (!body.length) return done(null, undefined);
    try {
      done(null, JSON.parse(body.toString('utf8')));
    } catch {
      done(new InvalidArgumentError('the request body is not valid JSON'), undefined);
    }
  });
  acceptRawBodies(fastify);
  fastify.server.on(
    'upgrade',
    hijackedRequests({
      containers: engine.get(ContainersService),
      events: engine.get(EventsService),
      execs: app.get(ExecStore),
    }),
  );
  fastify.addHook('onSend', async (request, reply) => {
    reply.headers(dockerAnswerHeaders(answerVersion(request.originalUrl), ENGINE_VERSION));
  });
  await app.init();
  await claimSocket(socket);
  await fastify.listen({ path: socket });
  fs.chmodSync(socket, 0o600);
  return app;
}

/** A stale socket file (an engine that died) is removed; one that answers is another engine's. */
async function claimSocket(socket: string): Promise<void> {
  fs.mkdirSync(path.dirname(socket), { recursive: true, mode: 0o755 });
  if (!fs.existsSync(socket)) return;
  if (await socketAnswers(socket))
    throw new SocketInUseError(
      `another engine serves the Docker API on ${socket}; stop it, or give this one its own --docker-socket`,
    );
  fs.rmSync(socket, { force: true });
}
