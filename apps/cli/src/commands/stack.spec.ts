import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_HOST, type Globals } from '../context';
import { config } from './stack';

const globals: Globals = { host: DEFAULT_HOST, configDir: undefined };

describe('stack', () => {
  let dir: string;
  let stderr: jest.SpyInstance;
  let stdout: jest.SpyInstance;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-stack-'));
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const written = (spy: jest.SpyInstance) => spy.mock.calls.map(([text]) => String(text)).join('');

  describe('config', () => {
    it("should print each of the file's warnings on a line of its own", async () => {
      const file = path.join(dir, 'stack.yml');
      fs.writeFileSync(file, 'services:\n  web:\n    image: busybox${BERTH_TEST_NEVER_SET}\n    build: .\n');
      delete process.env.BERTH_TEST_NEVER_SET;

      await expect(config(['-c', file], globals)).resolves.toBe(0);

      expect(written(stderr).split('\n')).toEqual([
        'The "BERTH_TEST_NEVER_SET" variable is not set. Defaulting to a blank string.',
        'Ignoring unsupported options: build',
        '',
      ]);
      expect(written(stdout)).toContain('image: busybox');
    });
  });
});
