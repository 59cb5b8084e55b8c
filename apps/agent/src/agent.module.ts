import { Module } from '@nestjs/common';

/** The engine daemon of one machine (DESIGN.md: agent). Its providers arrive with issue 4. */
@Module({})
export class AgentModule {}
