/** `docker top`: the rows of the host's `ps` that are the container's processes. Pure. */

export interface TopTable {
  titles: string[];
  processes: string[][];
}

/**
 * PS_OUTPUT's rows whose PID column names one of PIDS; the last column (the command) keeps its
 * spaces. Refuses output without a PID column, as dockerd does for `ps` options that drop it.
 */
export function topTable(psOutput: string, pids: ReadonlySet<number>): TopTable {
  const lines = psOutput.trimEnd().split('\n');
  const titles = lines[0].trim().split(/\s+/);
  const pidColumn = titles.indexOf('PID');
  if (pidColumn < 0) throw new Error(`Couldn't find PID field in ps output`);
  const processes = lines
    .slice(1)
    .map((line) => {
      const fields = line.trim().split(/\s+/);
      return [...fields.slice(0, titles.length - 1), fields.slice(titles.length - 1).join(' ')];
    })
    .filter((cols) => pids.has(Number(cols[pidColumn])));
  return { titles, processes };
}
