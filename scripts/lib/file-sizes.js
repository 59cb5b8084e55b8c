// The file-size rule: no hand-written source file over a limit of lines.
// Tests (*.spec.ts, *.test.ts) and generated code are exempt. Pure.
'use strict';

const MAX_LINES = 400;

/** Lines as `wc -l` counts them, plus a last line with no newline. */
function countLines(text) {
  if (!text) return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

/** Whether the rule applies to FILE (a path with / separators). */
function isCheckedSource(file) {
  if (!file.endsWith('.ts') || file.endsWith('.d.ts')) return false;
  if (file.endsWith('.spec.ts') || file.endsWith('.test.ts')) return false;
  return !file.split('/').includes('generated');
}

/** FILES ([{ file, lines }]) over LIMIT, longest first. */
function oversized(files, limit = MAX_LINES) {
  return files
    .filter((f) => isCheckedSource(f.file) && f.lines > limit)
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
}

module.exports = { MAX_LINES, countLines, isCheckedSource, oversized };
