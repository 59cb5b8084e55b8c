import type { EngineHandlers } from '@berth/proto/server';

/** A provider that serves some of the Engine's methods; the gRPC service gathers them all. */
export interface HandlerGroup {
  handlers(): Partial<EngineHandlers>;
}

/** The providers that are handler groups (the gRPC service's injection token). */
export const HANDLER_GROUPS = Symbol('HANDLER_GROUPS');
