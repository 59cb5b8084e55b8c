import { UsageError } from './args';
import { asksForHelp, command, parseUsage, usageText, type Usage } from './usage';

const stackPs: Usage = {
  name: 'stack ps',
  options: {
    quiet: { type: 'boolean', short: 'q' },
    format: { type: 'string' },
    filter: { type: 'string', short: 'f', multiple: true },
    'no-trunc': { type: 'boolean' },
  },
  operands: ['stack'],
};

const run: Usage = {
  name: 'run',
  options: { detach: { type: 'boolean', short: 'd' }, name: { type: 'string' } },
  operands: ['image', 'command?', 'arg...'],
  interspersed: false,
};

describe('usage', () => {
  describe(parseUsage.name, () => {
    it('should take flags after the operands', () => {
      expect(parseUsage(stackPs, ['app', '--no-trunc', '-f', 'name=x'])).toEqual({
        values: { 'no-trunc': true, filter: ['name=x'] },
        positionals: ['app'],
      });
    });

    it('should end the flags at "--"', () => {
      expect(parseUsage(stackPs, ['-q', '--', '-app'])).toEqual({
        values: { quiet: true },
        positionals: ['-app'],
      });
      expect(parseUsage(run, ['-d', '--', '-image', '-x'])).toEqual({
        values: { detach: true },
        positionals: ['-image', '-x'],
      });
    });

    it('should want one or more of a "name+" operand', () => {
      const rm: Usage = { name: 'rm', options: {}, operands: ['container+'] };
      expect(() => parseUsage(rm, [])).toThrow(
        new UsageError('"rm" requires an argument: missing <container>'),
      );
      expect(parseUsage(rm, ['a', 'b', 'c']).positionals).toEqual(['a', 'b', 'c']);
    });
  });

  describe(command.name, () => {
    it('should run with the arguments its usage read, and show that usage', async () => {
      const ps = command(stackPs, async ({ values, positionals }, code: number) =>
        values['no-trunc'] && positionals[0] === 'app' ? code : -1,
      );
      expect(ps.usage).toBe(stackPs);
      expect(ps.parse(['app', '-q']).values).toEqual({ quiet: true });
      await expect(ps(['app', '--no-trunc'], 7)).resolves.toBe(7);
      await expect(ps(['--no-trunc'], 7)).rejects.toThrow(UsageError);
    });
  });

  describe(usageText.name, () => {
    it("should print docker's usage line and the flags, sorted", () => {
      expect(usageText(stackPs)).toBe(
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

    it('should name operands as docker does, under the name it was called by', () => {
      const line = (operands: string[]) =>
        usageText({ name: 'x', options: {}, operands }, 'container x').split('\n')[0];
      expect(line(['container+'])).toBe('Usage:  berth container x CONTAINER [CONTAINER...]');
      expect(line(['image', 'command?', 'arg...'])).toBe(
        'Usage:  berth container x IMAGE [COMMAND] [ARG...]',
      );
      expect(line(['container', 'new-name'])).toBe('Usage:  berth container x CONTAINER NEW_NAME');
      expect(line(['worker|manager'])).toBe('Usage:  berth container x (worker|manager)');
      expect(usageText({ name: 'context show', options: {}, operands: [] })).toBe(
        'Usage:  berth context show\n',
      );
    });
  });

  describe(asksForHelp.name, () => {
    it('should see --help wherever a flag may be', () => {
      expect(asksForHelp(stackPs, ['app', '--help'])).toBe(true);
      expect(asksForHelp(stackPs, ['--help'])).toBe(true);
      expect(asksForHelp(stackPs, ['--', '--help'])).toBe(false);
      expect(asksForHelp(stackPs, ['--format', '{{.Name}}', 'app'])).toBe(false);
    });

    it("should leave a command's own --help to it when flags end at the first operand", () => {
      expect(asksForHelp(run, ['--help'])).toBe(true);
      expect(asksForHelp(run, ['-d', '--help', 'busybox'])).toBe(true);
      expect(asksForHelp(run, ['busybox', 'ls', '--help'])).toBe(false);
      expect(asksForHelp(run, ['--name', 'x', 'busybox', '--help'])).toBe(false);
    });
  });
});
