/** The image store of this machine (libs/image over the data root), and builds that run containers through the runtime. */
import * as path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { Builder, Images } from '@berth/image';
import { Runtime } from '@berth/runtime';
import { AGENT_CONFIG } from '../tokens';
import type { AgentConfig } from '../config';

@Injectable()
export class ImagesService {
  readonly images: Images;
  private readonly builders = new Map<string, Builder>();

  constructor(@Inject(AGENT_CONFIG) private readonly config: AgentConfig) {
    this.images = Images.open({
      root: config.dataRoot,
      insecureRegistries: config.insecureRegistries,
      credentialsFile: path.join(config.dataRoot, 'registry-auth.json'),
    });
  }

  /** A builder whose RUN containers go under CGROUP_PARENT (default: the agent's, with -build). */
  builder(cgroupParent = `${this.config.cgroupParent}-build`): Builder {
    let builder = this.builders.get(cgroupParent);
    if (!builder) {
      const runtime = Runtime.open({ stateRoot: path.join(this.config.execRoot, 'build'), cgroupParent });
      this.builders.set(cgroupParent, (builder = new Builder(this.images, runtime)));
    }
    return builder;
  }
}
