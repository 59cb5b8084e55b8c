import { cleanPath, globToRegExp, hasGlob, isIgnored, parseDockerignore } from './patterns';

describe('globToRegExp', () => {
  it.each<[string, string, boolean]>([
    ['*.txt', 'a.txt', true],
    ['*.txt', 'dir/a.txt', false],
    ['dir/*', 'dir/a', true],
    ['dir/*', 'dir/a/b', false],
    ['file?.go', 'file1.go', true],
    ['[ab].c', 'b.c', true],
    ['[!ab].c', 'b.c', false],
    ['a.b', 'axb', false],
  ])('should match %p against %p: %p', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });

  it('should let ** cross directories only where asked', () => {
    expect(globToRegExp('**/*.log', { doubleStar: true }).test('a/b/c.log')).toBe(true);
    expect(globToRegExp('**/*.log', { doubleStar: true }).test('c.log')).toBe(true);
    expect(globToRegExp('docs/**', { doubleStar: true }).test('docs/x/y')).toBe(true);
  });

  it('should tell globs from plain paths', () => {
    expect(hasGlob('src/*.ts')).toBe(true);
    expect(hasGlob('src/main.ts')).toBe(false);
  });
});

describe('dockerignore', () => {
  const patterns = parseDockerignore(`
# comment
node_modules
*.log
/build/
docs/**/*.md
!docs/keep.md
secret*
!secret-ok
`);

  it.each<[string, boolean]>([
    ['node_modules', true],
    ['node_modules/x/y.js', true],
    ['app.log', true],
    ['sub/app.log', false],
    ['build/out.bin', true],
    ['docs/a/b.md', true],
    ['docs/keep.md', false],
    ['docs/readme.txt', false],
    ['secret.key', true],
    ['secret-ok', false],
    ['src/main.ts', false],
  ])('should decide %p: ignored=%p', (path, ignored) => {
    expect(isIgnored(patterns, path)).toBe(ignored);
  });
});

describe('cleanPath', () => {
  it('should drop dots, empty parts and climbing', () => {
    expect(cleanPath('./a//b/../c/')).toBe('a/c');
    expect(cleanPath('/')).toBe('');
  });
});
