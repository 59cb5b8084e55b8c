import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ManagerModule } from './manager.module';

/** berth-manager: boots the manager's Nest context. It serves nothing yet (issue 5 brings the cluster API). */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(ManagerModule, { logger: ['error', 'warn'] });
  process.stderr.write('berth-manager: the cluster API is not implemented yet (issue 5)\n');
  await app.close();
  process.exitCode = 1;
}

void bootstrap();
