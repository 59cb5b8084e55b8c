/**
 * Splits a command written as one string (`command: bundle exec thin -p 3000`) into words the
 * way a POSIX shell would, without running anything: whitespace separates words, single quotes
 * keep everything literal, double quotes keep whitespace and honour `\"`, `\\`, `\$` and `` \` ``,
 * a backslash outside quotes keeps the next character. Variables and globs are left as written.
 */
export function splitShellWords(
  text: string,
): { ok: true; words: string[] } | { ok: false; message: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return { ok: false, message: 'unterminated single quote' };
      word += text.slice(i + 1, close);
      inWord = true;
      i = close;
    } else if (c === '"') {
      const read = readDoubleQuoted(text, i + 1);
      if (!read) return { ok: false, message: 'unterminated double quote' };
      word += read.text;
      inWord = true;
      i = read.end;
    } else if (c === '\\') {
      if (i + 1 < text.length) word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return { ok: true, words };
}

/** From just after an opening `"`: the text up to the closing one, and the closing one's index. */
function readDoubleQuoted(text: string, start: number): { text: string; end: number } | undefined {
  let out = '';
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return { text: out, end: i };
    if (c === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) out += text[++i];
    else out += c;
  }
  return undefined;
}
