import { splitShellWords } from './shell-words';

const words = (text: string) => {
  const split = splitShellWords(text);
  if (!split.ok) throw new Error(split.message);
  return split.words;
};

describe('splitShellWords', () => {
  it('should split on whitespace', () => {
    expect(words('bundle exec  thin -p 3000')).toEqual(['bundle', 'exec', 'thin', '-p', '3000']);
    expect(words('  ')).toEqual([]);
  });

  it('should keep quoted text together', () => {
    expect(words(`sh -c "echo 'hi there'; exit 0"`)).toEqual(['sh', '-c', "echo 'hi there'; exit 0"]);
    expect(words(`grep 'a "b" c' file`)).toEqual(['grep', 'a "b" c', 'file']);
  });

  it('should join quoted and unquoted parts of one word', () => {
    expect(words(`--filter="^(sys|proc)($|/)" x`)).toEqual(['--filter=^(sys|proc)($|/)', 'x']);
    expect(words(`a''b ""`)).toEqual(['ab', '']);
  });

  it('should honour backslashes outside quotes and the shell escapes inside double quotes', () => {
    expect(words('a\\ b c')).toEqual(['a b', 'c']);
    expect(words('"say \\"hi\\" \\$HOME \\n"')).toEqual(['say "hi" $HOME \\n']);
  });

  it('should leave variables as written', () => {
    expect(words('echo $HOME')).toEqual(['echo', '$HOME']);
  });

  it('should refuse an unterminated quote', () => {
    expect(splitShellWords(`echo "hi`)).toEqual({ ok: false, message: 'unterminated double quote' });
    expect(splitShellWords(`echo 'hi`)).toEqual({ ok: false, message: 'unterminated single quote' });
  });
});
