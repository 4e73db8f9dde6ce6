/**
 * Flattening nested result objects into dotted column names, and back. Internal to the danfo subpath.
 *
 * @module
 */

/** A value that is flattened into columns: a plain object (not a `Date`, an array or a class instance). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * One row with nested plain objects spread into `parent<separator>child` keys; every other value (`Date`,
 * array, `null`, primitives) is a leaf. `{ locator: 'Ana', counts: { stale: 2 } }` → `{ locator: 'Ana', 'counts.stale': 2 }`.
 */
export function flattenRow(row: object, separator: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const visit = (value: Record<string, unknown>, prefix: string): void => {
    for (const key of Object.keys(value)) {
      const v = value[key];
      const name = prefix === '' ? key : `${prefix}${separator}${key}`;
      if (isPlainObject(v)) visit(v, name);
      else out[name] = v;
    }
  };
  visit(row as Record<string, unknown>, '');
  return out;
}

/** Sets `value` at a path of keys in `target`, creating objects on the way (replacing any non-object met there). */
export function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const next = node[key];
    if (isPlainObject(next)) node = next;
    else {
      const created: Record<string, unknown> = {};
      node[key] = created;
      node = created;
    }
  }
  node[path[path.length - 1]!] = value;
}
