import { decodeGrpcMessage } from './status';

describe('decodeGrpcMessage', () => {
  it('should decode percent-encoded UTF-8 and leave broken escapes alone', () => {
    expect(decodeGrpcMessage('image %22busybox%22 not found%0Ana%C3%AFve')).toBe(
      'image "busybox" not found\nnaïve',
    );
    expect(decodeGrpcMessage('100% sure')).toBe('100% sure');
  });
});
