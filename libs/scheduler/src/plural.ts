/** `node` or `nodes`, as the count wants. */
export function noun(n: number, singular: string, plural = `${singular}s`): string {
  return n === 1 ? singular : plural;
}

/** `1 node`, `3 nodes`: a count with its noun. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${noun(n, singular, plural)}`;
}

/** `3 nodes`: the count the explanations use most. */
export function nodes(n: number): string {
  return count(n, 'node');
}
