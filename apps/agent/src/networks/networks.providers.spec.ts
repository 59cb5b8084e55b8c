import * as fs from 'node:fs';
import * as path from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DEFAULT_CONFIG } from '../config';
import { EventsService } from '../events/events.service';
import { ProgramsService } from '../system/programs.service';
import { AGENT_CONFIG, ENDPOINT_DIRECTORY, OVERLAY_HOOKS } from '../tokens';
import { NetworksService } from './networks.service';
import { NETWORK_PROVIDERS } from './networks.providers';
import { FakeDirectory, FakeOverlays, FakeRun, tempDir } from './testing';

describe('NETWORK_PROVIDERS', () => {
  let dir: string;

  beforeEach(() => (dir = tempDir()));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('should make NetworksService and its parts, reading what is kept under the data root', async () => {
    fs.mkdirSync(path.join(dir, 'network', 'teardowns'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'network', 'networks.json'),
      JSON.stringify([{ id: 'a'.repeat(64), name: 'front', driver: 'bridge', builtin: false }]),
    );
    const run = new FakeRun();
    @Module({
      providers: [
        { provide: AGENT_CONFIG, useValue: { ...DEFAULT_CONFIG, dataRoot: dir } },
        { provide: ProgramsService, useValue: { run: run.run, rebind: () => Promise.resolve() } },
        { provide: OVERLAY_HOOKS, useValue: new FakeOverlays() },
        { provide: ENDPOINT_DIRECTORY, useValue: new FakeDirectory() },
        EventsService,
        ...NETWORK_PROVIDERS,
      ],
    })
    class NetworksModule {}
    const app = await NestFactory.createApplicationContext(NetworksModule, { logger: false });
    const networks = app.get(NetworksService);
    expect(networks.list().map((n) => n.name)).toEqual(['bridge', 'host', 'none', 'front']);
    await app.close();
    expect(run.calls).toEqual([]);
  });
});
