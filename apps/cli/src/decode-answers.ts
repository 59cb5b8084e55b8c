/**
 * The manager's answers, decoded before the CLI acts on them or shows them: an answer that is not
 * what it should be (another version's manager, a broken one) ends the command with the field
 * that is wrong, rather than a TypeError somewhere in the output code.
 */
import { DecodeError, decodeJson, type EntryDecoder } from '@berth/cluster';
import { ExitError } from './context';

export function decodeAnswer<T>(json: string, decode: EntryDecoder<T>, path?: string): T {
  try {
    return decodeJson(json, decode, path);
  } catch (error) {
    if (error instanceof DecodeError)
      throw new ExitError(`the manager's answer is malformed: ${error.message}`, 1);
    throw error;
  }
}

/** Each of a list answer's objects, decoded. */
export function decodeAnswers<T>(jsons: readonly string[], decode: EntryDecoder<T>): T[] {
  return jsons.map((json) => decodeAnswer(json, decode));
}
