/** The image store of this machine (libs/image over the data root), and builds that run containers through the runtime. */
import * as path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import {
  Builder,
  familiarName,
  Images,
  formatReference,
  parseReference,
  RegistryError,
  type Credentials,
  type ImageRecord,
  type Platform,
  type ProgressListener,
} from '@berth/image';
import { NotFoundError } from '../errors';
import { AgentMetrics } from '../metrics/agent-metrics';
import { EventsService } from '../events/events.service';
import { Runtime } from '@berth/runtime';
import { AGENT_CONFIG, USERNS_REMAP } from '../tokens';
import type { RemapIdentity } from '../system/userns-remap';
import type { AgentConfig } from '../config';

@Injectable()
export class ImagesService {
  private readonly builders = new Map<string, Builder>();

  constructor(
    @Inject(AGENT_CONFIG) private readonly config: AgentConfig,
    private readonly events: EventsService,
    /** the image store, opened by its factory provider (agent.module.ts) */
    @Inject(Images) readonly images: Images,
    private readonly metrics: AgentMetrics,
    /** with --userns-remap, build steps run remapped as every container does */
    @Inject(USERNS_REMAP) private readonly remap: RemapIdentity | null = null,
  ) {}

  /** The image store under the agent's data root, as the engine opens it. */
  static openStore(config: AgentConfig): Images {
    return Images.open({
      root: config.dataRoot,
      insecureRegistries: config.insecureRegistries,
      credentialsFile: path.join(config.dataRoot, 'registry-auth.json'),
    });
  }

  /**
   * Pull REFERENCE (for `pull`, and for `run` of an image not here), and
   * Docker's closing words: the digest pulled and whether it was new.
   */
  async pull(
    reference: string,
    options: { onProgress?: ProgressListener; auth?: Credentials; platform?: Platform } = {},
  ): Promise<{ image: ImageRecord; digest: string; status: string }> {
    const ref = parseReference(reference);
    const name = familiarName(ref);
    const before = this.images.tryResolve(reference)?.manifestDigest;
    let image: ImageRecord;
    try {
      image = await this.metrics.timedPull(() => this.images.pull(reference, options));
    } catch (error) {
      if (
        error instanceof RegistryError &&
        error.status === 404 &&
        (error.has('MANIFEST_UNKNOWN') || error.has('NAME_UNKNOWN') || !error.errors.length)
      )
        throw new NotFoundError(
          `manifest for ${formatReference(ref)} not found: ${error.message}; check the name and tag, or push the image first`,
        );
      throw error;
    }
    const digest =
      image.repoDigests.find((d) => d.startsWith(`${ref.domain}/${ref.path}@`))?.split('@')[1] ??
      image.manifestDigest;
    this.events.emit('image', 'pull', image.configDigest, { name });
    const status = `${before === image.manifestDigest ? 'Image is up to date' : 'Downloaded newer image'} for ${name}`;
    return { image, digest, status };
  }

  /** A builder whose RUN containers go under CGROUP_PARENT (default: the agent's, with -build). */
  builder(cgroupParent = `${this.config.cgroupParent}-build`): Builder {
    let builder = this.builders.get(cgroupParent);
    if (!builder) {
      const runtime = Runtime.open({ stateRoot: path.join(this.config.execRoot, 'build'), cgroupParent });
      this.builders.set(cgroupParent, (builder = new Builder(this.images, runtime, this.remap ?? undefined)));
    }
    return builder;
  }
}
