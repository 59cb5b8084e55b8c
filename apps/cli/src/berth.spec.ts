import { berth } from './berth';

describe(berth.name, () => {
  let stdout: jest.SpyInstance;
  let stderr: jest.SpyInstance;

  beforeEach(() => {
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });

  afterEach(() => jest.restoreAllMocks());

  const written = (spy: jest.SpyInstance) => spy.mock.calls.map(([text]) => String(text)).join('');

  describe('--help', () => {
    it("should print the command's usage wherever the flag is, and exit 0", async () => {
      await expect(berth(['stack', 'ps', 'app', '--help'])).resolves.toBe(0);
      expect(written(stdout)).toBe(
        [
          'Usage:  berth stack ps [OPTIONS] STACK',
          '',
          'Options:',
          '  -f, --filter list',
          '      --format string',
          '      --no-trunc',
          '  -q, --quiet',
          '',
        ].join('\n'),
      );
    });

    it('should name the command as it was called', async () => {
      await expect(berth(['-H', 'unix:///nowhere.sock', 'container', 'rm', '--help'])).resolves.toBe(0);
      expect(written(stdout)).toMatch(
        /^Usage: {2}berth container rm \[OPTIONS\] CONTAINER \[CONTAINER\.\.\.\]\n/,
      );
    });

    it("should list a group's commands", async () => {
      await expect(berth(['stack', '--help'])).resolves.toBe(0);
      expect(written(stdout)).toMatch(/^Usage: {2}berth stack COMMAND\n\nCommands:\n/);
      expect(written(stdout)).toContain('\n  berth stack ps [OPTIONS] STACK\n');
    });
  });

  describe('usage errors', () => {
    it('should say what is wrong and where the help is', async () => {
      await expect(berth(['stack', 'ps', '--no-trunc'])).resolves.toBe(1);
      expect(written(stderr)).toBe(
        `berth: "stack ps" requires an argument: missing <stack>\nSee 'berth stack ps --help'.\n`,
      );
    });

    it("should exit 125 for run's, as docker does", async () => {
      await expect(berth(['-H', 'unix:///nowhere.sock', 'run', '--no-such-flag', 'busybox'])).resolves.toBe(
        125,
      );
      expect(written(stderr)).toMatch(/See 'berth run --help'\.\n$/);
    });

    it('should refuse what is no command', async () => {
      await expect(berth(['constructor'])).resolves.toBe(1);
      await expect(berth(['stack', 'toString'])).resolves.toBe(1);
      expect(written(stderr)).toContain(`berth: 'constructor' is not a berth command\nSee 'berth --help'.\n`);
    });
  });
});
