/**
 * Path patterns of the build context: `.dockerignore` (with `**`, and `!`
 * exceptions, last match winning) and COPY/ADD source globs (Go's
 * filepath.Match: `*` and `?` stay within one path component). Pure.
 */

export interface IgnorePattern {
  regex: RegExp;
  exception: boolean;
  /** The pattern as written, for messages. */
  text: string;
}

function escapeRegex(c: string): string {
  return /[.+^${}()|\\/]/.test(c) ? `\\${c}` : c;
}

/** A glob as an anchored regular expression over '/'-separated paths. */
export function globToRegExp(glob: string, options: { doubleStar?: boolean } = {}): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (options.doubleStar && glob[i + 1] === '*') {
        // "**/" matches any number of directories (none included); a trailing "**" matches everything below
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        const body = glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < glob.length) out += escapeRegex(glob[++i]);
    else out += escapeRegex(c);
  }
  return new RegExp(`^${out}$`);
}

export function hasGlob(path: string): boolean {
  return /[*?[]/.test(path);
}

/** "./a//b/" → "a/b" */
export function cleanPath(p: string): string {
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

export function parseDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  for (const raw of text.split('\n')) {
    let line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const exception = line.startsWith('!');
    if (exception) line = line.slice(1).trim();
    const cleaned = cleanPath(line);
    if (!cleaned) continue;
    patterns.push({ regex: globToRegExp(cleaned, { doubleStar: true }), exception, text: raw.trim() });
  }
  return patterns;
}

/**
 * Whether PATH (relative to the context) is left out: a pattern that matches
 * the path or one of its parent directories applies; the last one to apply wins.
 */
export function isIgnored(patterns: readonly IgnorePattern[], path: string): boolean {
  const parts = path.split('/');
  let ignored = false;
  for (const p of patterns) {
    for (let n = parts.length; n >= 1; n--) {
      if (p.regex.test(parts.slice(0, n).join('/'))) {
        ignored = !p.exception;
        break;
      }
    }
  }
  return ignored;
}
