/**
 * The Docker Engine API's classic builder (`POST /build`, what `DOCKER_BUILDKIT=0 docker build`
 * and docker clients without buildx send): the context arrives as a tar body, is unpacked under
 * the engine's exec root for the engine's builder, and the build's output goes back as a JSON
 * stream. BuildKit's routes answer 501 with how to use the classic builder instead.
 */
import * as path from 'node:path';
import { Controller, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DockerfileSyntaxError } from '@berth/image';
import type { AgentConfig } from '../config';
import { InvalidArgumentError } from '../errors';
import { EventsService } from '../events/events.service';
import { ImagesService } from '../images/images.service';
import { AGENT_CONFIG } from '../tokens';
import { withBuildContext } from './build-context';
import {
  buildRequest,
  BuildKitUnsupportedError,
  forDockerClient,
  type DockerBuildRequest,
} from './docker-image-requests';
import { type Query as QueryMap } from './query';
import { requestBody, streamJson, type JsonStream } from './json-stream';

@Controller()
export class DockerBuildController {
  constructor(
    private readonly service: ImagesService,
    private readonly events: EventsService,
    @Inject(AGENT_CONFIG) private readonly config: AgentConfig,
  ) {}

  @Post('build')
  async build(
    @Query() query: QueryMap,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const options = buildRequest(query);
    const contexts = path.join(this.config.execRoot, 'docker-build');
    await withBuildContext(requestBody(request), contexts, (context) =>
      streamJson(reply, (out) => this.run(context, options, out)),
    );
  }

  /** `docker builder prune`: the build cache forgotten, and the bytes only it kept. */
  @Post('build/prune')
  @HttpCode(200)
  pruneCache() {
    const images = this.service.images;
    const before = images.diskUsage();
    images.pruneBuildCache();
    return { CachesDeleted: null, SpaceReclaimed: Math.max(0, before - images.diskUsage()) };
  }

  /** BuildKit's session and gRPC tunnel (buildx, `DOCKER_BUILDKIT=1`). */
  @Post(['session', 'grpc'])
  buildKit(): never {
    throw new BuildKitUnsupportedError();
  }

  /** Docker's classic output: each step's lines, the image id (aux), or with `q` the id alone. */
  private async run(context: string, o: DockerBuildRequest, out: JsonStream): Promise<void> {
    const result = await this.service
      .builder(o.cgroupParent)
      .build({
        context,
        ...(o.dockerfile ? { dockerfile: o.dockerfile } : {}),
        tags: o.tags,
        buildArgs: o.buildArgs,
        ...(o.target ? { target: o.target } : {}),
        noCache: o.noCache,
        onOutput: (text) => {
          if (!o.quiet) out.write({ stream: text });
        },
      })
      .catch((error: unknown) => {
        // a Dockerfile that does not parse is the request's fault, as dockerd answers it
        throw error instanceof DockerfileSyntaxError
          ? new InvalidArgumentError(error.message)
          : forDockerClient(error);
      });
    const id = result.image.configDigest;
    for (const tag of o.tags) this.events.emit('image', 'tag', id, { name: tag });
    out.write({ aux: { ID: id } });
    if (o.quiet) out.write({ stream: `${id}\n` });
  }
}
