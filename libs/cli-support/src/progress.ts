/**
 * Layer progress as Docker shows it: on a terminal one line per layer,
 * redrawn in place with a bar; otherwise a plain line each time a layer
 * changes state (never one per chunk of bytes).
 */
export interface ProgressLine {
  id: string;
  action: string;
  current?: number;
  total?: number;
  detail?: string;
}

export function formatSize(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${i === 0 ? n : n.toFixed(n < 10 ? 2 : n < 100 ? 1 : 0)}${units[i]}`;
}

/** "[=====>     ]  12.3MB/50MB" */
export function progressBar(current: number, total: number, width = 50): string {
  if (!total) return formatSize(current);
  const done = Math.min(width, Math.floor((current / total) * width));
  const bar = done >= width ? '='.repeat(width) : `${'='.repeat(done)}>${' '.repeat(width - done - 1)}`;
  return `[${bar}] ${formatSize(current).padStart(8)}/${formatSize(total)}`;
}

export function formatLine(e: ProgressLine, tty: boolean): string {
  const detail = e.action === 'Mounted' ? `Mounted from ${e.detail}` : e.action;
  if (tty && e.current !== undefined && e.total !== undefined)
    return `${e.id}: ${detail} ${progressBar(e.current, e.total)}`;
  return `${e.id}: ${detail}`;
}

export class ProgressRenderer {
  private readonly order: string[] = [];
  private readonly lines = new Map<string, string>();
  private readonly lastAction = new Map<string, string>();

  constructor(
    private readonly out: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly tty = out.isTTY === true,
  ) {}

  readonly update = (e: ProgressLine): void => {
    if (!this.tty) {
      if (this.lastAction.get(e.id) === e.action) return;
      this.lastAction.set(e.id, e.action);
      this.out.write(`${formatLine(e, false)}\n`);
      return;
    }
    const text = formatLine(e, true);
    const index = this.order.indexOf(e.id);
    if (index < 0) {
      this.order.push(e.id);
      this.lines.set(e.id, text);
      this.out.write(`${text}\n`);
      return;
    }
    this.lines.set(e.id, text);
    const up = this.order.length - index;
    // up to the layer's line, clear and rewrite it, back down
    this.out.write(`\x1b[${up}A\r\x1b[2K${text}\r\x1b[${up}B`);
  };
}
