/** The Engine's image methods over the image store and the builder. */
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { applyConfigChange, ConfigChangeError, type ContainerConfig, type Credentials } from '@berth/image';
import type { berth } from '@berth/proto';
import type { CallContext, EngineHandlers, HandlerRequest } from '@berth/proto/server';
import { InvalidArgumentError } from '../errors';
import { EventsService } from '../events/events.service';
import { Channel } from '@berth/proto/channel';
import type { HandlerGroup } from '../grpc/handlers';
import { bytesOf, dataChunks } from '../grpc/streams';
import { progressMessage } from '../containers/containers.controller';
import { ImagesService } from './images.service';

type Progress = berth.engine.v1.IProgressEvent;

function credentialsOf(auth: berth.engine.v1.IRegistryAuth | null | undefined): Credentials | undefined {
  return auth?.username ? { username: auth.username, password: auth.password ?? '' } : undefined;
}

@Injectable()
export class ImagesController implements HandlerGroup {
  constructor(
    private readonly service: ImagesService,
    private readonly events: EventsService,
  ) {}

  private get images() {
    return this.service.images;
  }

  handlers(): Partial<EngineHandlers> {
    return {
      PullImage: (req) => this.pull(req),
      PushImage: (req) => this.push(req),
      BuildImage: (req, ctx) => this.build(req, ctx),
      ListImages: async (req) => {
        let rows = this.images.list();
        if (req.reference) {
          const [repo, tag] = req.reference.split(/:(?=[^:/]*$)/);
          rows = rows.filter((r) => r.repository === repo && (tag === undefined || r.tag === tag));
        }
        return {
          images: rows.map((r) => ({
            repository: r.repository,
            tag: r.tag,
            id: r.id,
            digest: r.digest,
            createdMs: r.created ? Date.parse(r.created) : 0,
            size: r.size,
          })),
        };
      },
      InspectImage: async (req) => ({ json: JSON.stringify(this.images.inspect(req.name)) }),
      ImageHistory: async (req) => ({
        rows: this.images.history(req.name).map((r) => ({
          id: r.id,
          createdMs: r.created ? Date.parse(r.created) : 0,
          createdBy: r.createdBy,
          size: r.size,
          comment: r.comment,
        })),
      }),
      TagImage: async (req) => {
        this.images.tag(req.source, req.target);
        this.events.emit('image', 'tag', this.images.resolve(req.target).configDigest, { name: req.target });
        return {};
      },
      RemoveImage: async (req) => {
        const result = this.images.remove(req.name, { force: req.force });
        for (const u of result.untagged) this.events.emit('image', 'untag', u, { name: u });
        for (const d of result.deleted) this.events.emit('image', 'delete', d, { name: req.name });
        return result;
      },
      PruneImages: async (req) => {
        const result = this.images.prune({ all: req.all });
        for (const d of result.deleted) this.events.emit('image', 'delete', d, {});
        return { deleted: result.deleted, reclaimedBytes: result.reclaimedBytes };
      },
      PruneBuildCache: async () => ({ deleted: [], reclaimedBytes: this.images.pruneBuildCache() }),
      SaveImages: (req) => {
        const format = req.format || 'docker';
        if (format !== 'docker' && format !== 'oci')
          throw new InvalidArgumentError(`--format must be docker or oci, not "${format}"`);
        for (const name of req.names) this.images.resolve(name); // fail before streaming anything
        return dataChunks(this.images.save(req.names, format));
      },
      LoadImages: async (requests) => {
        const result = await this.images.load(Readable.from(bytesOf(requests, (m) => m.data)));
        for (const name of result.loaded) this.events.emit('image', 'load', name, { name });
        return { loaded: result.loaded };
      },
      ImportImage: async (requests) => {
        const it = requests[Symbol.asyncIterator]();
        const first = await it.next();
        const options = first.done ? null : first.value.options;
        if (!options) throw new InvalidArgumentError('the first import message must carry its options');
        let config: ContainerConfig = {};
        try {
          for (const change of options.changes ?? []) config = applyConfigChange(config, change);
        } catch (error) {
          if (error instanceof ConfigChangeError) throw new InvalidArgumentError(error.message);
          throw error;
        }
        const rest = { [Symbol.asyncIterator]: () => it };
        const image = await this.images.import(Readable.from(bytesOf(rest, (m) => m.data)), {
          config,
          ...(options.reference ? { reference: options.reference } : {}),
          ...(options.message ? { message: options.message } : {}),
        });
        this.events.emit('image', 'import', image.configDigest, { name: options.reference ?? '' });
        return { id: image.configDigest };
      },
      Login: async (req) => {
        const credentials = credentialsOf(req.auth);
        if (!credentials) throw new InvalidArgumentError('login needs a username and a password');
        await this.images.checkLogin(req.server, credentials);
        return {};
      },
    };
  }

  private pull(req: HandlerRequest<'PullImage'>): AsyncIterable<Progress> {
    return Channel.of<Progress>(async (out) => {
      const platform = req.platform ? req.platform.split('/') : null;
      const { digest, status } = await this.service.pull(req.reference, {
        onProgress: (e) => out.push(progressMessage(e)),
        auth: credentialsOf(req.auth),
        ...(platform
          ? {
              platform: {
                os: platform[0],
                architecture: platform[1],
                ...(platform[2] ? { variant: platform[2] } : {}),
              },
            }
          : {}),
      });
      out.push({ digest, status });
    });
  }

  private push(req: HandlerRequest<'PushImage'>): AsyncIterable<Progress> {
    return Channel.of<Progress>(async (out) => {
      const result = await this.images.push(req.reference, {
        onProgress: (e) => out.push(progressMessage(e)),
        auth: credentialsOf(req.auth),
      });
      this.events.emit('image', 'push', req.reference, { name: req.reference });
      out.push({ digest: result.digest, size: result.size, status: result.reference });
    });
  }

  private build(
    req: HandlerRequest<'BuildImage'>,
    ctx: CallContext,
  ): AsyncIterable<berth.engine.v1.IBuildOutput> {
    return Channel.of<berth.engine.v1.IBuildOutput>(async (out) => {
      const result = await this.service.builder(req.cgroupParent || undefined).build({
        context: req.contextPath,
        ...(req.dockerfile ? { dockerfile: req.dockerfile } : {}),
        tags: req.tags,
        buildArgs: req.buildArgs,
        ...(req.target ? { target: req.target } : {}),
        noCache: req.noCache,
        onOutput: (text) => {
          if (!ctx.signal.aborted) out.push({ text });
        },
      });
      for (const tag of req.tags) this.events.emit('image', 'tag', result.image.configDigest, { name: tag });
      out.push({ imageId: result.image.configDigest });
    });
  }
}
