import { berth } from './generated/engine';
import { ENGINE_SERVICE } from './generated/engine-service';

describe('int64 fields', () => {
  it('should decode as plain numbers', () => {
    const { responseType } = ENGINE_SERVICE.ListImages;
    const bytes = responseType
      .encode({ images: [{ id: 'x', createdMs: 1_764_000_000_123, size: 2 ** 40 + 1 }] })
      .finish();
    const decoded = responseType.decode(bytes);
    expect(decoded.images[0].createdMs).toBe(1_764_000_000_123);
    expect(decoded.images[0].size).toBe(2 ** 40 + 1);
  });

  it('should default to 0, not a Long, when not sent', () => {
    const decoded = berth.engine.v1.LogsRequest.decode(
      berth.engine.v1.LogsRequest.encode({ id: 'c' }).finish(),
    );
    expect(decoded.sinceMs).toBe(0);
    expect(decoded.untilMs).toBe(0);
  });
});
