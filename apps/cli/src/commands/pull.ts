import { ProgressRenderer } from '@berth/cli-support/progress';
import { familiarName, parseReference } from '@berth/image/reference';
import { parseCommand } from '@berth/cli-support/args';
import { openImages, write, type Command } from '../context';

/** berth pull [-q] [--platform os/arch] NAME[:TAG|@DIGEST] */
export const pull: Command = async (args, g) => {
  const { values, positionals } = parseCommand(
    'pull',
    args,
    { quiet: { type: 'boolean', short: 'q' }, platform: { type: 'string' } },
    ['name'],
  );
  const images = openImages(g);
  try {
    const ref = parseReference(positionals[0]);
    if (!ref.digest && !/:[^/]+$/.test(positionals[0])) write('Using default tag: latest\n');
    const before = images.tryResolve(positionals[0])?.manifestDigest;
    const renderer = values.quiet ? undefined : new ProgressRenderer(process.stdout);
    if (!values.quiet) write(`${ref.tag ?? ref.digest}: Pulling from ${ref.path}\n`);
    const platform = values.platform ? (values.platform as string).split('/') : undefined;
    const image = await images.pull(positionals[0], {
      onProgress: renderer?.update,
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
    const name = familiarName(ref);
    if (!values.quiet) {
      const digest =
        image.repoDigests.find((d) => d.startsWith(`${ref.domain}/${ref.path}@`))?.split('@')[1] ??
        image.manifestDigest;
      write(`Digest: ${digest}\n`);
      write(
        `Status: ${before === image.manifestDigest ? 'Image is up to date' : 'Downloaded newer image'} for ${name}\n`,
      );
    }
    write(`${`${ref.domain}/${ref.path}`}${ref.tag ? `:${ref.tag}` : `@${ref.digest}`}\n`);
    return 0;
  } finally {
    images.close();
  }
};
