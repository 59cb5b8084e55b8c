/**
 * bin/berth's entry: runs the bundled CLI (dist/cli/berth.js, made by
 * scripts/bundle-cli.js) from V8's code cache beside it, so a command does not
 * parse and compile the CLI again on every start. The cache is rewritten
 * when V8 turns it down (a new Node) or when it is missing; without a bundle
 * the CLI's modules are loaded as they are.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

function bundlePath(): string | null {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'cli/berth.js');
    if (fs.existsSync(candidate)) return candidate;
    if (path.basename(dir) === 'dist') break;
  }
  return null;
}

function runBundle(file: string): void {
  const cacheFile = `${file}.cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // none yet: this run makes it
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected)
    process.once('exit', () => {
      try {
        const tmp = `${cacheFile}.${process.pid}`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
      } catch {
        // a read-only install runs without the cache
      }
    });
  const bundle = new Module(file, module);
  bundle.filename = file;
  bundle.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(
    path.dirname(file),
  );
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(
    bundle.exports,
    bundle.exports,
    (id: string) => bundle.require(id),
    bundle,
    file,
    path.dirname(file),
  );
}

const bundle = bundlePath();
if (bundle) runBundle(bundle);
// eslint-disable-next-line @typescript-eslint/no-require-imports -- no bundle (a build without it): the modules as they are
else require('./main');
