/** `import`: a rootfs tarball, plain or gzipped, as a one-layer image (as `docker import`). */
import { gunzip } from '../streams';
import { PassThrough, type Readable } from 'node:stream';
import { commitImage, type CommitDeps } from '../commit';
import { hostPlatform, type ContainerConfig } from '../oci/types';
import type { ImageRecord } from '../store/metadata';
import { ingestTar } from './ingest';

export interface ImportOptions {
  reference?: string;
  /** Settings for the image, as `docker import --change` gives them. */
  config?: ContainerConfig;
  message?: string;
}

/** Looks at the first bytes: gzip's magic number means compressed. */
export async function decompressIfGzip(source: Readable): Promise<Readable> {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const first: Buffer = await new Promise((resolve, reject) => {
    const onReadable = () => {
      const chunk = source.read() as Buffer | null;
      if (chunk === null) return;
      source.off('readable', onReadable);
      resolve(chunk);
    };
    source.on('readable', onReadable);
    source.once('end', () => resolve(Buffer.alloc(0)));
    source.once('error', reject);
  });
  const gzipped = first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b;
  const target = gzipped ? gunzip() : out;
  if (gzipped) target.pipe(out);
  target.on('error', (e) => out.destroy(e));
  source.on('error', (e) => out.destroy(e));
  target.write(first);
  source.pipe(target);
  return out;
}

export async function importRootfs(
  deps: CommitDeps,
  source: Readable,
  options: ImportOptions,
): Promise<ImageRecord> {
  const tar = await decompressIfGzip(source);
  const layer = await ingestTar(deps, tar, null);
  const created = new Date().toISOString();
  const platform = hostPlatform();
  return commitImage(
    deps,
    {
      created,
      architecture: platform.architecture,
      os: platform.os,
      config: options.config ?? {},
      rootfs: { type: 'layers', diff_ids: [] },
      history: [
        { created, created_by: 'berth import', ...(options.message ? { comment: options.message } : {}) },
      ],
    },
    [layer],
    options.reference ? [options.reference] : [],
  );
}
