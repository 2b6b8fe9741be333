/** Equal form values: strings by value, lists item by item in order. */
export function sameFormValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, index) => value === b[index]);
  return a === b;
}

/**
 * After a stale save, merges the latest version with what the person typed: a field they did
 * not touch (still equal to `base`) takes the latest value; a field they changed keeps theirs.
 * `theirs` holds the other person's value for the fields both changed, to show under them.
 */
export function mergeAfterReload<T extends object>(
  base: T,
  mine: T,
  latest: T,
  fields: readonly (keyof T)[],
  equal: (a: T[keyof T], b: T[keyof T]) => boolean = sameFormValue,
): { merged: T; theirs: Partial<T> } {
  const merged = { ...latest };
  const theirs: Partial<T> = {};
  for (const field of fields) {
    if (equal(mine[field], base[field])) continue; // untouched here: take theirs
    merged[field] = mine[field]; // typed here: keep it
    if (!equal(latest[field], base[field]) && !equal(latest[field], mine[field])) theirs[field] = latest[field];
  }
  return { merged, theirs };
}
