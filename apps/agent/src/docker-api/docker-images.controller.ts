/**
 * The Docker Engine API's image routes (`/images/…`), thin translations to the engine's image
 * store (ImagesService) with the events the engine API's image methods emit; shapes from
 * docker-image-views.ts. An image's name may hold slashes and colons
 * (`localhost:5000/team/app:1`), so `/images/{name}/{action}` is one wildcard route per method,
 * split at its last slash.
 */
import {
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseReference, repository, type Credentials, type ImageRecord } from '@berth/image';
import { InvalidArgumentError, NotFoundError } from '../errors';
import { EventsService } from '../events/events.service';
import { ImagesService } from '../images/images.service';
import {
  deleteItems,
  historyItems,
  imageInspect,
  listImages,
  pruneReport,
  type ImageEntry,
} from './docker-image-views';
import {
  forDockerClient,
  importConfig,
  noSuchImage,
  platformOf,
  progressMessage,
  prunesAll,
  pullReference,
  registryAuth,
  taggedName,
} from './docker-image-requests';
import { all, flag, last, type Query as QueryMap } from './query';
import { filterList } from './docker-views';
import { requestBody, streamJson, type JsonStream } from './json-stream';
import { apiVersionOf } from './request-version';

/** `NAME/ACTION` of a wildcard route; a path with no action is not a route. */
function splitImagePath(rest: string): { name: string; action: string } {
  const slash = rest.lastIndexOf('/');
  if (slash <= 0) throw new NotFoundException();
  return { name: rest.slice(0, slash), action: rest.slice(slash + 1) };
}

@Controller('images')
export class DockerImagesController {
  constructor(
    private readonly service: ImagesService,
    private readonly events: EventsService,
  ) {}

  private get images() {
    return this.service.images;
  }

  @Get('json')
  list(@Query('filters') filters: string | undefined, @Req() request: FastifyRequest) {
    const createdOf = (name: string) => Date.parse(this.lookup(name).created ?? '') || 0;
    return listImages(this.entries(), filterList(filters), createdOf, apiVersionOf(request.originalUrl));
  }

  @Get('get')
  saveMany(@Query('names') names: string | string[] | undefined, @Res() reply: FastifyReply): void {
    this.save(all(names), reply);
  }

  @Get('*')
  get(@Param('*') rest: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const { name, action } = splitImagePath(rest);
    if (action === 'get') return this.save([name], reply);
    if (action === 'json') return void reply.send(this.inspect(name, request));
    if (action === 'history') return void reply.send(this.history(name));
    throw new NotFoundException();
  }

  /** `docker pull` (fromImage) and `docker import` (fromSrc=-, the tarball as the body). */
  @Post('create')
  async create(
    @Query() query: QueryMap,
    @Headers('x-registry-auth') auth: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const fromSrc = last(query.fromSrc);
    if (fromSrc !== undefined) return this.import(fromSrc, query, request, reply);
    const fromImage = last(query.fromImage);
    if (!fromImage)
      throw new InvalidArgumentError('give fromImage to pull an image, or fromSrc to import one');
    const reference = pullReference(fromImage, last(query.tag));
    const credentials = registryAuth(auth);
    const platform = last(query.platform);
    await streamJson(reply, (out) =>
      this.pull(reference, out, credentials, platform).catch((error: unknown) => {
        throw forDockerClient(error);
      }),
    );
  }

  @Post('load')
  async load(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const result = await this.images.load(requestBody(request));
    for (const name of result.loaded) this.events.emit('image', 'load', name, { name });
    await streamJson(reply, async (out) => {
      for (const name of result.loaded)
        out.write({ stream: `Loaded image${name.startsWith('sha256:') ? ' ID' : ''}: ${name}\n` });
    });
  }

  @Post('prune')
  @HttpCode(200)
  prune(@Query('filters') filters: string | undefined) {
    const everything = prunesAll(filterList(filters));
    const tags = new Map(this.entries().map((e) => [e.image.configDigest as string, e.tags]));
    const result = this.images.prune({ all: everything });
    for (const d of result.deleted) this.events.emit('image', 'delete', d, {});
    return pruneReport(result.deleted, (id) => tags.get(id) ?? [], result.reclaimedBytes);
  }

  @Post('*')
  async post(
    @Param('*') rest: string,
    @Query() query: QueryMap,
    @Headers('x-registry-auth') auth: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { name, action } = splitImagePath(rest);
    if (action === 'tag') return this.tag(name, query, reply);
    if (action === 'push') return this.push(name, last(query.tag), registryAuth(auth), reply);
    throw new NotFoundException();
  }

  @Delete('*')
  remove(@Param('*') name: string, @Query('force') force: string | undefined) {
    this.lookup(name);
    const result = this.images.remove(name, { force: flag(force) });
    for (const u of result.untagged) this.events.emit('image', 'untag', u, { name: u });
    for (const d of result.deleted) this.events.emit('image', 'delete', d, { name });
    return deleteItems(result);
  }

  // ---- the routes' work ------------------------------------------------------------

  /** The image NAME names, or Docker's 404. */
  private lookup(name: string): ImageRecord {
    const image = this.images.tryResolve(name);
    if (!image) throw noSuchImage(name);
    return image;
  }

  /** Every image with its tags and config, from one read of the store's index. */
  private entries(): ImageEntry[] {
    const m = this.images.meta.read();
    const tags = new Map<string, string[]>();
    for (const [ref, digest] of Object.entries(m.tags)) tags.set(digest, [...(tags.get(digest) ?? []), ref]);
    return Object.values(m.images).map((image) => ({
      image,
      tags: tags.get(image.manifestDigest) ?? [],
      config: this.images.config(image),
    }));
  }

  private inspect(name: string, request: FastifyRequest) {
    const image = this.lookup(name);
    const entry = { image, tags: this.images.tagsOf(image), config: this.images.config(image) };
    const layerDirs = image.layers.map((l) => this.images.layers.diffDir(l.chainId)).reverse();
    return imageInspect(this.images.inspect(name), entry, { layerDirs }, apiVersionOf(request.originalUrl));
  }

  private history(name: string) {
    const image = this.lookup(name);
    return historyItems(this.images.history(name), this.images.tagsOf(image));
  }

  private tag(name: string, query: QueryMap, reply: FastifyReply): void {
    const repo = last(query.repo);
    if (!repo) throw new InvalidArgumentError('give repo, the repository to tag the image in');
    const target = taggedName(repo, last(query.tag));
    this.lookup(name);
    this.images.tag(name, target);
    this.events.emit('image', 'tag', this.images.resolve(target).configDigest, { name: target });
    void reply.status(201).send();
  }

  /** Docker's pull messages: the repository pulled from, each layer's progress, the digest, the outcome. */
  private async pull(
    reference: string,
    out: JsonStream,
    auth?: Credentials,
    platform?: string,
  ): Promise<void> {
    const ref = parseReference(reference);
    // said once the registry answered (its first layer), so a name it does not know is a plain 404
    let announced = false;
    const announce = () => {
      if (!announced) out.write({ status: `Pulling from ${ref.path}`, id: ref.tag ?? ref.digest });
      announced = true;
    };
    const { digest, status } = await this.service.pull(reference, {
      onProgress: (e) => {
        announce();
        out.write(progressMessage(e));
      },
      ...(auth ? { auth } : {}),
      ...(platform ? { platform: platformOf(platform) } : {}),
    });
    announce();
    out.write({ status: `Digest: ${digest}` });
    out.write({ status: `Status: ${status}` });
  }

  private async import(fromSrc: string, query: QueryMap, request: FastifyRequest, reply: FastifyReply) {
    if (fromSrc !== '-')
      throw new InvalidArgumentError('importing from a URL is not supported: send the tarball as the body');
    const config = importConfig(all(query.changes));
    const repo = last(query.repo);
    const reference = repo ? taggedName(repo, last(query.tag)) : undefined;
    const message = last(query.message);
    const image = await this.images.import(requestBody(request), {
      config,
      ...(reference ? { reference } : {}),
      ...(message ? { message } : {}),
    });
    this.events.emit('image', 'import', image.configDigest, { name: reference ?? '' });
    await streamJson(reply, async (out) => out.write({ status: image.configDigest }));
  }

  /** `docker push`: NAME at TAG, or every tag of its repository; Docker's messages, each tag's digest last. */
  private async push(
    name: string,
    tag: string | undefined,
    auth: Credentials | undefined,
    reply: FastifyReply,
  ) {
    const repo = repository(parseReference(name));
    const references = tag
      ? [taggedName(name, tag)]
      : Object.keys(this.images.meta.read().tags).filter((t) => t.startsWith(`${repo}:`));
    if (!references.length || references.some((r) => !this.images.tryResolve(r)))
      throw new NotFoundError(`An image does not exist locally with the tag: ${name}`);
    await streamJson(reply, async (out) => {
      out.write({ status: `The push refers to repository [${repo}]` });
      for (const reference of references) {
        const result = await this.images
          .push(reference, { onProgress: (e) => out.write(progressMessage(e)), ...(auth ? { auth } : {}) })
          .catch((error: unknown) => {
            throw forDockerClient(error);
          });
        this.events.emit('image', 'push', reference, { name: reference });
        const pushedTag = parseReference(reference).tag;
        out.write({ status: `${pushedTag}: digest: ${result.digest} size: ${result.size}` });
        out.write({ progressDetail: {}, aux: { Tag: pushedTag, Digest: result.digest, Size: result.size } });
      }
    });
  }

  /** `docker save`: the images as `docker save`'s archive, each name checked before a byte is sent. */
  private save(names: string[], reply: FastifyReply): void {
    if (!names.length) throw new InvalidArgumentError('give the names of the images to save');
    for (const name of names) this.lookup(name);
    void reply.header('Content-Type', 'application/x-tar').send(this.images.save(names, 'docker'));
  }
}
