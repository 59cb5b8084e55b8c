/**
 * `GET /events`: the engine's events as dockerd streams them — one JSON document a line, each
 * written as it happens (the headers at once, so a client knows it is listening), from `since`
 * until `until` or until the client goes away.
 */
import { streamAnswer } from './json-stream';
import { Readable } from 'node:stream';
import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { EventsService, eventMatches, type EngineEvent } from '../events/events.service';
import { DockerFilters } from './docker-filters';
import { EVENT_FILTERS, eventMessage, eventWindow } from './docker-event-views';
import { filterList } from './docker-views';

@Controller()
export class DockerEventsController {
  constructor(private readonly events: EventsService) {}

  @Get('events')
  stream(
    @Res() reply: FastifyReply,
    @Query('since') since?: string,
    @Query('until') until?: string,
    @Query('filters') filters?: string,
  ): void {
    DockerFilters.parse(filters, EVENT_FILTERS); // refuses unknown keys
    const wanted = filterList(filters);
    const { sinceMs, untilMs } = eventWindow(since, until);
    const gone = new AbortController();
    reply.raw.once('close', () => gone.abort());
    const events = this.events.stream(sinceMs, untilMs, gone.signal);
    const body = Readable.from(eventLines(events, wanted));
    streamAnswer(reply, 'application/json', body);
  }
}

async function* eventLines(events: AsyncIterable<EngineEvent>, filters: readonly string[]) {
  for await (const e of events) if (eventMatches(e, filters)) yield `${JSON.stringify(eventMessage(e))}\n`;
}
