/**
 * The engine's event stream (`berth events`): every change of a container,
 * image, volume or network, kept in a ring for `--since` and handed to
 * every listener as it happens.
 */
import { Injectable } from '@nestjs/common';

export interface EngineEvent {
  type: 'container' | 'image' | 'volume' | 'network';
  action: string;
  id: string;
  attributes: Record<string, string>;
  /** Unix nanoseconds. */
  timeNano: number;
}

const KEEP = 1024;

@Injectable()
export class EventsService {
  private readonly ring: EngineEvent[] = [];
  private readonly listeners = new Set<(e: EngineEvent) => void>();

  emit(type: EngineEvent['type'], action: string, id: string, attributes: Record<string, string> = {}): void {
    const event: EngineEvent = { type, action, id, attributes, timeNano: Date.now() * 1e6 };
    this.ring.push(event);
    if (this.ring.length > KEEP) this.ring.shift();
    for (const listener of this.listeners) listener(event);
  }

  /** LISTENER hears every event from now on, until the returned function is called. */
  on(listener: (e: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Past events from SINCE_MS (0: none), then live ones until SIGNAL aborts or UNTIL_MS passes. */
  async *stream(sinceMs: number, untilMs: number, signal: AbortSignal): AsyncGenerator<EngineEvent> {
    const queue: EngineEvent[] = sinceMs ? this.ring.filter((e) => e.timeNano / 1e6 >= sinceMs) : [];
    let wake: (() => void) | null = null;
    const listener = (e: EngineEvent) => {
      queue.push(e);
      wake?.();
    };
    this.listeners.add(listener);
    const onAbort = () => wake?.();
    signal.addEventListener('abort', onAbort);
    const deadline = untilMs ? setTimeout(() => wake?.(), Math.max(0, untilMs - Date.now())) : undefined;
    try {
      for (;;) {
        while (queue.length) {
          const e = queue.shift()!;
          if (untilMs && e.timeNano / 1e6 > untilMs) return;
          yield e;
        }
        if (signal.aborted || (untilMs && Date.now() >= untilMs)) return;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    } finally {
      this.listeners.delete(listener);
      signal.removeEventListener('abort', onAbort);
      if (deadline) clearTimeout(deadline);
    }
  }
}

/**
 * docker events' filters: type=, event=, container=, network= (name or id), volume= (name),
 * image=, label= (k or k=v, among the attributes), scope= (local). Pure.
 */
export function eventMatches(e: EngineEvent, filters: readonly string[]): boolean {
  const by = new Map<string, string[]>();
  for (const f of filters) {
    const eq = f.indexOf('=');
    if (eq <= 0) continue;
    by.set(f.slice(0, eq), [...(by.get(f.slice(0, eq)) ?? []), f.slice(eq + 1)]);
  }
  const any = (key: string, test: (v: string) => boolean) => !by.has(key) || by.get(key)!.some(test);
  return (
    any('type', (v) => v === e.type) &&
    any('event', (v) => v === e.action) &&
    any('container', (v) => e.type === 'container' && (e.id.startsWith(v) || e.attributes.name === v)) &&
    any('network', (v) => e.type === 'network' && (e.id.startsWith(v) || e.attributes.name === v)) &&
    any('volume', (v) => e.type === 'volume' && e.id === v) &&
    any('scope', (v) => v === 'local') &&
    any('image', (v) => e.attributes.image === v || e.id === v) &&
    any('label', (v) => {
      const eq = v.indexOf('=');
      return eq < 0 ? v in e.attributes : e.attributes[v.slice(0, eq)] === v.slice(eq + 1);
    })
  );
}
