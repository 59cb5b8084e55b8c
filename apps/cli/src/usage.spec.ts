/**
 * Every command of the registry, read by its declared usage: docker's flags go anywhere (before,
 * between and after the operands) and "--" ends them; run, create, exec, top and service create
 * stop reading flags at their first operand, as docker's do.
 */
import { UsageError, type Options, type Values } from '@berth/cli-support/args';
import { usageText, type Parsed } from '@berth/cli-support/usage';
import { COMMANDS, GROUPS, type Loader } from './commands/registry';

const registry: [string, Loader][] = [
  ...Object.entries(COMMANDS),
  ...Object.entries(GROUPS).flatMap(([group, verbs]) =>
    Object.entries(verbs).map(([verb, load]): [string, Loader] => [`${group} ${verb}`, load]),
  ),
];

/** One sample of each flag: --flag for a boolean, --flag value for a string, twice for a list. */
function sampleFlags(options: Options): { argv: string[]; values: Values } {
  const argv: string[] = [];
  const values: Values = {};
  for (const [name, o] of Object.entries(options)) {
    if (o.type === 'boolean') {
      argv.push(`--${name}`);
      values[name] = true;
    } else if (o.multiple) {
      argv.push(`--${name}`, `${name}-1`, `--${name}`, `${name}-2`);
      values[name] = [`${name}-1`, `${name}-2`];
    } else {
      argv.push(`--${name}`, `${name}-value`);
      values[name] = `${name}-value`;
    }
  }
  return { argv, values };
}

/** One word for each operand, two for "name..." and "name+". */
function sampleOperands(operands: string[]): string[] {
  return operands.flatMap((o) => {
    const word = o.replace(/(\?|\.\.\.|\+)$/, '');
    return o.endsWith('...') || o.endsWith('+') ? [`${word}-1`, `${word}-2`] : [word];
  });
}

describe('usage', () => {
  describe.each(registry)('berth %s', (path, load) => {
    it('should declare its usage under a name berth knows, for errors and --help', async () => {
      const { usage } = await load();
      expect(registry.map(([p]) => p)).toContain(usage.name);
      expect(usageText(usage, path)).toMatch(new RegExp(`^Usage: {2}berth ${path}( |\n)`));
    });

    it('should read the same flags and operands wherever docker lets the flags go', async () => {
      const { usage, parse: read } = await load();
      const flags = sampleFlags(usage.options);
      const operands = sampleOperands(usage.operands);
      const expected = { values: flags.values, positionals: operands };
      expect(read([...flags.argv, ...operands])).toEqual(expected);
      if (typeof usage.interspersed === 'number') {
        // flags among the first N operands; from the next on, everything is the command's
        const lead = operands.slice(0, usage.interspersed);
        const rest = operands.slice(usage.interspersed);
        expect(read([...lead, ...flags.argv, ...rest, ...flags.argv])).toEqual({
          values: flags.values,
          positionals: [...operands, ...flags.argv],
        });
        expect(read([...flags.argv, ...lead, '--', `-${rest[0]}`, ...rest.slice(1)])).toEqual({
          values: flags.values,
          positionals: [...lead, `-${rest[0]}`, ...rest.slice(1)],
        });
        return;
      }
      if (usage.interspersed === false) {
        // docker's rule: flags before the first operand are flags; what follows is the command's
        const [first, ...rest] = operands;
        expect(read([...flags.argv, first, ...rest, ...flags.argv])).toEqual({
          values: flags.values,
          positionals: [...operands, ...flags.argv],
        });
        expect(read([...flags.argv, '--', `-${first}`, ...rest])).toEqual({
          values: flags.values,
          positionals: [`-${first}`, ...rest],
        });
        return;
      }
      expect(read([...operands, ...flags.argv])).toEqual(expected);
      expect(read([...operands.slice(0, 1), ...flags.argv, ...operands.slice(1)])).toEqual(expected);
      if (operands.length === 0) {
        expect(() => read([...flags.argv, '--', '-x'])).toThrow(UsageError);
        return;
      }
      const dashed = [`-${operands[0]}`, ...operands.slice(1)];
      expect(read([...flags.argv, '--', ...dashed])).toEqual({ values: flags.values, positionals: dashed });
    });
  });

  const parse = async (path: string, argv: string[]) => {
    const [, load] = registry.find(([p]) => p === path)!;
    return (await load()).parse(argv);
  };

  it.each<[string, string[], Parsed]>([
    ['stack ps', ['app', '--no-trunc'], { values: { 'no-trunc': true }, positionals: ['app'] }],
    [
      'stack services',
      ['app', '--format', '{{.Name}}'],
      { values: { format: '{{.Name}}' }, positionals: ['app'] },
    ],
    [
      'stack ps',
      ['-q', 'app', '-f', 'desired-state=running'],
      {
        values: { quiet: true, filter: ['desired-state=running'] },
        positionals: ['app'],
      },
    ],
    ['service ps', ['a', 'b', '--no-trunc'], { values: { 'no-trunc': true }, positionals: ['a', 'b'] }],
    [
      'service ls',
      ['-q', '--filter', 'name=x'],
      { values: { quiet: true, filter: ['name=x'] }, positionals: [] },
    ],
    [
      'run',
      ['-d', 'busybox', 'ls', '-l'],
      { values: expect.objectContaining({ detach: true }), positionals: ['busybox', 'ls', '-l'] },
    ],
  ])('should read `berth %s %j` as docker does', async (path, argv, expected) => {
    expect(await parse(path, argv)).toEqual(expected);
  });

  it('should say which operand is missing', async () => {
    await expect(parse('stack ps', ['--no-trunc'])).rejects.toThrow('missing <stack>');
    await expect(parse('service ps', [])).rejects.toThrow('missing <service>');
  });
});
