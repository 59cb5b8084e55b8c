import { Module } from '@nestjs/common';

/** The cluster control plane (DESIGN.md: manager). Its providers arrive with issue 5. */
@Module({})
export class ManagerModule {}
