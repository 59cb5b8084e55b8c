import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AgentModule } from './agent.module';

/** berthd: boots the agent's Nest context. It serves nothing yet (issue 4 brings the engine API). */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AgentModule, { logger: ['error', 'warn'] });
  process.stderr.write('berthd: the engine API is not implemented yet (issue 4)\n');
  await app.close();
  process.exitCode = 1;
}

void bootstrap();
