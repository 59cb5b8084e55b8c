/**
 * npm run bench:image — push and pull of a ~100 MB, 5-layer image to and from
 * Debian's docker-registry on loopback, Berth beside `skopeo copy` on the
 * same image in the same run; and a rebuild of an unchanged 10-step Dockerfile.
 *
 * Targets (issue 3): push and pull each ≤ 1.2 × skopeo's time; the fully
 * cached rebuild ≤ 300 ms.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Builder, Images } from '@berth/image';
import { Runtime } from '@berth/runtime';
import { removeCgroupParent, sharedBusyboxRootfs } from '../test/support/harness';
import { startRegistry } from '../test/support/registry';
import { summarise, table, type Summary } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LAYER_MB = Number(process.env.BENCH_LAYER_MB ?? 20);
const BERTH = path.resolve(__dirname, '../../bin/berth');
const SKOPEO = ['--insecure-policy'];

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${err}`)),
    );
  });
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-image-'));
  const registry = await startRegistry();
  const runtime = Runtime.open({ stateRoot: path.join(work, 'state'), cgroupParent: 'berth-bench-image' });
  const source = Images.open({ root: path.join(work, 'source') });
  const opened: Images[] = [source];
  const fresh = (name: string) => {
    const images = Images.open({ root: path.join(work, name) });
    opened.push(images);
    return images;
  };
  try {
    // the image: 5 layers of incompressible data, as binaries and packed assets are
    const ctx = path.join(work, 'ctx');
    fs.mkdirSync(ctx);
    const lines = ['FROM scratch'];
    for (let i = 1; i <= 5; i++) {
      fs.writeFileSync(path.join(ctx, `blob${i}.bin`), crypto.randomBytes(LAYER_MB << 20));
      lines.push(`COPY blob${i}.bin /data/blob${i}.bin`);
    }
    fs.writeFileSync(path.join(ctx, 'Dockerfile'), lines.join('\n') + '\n');
    const builder = new Builder(source, runtime);
    const { image } = await builder.build({ context: ctx, tags: ['bench/big:1'] });
    const size = image.layers.reduce((n, l) => n + l.size, 0);

    // the same image as an OCI layout, for skopeo to push
    const layoutTar = path.join(work, 'layout.tar');
    await pipeline(source.save(['bench/big:1'], 'oci'), fs.createWriteStream(layoutTar));
    const layout = path.join(work, 'layout');
    fs.mkdirSync(layout);
    execFileSync('tar', ['-C', layout, '-xf', layoutTar]);

    const storage = path.join(registry.dir, 'storage');
    const wipeRegistry = () => fs.rmSync(path.join(storage, 'docker'), { recursive: true, force: true });
    const target = (who: string, i: number) => `${registry.host}/bench/${who}-${i}:1`;
    const samples: Record<string, number[]> = {};
    const add = (name: string, ms: number) => (samples[name] ??= []).push(ms);

    for (let i = 0; i < RUNS; i++) {
      // push, from an empty registry each time
      wipeRegistry();
      source.tag('bench/big:1', target('lib', i));
      add('push: berth library', await time(() => source.push(target('lib', i))));
      wipeRegistry();
      source.tag('bench/big:1', target('cli', i));
      add(
        'push: berth push (CLI)',
        await time(() =>
          run(BERTH, ['--data-root', path.join(work, 'source'), 'push', '-q', target('cli', i)]),
        ),
      );
      wipeRegistry();
      add(
        'push: skopeo copy oci: → docker://',
        await time(() =>
          run('skopeo', [
            ...SKOPEO,
            'copy',
            '-q',
            '--dest-tls-verify=false',
            `oci:${layout}:1`,
            `docker://${target('skopeo', i)}`,
          ]),
        ),
      );

      // pull into an empty store (Berth unpacks too; skopeo only stores blobs)
      const pullFrom = target('skopeo', i);
      add('pull: berth library (download + unpack)', await time(() => fresh(`pull-lib-${i}`).pull(pullFrom)));
      add(
        'pull: berth library, blobs only',
        await time(() => fresh(`pull-blobs-${i}`).pull(pullFrom, { unpack: false })),
      );
      add(
        'pull: berth pull (CLI, + unpack)',
        await time(() =>
          run(BERTH, ['--data-root', path.join(work, `pull-cli-${i}`), 'pull', '-q', pullFrom]),
        ),
      );
      add(
        'pull: skopeo copy docker:// → oci:',
        await time(() =>
          run('skopeo', [
            ...SKOPEO,
            'copy',
            '-q',
            '--src-tls-verify=false',
            `docker://${pullFrom}`,
            `oci:${path.join(work, `skopeo-pull-${i}`)}:1`,
          ]),
        ),
      );
      for (const dir of [`pull-lib-${i}`, `pull-blobs-${i}`, `pull-cli-${i}`, `skopeo-pull-${i}`])
        fs.rmSync(path.join(work, dir), { recursive: true, force: true });
    }

    // a 10-step Dockerfile, built once, then rebuilt unchanged
    const rebuildCtx = path.join(work, 'rebuild');
    fs.mkdirSync(rebuildCtx);
    await source.import(
      Readable.from(
        execFileSync('tar', ['-C', sharedBusyboxRootfs(), '-cf', '-', '.'], { maxBuffer: 64 << 20 }),
      ),
      { reference: 'busybox:bench' },
    );
    for (let i = 0; i < 3; i++)
      fs.writeFileSync(path.join(rebuildCtx, `file${i}.txt`), `content ${i}\n`.repeat(1000));
    fs.writeFileSync(
      path.join(rebuildCtx, 'Dockerfile'),
      [
        'FROM busybox:bench',
        'ARG VERSION=1',
        'ENV APP_HOME=/app',
        'WORKDIR /app',
        'COPY file0.txt .',
        'RUN cat file0.txt | wc -l > lines',
        'COPY file1.txt file2.txt ./',
        'RUN echo "version $VERSION" > version',
        'LABEL org.example.bench=rebuild',
        'EXPOSE 8080',
        'CMD ["cat", "/app/version"]',
      ].join('\n') + '\n',
    );
    const rebuilds = new Builder(source, runtime);
    await rebuilds.build({ context: rebuildCtx, tags: ['bench/rebuild:1'] });
    for (let i = 0; i < RUNS * 2; i++) {
      add(
        'rebuild, 10 steps all cached: berth library',
        await time(() =>
          new Builder(source, runtime).build({ context: rebuildCtx, tags: ['bench/rebuild:1'] }),
        ),
      );
      add(
        'rebuild, 10 steps all cached: berth build (CLI)',
        await time(() =>
          run(BERTH, [
            '--data-root',
            path.join(work, 'source'),
            '--exec-root',
            path.join(work, 'exec'),
            'build',
            '--cgroup-parent',
            'berth-bench-image',
            '-q',
            '-t',
            'bench/rebuild:1',
            rebuildCtx,
          ]),
        ),
      );
    }

    const rows: Summary[] = Object.entries(samples).map(([name, s]) => summarise(name, s));
    const by = (name: string) => rows.find((r) => r.name === name)!;
    console.log(
      `image: ${(size / 1e6).toFixed(1)} MB compressed in 5 layers; registry: docker-registry ${registry.host}; ${RUNS} runs each\n`,
    );
    console.log(
      table(
        rows.filter((r) => r.name.startsWith('push')),
        'push: skopeo copy oci: → docker://',
      ),
    );
    console.log();
    console.log(
      table(
        rows.filter((r) => r.name.startsWith('pull')),
        'pull: skopeo copy docker:// → oci:',
      ),
    );
    console.log();
    console.log(
      table(
        rows.filter((r) => r.name.startsWith('rebuild')),
        'rebuild, 10 steps all cached: berth library',
      ),
    );
    const verdict = (label: string, ours: number, theirs: number, limit: number) =>
      console.log(
        `${label}: ${(ours / theirs).toFixed(2)}× skopeo (target ≤ ${limit}×) → ${ours / theirs <= limit ? 'MET' : 'NOT MET'}`,
      );
    console.log();
    verdict(
      'push (library)',
      by('push: berth library').p50,
      by('push: skopeo copy oci: → docker://').p50,
      1.2,
    );
    verdict(
      'push (CLI)',
      by('push: berth push (CLI)').p50,
      by('push: skopeo copy oci: → docker://').p50,
      1.2,
    );
    verdict(
      'pull (library, with unpack)',
      by('pull: berth library (download + unpack)').p50,
      by('pull: skopeo copy docker:// → oci:').p50,
      1.2,
    );
    verdict(
      'pull (CLI, with unpack)',
      by('pull: berth pull (CLI, + unpack)').p50,
      by('pull: skopeo copy docker:// → oci:').p50,
      1.2,
    );
    for (const name of [
      'rebuild, 10 steps all cached: berth library',
      'rebuild, 10 steps all cached: berth build (CLI)',
    ]) {
      const p50 = by(name).p50;
      console.log(`${name}: p50 ${p50.toFixed(0)} ms (target ≤ 300 ms) → ${p50 <= 300 ? 'MET' : 'NOT MET'}`);
    }
  } finally {
    for (const images of opened) images.close();
    for (const c of runtime.list()) await runtime.delete(c.id, { force: true });
    removeCgroupParent('berth-bench-image');
    await registry.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
