import { keyValuePairs, processWord, processWords, SubstitutionError } from './words';

const env: Record<string, string> = { NAME: 'world', EMPTY: '', PATH: '/usr/bin' };
const lookup = (n: string) => env[n];

describe('processWords', () => {
  it.each<[string, string[]]>([
    ['hello $NAME', ['hello', 'world']],
    ['${NAME}s', ['worlds']],
    ['"a b" c', ['a b', 'c']],
    ["'$NAME stays' x", ['$NAME stays', 'x']],
    ['"$NAME in quotes"', ['world in quotes']],
    ['a\\ b', ['a b']],
    ['\\$NAME', ['$NAME']],
    ['"say \\"hi\\""', ['say "hi"']],
    ['"keep \\n"', ['keep \\n']],
    ['${MISSING:-fallback} ${EMPTY:-for-empty} ${EMPTY-kept-empty}', ['fallback', 'for-empty']],
    ['${NAME:+alt} ${MISSING:+alt}x', ['alt', 'x']],
    ['${MISSING:-$NAME}', ['world']],
    ['$ alone', ['$', 'alone']],
    ['""', ['']],
    ['cost$5', ['cost$5']],
  ])('should read %p as %p', (text, words) => {
    expect(processWords(text, lookup)).toEqual(words);
  });

  it('should treat ${VAR-x} as a default only for unset variables', () => {
    expect(processWord('[${EMPTY-x}][${UNSET-x}]', lookup)).toBe('[][x]');
  });

  it('should use the escape directive character', () => {
    expect(processWords('C:\\path `$NAME', lookup, '`')).toEqual(['C:\\path', '$NAME']);
  });

  it('should fail on ${VAR:?msg} when unset, and on unclosed quotes and braces', () => {
    expect(() => processWords('${MISSING:?must be given}', lookup)).toThrow('MISSING: must be given');
    expect(() => processWords('"open', lookup)).toThrow(SubstitutionError);
    expect(() => processWords("'open", lookup)).toThrow('single-quote');
    expect(() => processWords('${NAME', lookup)).toThrow(SubstitutionError);
  });
});

describe('keyValuePairs', () => {
  it('should read KEY=value pairs with quotes and variables', () => {
    expect(keyValuePairs('A=1 B="two words" C=$NAME', lookup)).toEqual([
      ['A', '1'],
      ['B', 'two words'],
      ['C', 'world'],
    ]);
  });

  it('should read the old form: KEY and the rest of the line', () => {
    expect(keyValuePairs('GREETING hello $NAME', lookup)).toEqual([['GREETING', 'hello world']]);
  });

  it('should refuse a pair without a key', () => {
    expect(() => keyValuePairs('A=1 =2', lookup)).toThrow('is not of the form KEY=value');
  });
});
