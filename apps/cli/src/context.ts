/**
 * What every berth command shares. Until the agent exists (issue 4) image
 * commands work directly on a local data root through @berth/image; the
 * output is the same either way, which is what users see.
 */
import type { Images } from '@berth/image/images';
import type { Builder } from '@berth/image/builder/builder';

export interface Globals {
  dataRoot: string;
  execRoot: string;
  insecureRegistries: string[];
}

export type Command = (args: string[], globals: Globals) => Promise<number>;

export const DEFAULTS: Globals = {
  dataRoot: '/var/lib/berth',
  execRoot: '/run/berth',
  insecureRegistries: [],
};

export function openImages(g: Globals): Images {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when a command needs it: start-up time matters
  const { Images } = require('@berth/image/images') as typeof import('@berth/image/images');
  return Images.open({ root: g.dataRoot, insecureRegistries: g.insecureRegistries });
}

export function openBuilder(g: Globals, images: Images, cgroupParent = 'berth-build'): Builder {
  /* eslint-disable @typescript-eslint/no-require-imports -- as above */
  const { Builder } =
    require('@berth/image/builder/builder') as typeof import('@berth/image/builder/builder');
  const { Runtime } = require('@berth/runtime/runtime') as typeof import('@berth/runtime/runtime');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return new Builder(images, Runtime.open({ stateRoot: `${g.execRoot}/build`, cgroupParent }));
}

export function write(text: string): void {
  process.stdout.write(text);
}
