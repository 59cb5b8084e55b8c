/**
 * int64 fields decode as JS numbers, not Long objects: the engine's int64s
 * are times, sizes and counts, far below 2^53. protobufjs picks Long when the
 * `long` package is installed; this turns that off, once, before any decode.
 */
import * as $protobuf from 'protobufjs/minimal';

$protobuf.util.Long = undefined as unknown as typeof $protobuf.util.Long;
$protobuf.configure();
