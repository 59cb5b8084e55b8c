/** A Docker API request's query values, read as dockerd reads them (Go's strconv.ParseBool for flags). Pure. */

export type Query = Record<string, string | string[] | undefined>;

/** A query flag as Go's strconv.ParseBool reads it (what docker clients send: 1, true). */
export function flag(value: string | string[] | undefined): boolean {
  const v = last(value);
  return v === '1' || v === 't' || v === 'T' || v === 'true' || v === 'True' || v === 'TRUE';
}

/** The last value of a query parameter given once or more. */
export function last(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.at(-1) : value;
}

/** Every value of a query parameter given once or more. */
export function all(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
