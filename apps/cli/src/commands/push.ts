import { parseCommand } from '@berth/cli-support/args';
import { ProgressRenderer } from '@berth/cli-support/progress';
import { parseReference } from '@berth/image/reference';
import { openImages, write, type Command } from '../context';

/** berth push [-q] NAME[:TAG] */
export const push: Command = async (args, g) => {
  const { values, positionals } = parseCommand('push', args, { quiet: { type: 'boolean', short: 'q' } }, [
    'name',
  ]);
  const images = openImages(g);
  try {
    const ref = parseReference(positionals[0]);
    if (!values.quiet) write(`The push refers to repository [${ref.domain}/${ref.path}]\n`);
    const renderer = values.quiet ? undefined : new ProgressRenderer(process.stdout);
    const result = await images.push(positionals[0], { onProgress: renderer?.update });
    write(
      values.quiet ? `${result.reference}\n` : `${ref.tag}: digest: ${result.digest} size: ${result.size}\n`,
    );
    return 0;
  } finally {
    images.close();
  }
};
