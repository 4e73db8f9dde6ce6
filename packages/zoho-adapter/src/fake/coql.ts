/**
 * A small COQL interpreter for the fake server (zoho-api.md §5): `select f1, f2 from Module where …
 * [order by f [asc|desc], …] [limit [offset,] n | limit n offset m]`. WHERE is required; conditions are
 * `=, !=, <>, <, <=, >, >=`, `[not] like`, `[not] in (…)`, `[not] between … and …`, `is [not] null`,
 * combined with and/or and parentheses. Date-times compare as instants. Aggregates are not supported.
 */
import { parseZohoDateTime } from '../datetime.js';

/**
 * A COQL query the fake server refuses, with Zoho's error code (`SYNTAX_ERROR`, `INVALID_QUERY`,
 * `LIMIT_EXCEEDED`) and details.
 *
 * @example
 * ```ts
 * try {
 *   parseCoql('select Last_Name from Leads');
 * } catch (error) {
 *   if (error instanceof CoqlError) console.log(error.code, error.message); // 'SYNTAX_ERROR' 'missing the where clause'
 * }
 * ```
 */
export class CoqlError extends Error {
  constructor(
    readonly code: 'SYNTAX_ERROR' | 'INVALID_QUERY' | 'LIMIT_EXCEEDED',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

type Token = { kind: 'ident' | 'string' | 'number' | 'op' | 'punct'; text: string; pos: number };

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let text = '';
      while (j < query.length && query[j] !== c) {
        if (query[j] === '\\' && j + 1 < query.length) j++;
        text += query[j];
        j++;
      }
      if (j >= query.length) throw new CoqlError('SYNTAX_ERROR', 'unterminated string', { column: i + 1 });
      tokens.push({ kind: 'string', text, pos: i });
      i = j + 1;
      continue;
    }
    const op = /^(<=|>=|!=|<>|=|<|>)/.exec(query.slice(i));
    if (op) {
      tokens.push({ kind: 'op', text: op[1]!, pos: i });
      i += op[1]!.length;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', text: c, pos: i });
      i++;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(query.slice(i));
    if (num) {
      tokens.push({ kind: 'number', text: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    const ident = /^[A-Za-z_$][\w$.]*/.exec(query.slice(i));
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0], pos: i });
      i += ident[0].length;
      continue;
    }
    throw new CoqlError('SYNTAX_ERROR', `unexpected character ${JSON.stringify(c)}`, { column: i + 1, near: c });
  }
  return tokens;
}

type Value = string | number | boolean | null;
type Cond =
  | { type: 'and' | 'or'; left: Cond; right: Cond }
  | { type: 'cmp'; field: string; op: string; value: Value }
  | { type: 'null'; field: string; not: boolean }
  | { type: 'in'; field: string; values: Value[]; not: boolean }
  | { type: 'like'; field: string; pattern: string; not: boolean }
  | { type: 'between'; field: string; low: Value; high: Value; not: boolean };

/**
 * A parsed COQL select, as {@link runCoql} runs it.
 *
 * @example
 * ```ts
 * const query: CoqlQuery = parseCoql("select Last_Name, Lead_Status from Leads where Lead_Status = 'New' order by Created_Time desc limit 50");
 * query.module; // 'Leads'
 * query.fields; // ['Last_Name', 'Lead_Status']
 * query.limit; // 50
 * ```
 */
export interface CoqlQuery {
  fields: string[];
  module: string;
  where: Cond;
  orderBy: Array<{ field: string; desc: boolean }>;
  offset: number;
  limit: number;
}

/**
 * Parses a COQL select. `maxReach` is the reachable total (100,000 from v7, 10,000 before).
 *
 * @example
 * ```ts
 * const query = parseCoql("select Last_Name from Leads where Created_Time > '2024-01-02T00:00:00+00:00' limit 10, 20");
 * query.offset; // 10
 * query.limit; // 20
 * parseCoql('select Last_Name from Leads where id is not null limit 5000'); // throws a CoqlError with code 'LIMIT_EXCEEDED'
 * ```
 */
export function parseCoql(query: string, maxReach = 100_000): CoqlQuery {
  const tokens = tokenize(query);
  let p = 0;
  const peek = () => tokens[p];
  const isWord = (w: string) => peek()?.kind === 'ident' && peek()!.text.toLowerCase() === w;
  const expectWord = (w: string, clause: string) => {
    if (!isWord(w)) throw new CoqlError('SYNTAX_ERROR', `expected ${w}`, { clause, near: peek()?.text ?? '' });
    p++;
  };
  const field = () => {
    const t = peek();
    if (!t || (t.kind !== 'ident' && t.kind !== 'string')) throw new CoqlError('SYNTAX_ERROR', 'expected a field name', { near: t?.text ?? '' });
    p++;
    return t.text;
  };
  const value = (): Value => {
    const t = peek();
    if (!t) throw new CoqlError('SYNTAX_ERROR', 'expected a value', { clause: 'where' });
    p++;
    if (t.kind === 'string') return t.text;
    if (t.kind === 'number') return Number(t.text);
    if (t.kind === 'ident' && /^(true|false)$/i.test(t.text)) return t.text.toLowerCase() === 'true';
    if (t.kind === 'ident' && /^null$/i.test(t.text)) return null;
    throw new CoqlError('SYNTAX_ERROR', `unexpected ${t.text}`, { near: t.text });
  };

  expectWord('select', 'select');
  const fields: string[] = [];
  do {
    const f = field();
    if (peek()?.kind === 'punct' && peek()!.text === '(') throw new CoqlError('INVALID_QUERY', 'aggregate functions are not supported by the fake server', { column_name: f });
    fields.push(f);
    if (isWord('as')) {
      p++;
      field();
    }
  } while (peek()?.kind === 'punct' && peek()!.text === ',' && ++p);
  expectWord('from', 'from');
  const module = field().split('#')[0]!;
  if (!isWord('where')) throw new CoqlError('SYNTAX_ERROR', 'missing the where clause', { clause: 'where' });
  p++;

  const primary = (): Cond => {
    if (peek()?.kind === 'punct' && peek()!.text === '(') {
      p++;
      const inner = or();
      if (!(peek()?.kind === 'punct' && peek()!.text === ')')) throw new CoqlError('SYNTAX_ERROR', 'expected )', { near: peek()?.text ?? '' });
      p++;
      return inner;
    }
    const f = field();
    if (isWord('is')) {
      p++;
      const not = isWord('not') ? (p++, true) : false;
      expectWord('null', 'where');
      return { type: 'null', field: f, not };
    }
    const not = isWord('not') ? (p++, true) : false;
    if (isWord('in')) {
      p++;
      if (!(peek()?.kind === 'punct' && peek()!.text === '(')) throw new CoqlError('SYNTAX_ERROR', 'expected (', { near: peek()?.text ?? '' });
      p++;
      const values: Value[] = [];
      do values.push(value());
      while (peek()?.kind === 'punct' && peek()!.text === ',' && ++p);
      if (!(peek()?.kind === 'punct' && peek()!.text === ')')) throw new CoqlError('SYNTAX_ERROR', 'expected )', { near: peek()?.text ?? '' });
      p++;
      if (values.length > 100) throw new CoqlError('LIMIT_EXCEEDED', 'at most 100 values in IN', { clause: 'where' });
      return { type: 'in', field: f, values, not };
    }
    if (isWord('like')) {
      p++;
      const v = value();
      return { type: 'like', field: f, pattern: String(v), not };
    }
    if (isWord('between')) {
      p++;
      const low = value();
      expectWord('and', 'where');
      const high = value();
      return { type: 'between', field: f, low, high, not };
    }
    if (not) throw new CoqlError('SYNTAX_ERROR', 'expected in, like or between after not', { near: peek()?.text ?? '' });
    const op = peek();
    if (op?.kind !== 'op') throw new CoqlError('SYNTAX_ERROR', 'expected an operator', { near: op?.text ?? '' });
    p++;
    return { type: 'cmp', field: f, op: op.text === '<>' ? '!=' : op.text, value: value() };
  };
  const and = (): Cond => {
    let left = primary();
    while (isWord('and')) {
      p++;
      left = { type: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): Cond => {
    let left = and();
    while (isWord('or')) {
      p++;
      left = { type: 'or', left, right: and() };
    }
    return left;
  };
  const where = or();

  const orderBy: Array<{ field: string; desc: boolean }> = [];
  if (isWord('order')) {
    p++;
    expectWord('by', 'order by');
    do {
      const f = field();
      let desc = false;
      if (isWord('asc')) p++;
      else if (isWord('desc')) {
        p++;
        desc = true;
      }
      orderBy.push({ field: f, desc });
    } while (peek()?.kind === 'punct' && peek()!.text === ',' && ++p);
  }
  let offset = 0;
  let limit = 200;
  if (isWord('limit')) {
    p++;
    const a = value();
    if (peek()?.kind === 'punct' && peek()!.text === ',') {
      p++;
      offset = Number(a);
      limit = Number(value());
    } else {
      limit = Number(a);
      if (isWord('offset')) {
        p++;
        offset = Number(value());
      }
    }
  }
  if (p < tokens.length) throw new CoqlError('SYNTAX_ERROR', `unexpected ${tokens[p]!.text}`, { near: tokens[p]!.text, column: tokens[p]!.pos + 1 });
  if (!Number.isInteger(limit) || limit < 1 || limit > 2000) throw new CoqlError('LIMIT_EXCEEDED', 'limit must be 1–2000', { clause: 'limit' });
  if (!Number.isInteger(offset) || offset < 0 || offset + limit > maxReach) {
    throw new CoqlError('LIMIT_EXCEEDED', `offset + limit may reach at most ${maxReach} records`, { clause: 'offset' });
  }
  return { fields, module, where, orderBy, offset, limit };
}

function get(record: Record<string, unknown>, path: string): unknown {
  let v: unknown = record;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  // A lookup compares by id.
  if (v && typeof v === 'object' && !Array.isArray(v) && 'id' in v) return (v as { id: unknown }).id;
  return v;
}

function compare(a: unknown, b: Value): number | null {
  if (a === null || a === undefined || b === null) return null;
  if (typeof a === 'string' && typeof b === 'string') {
    const da = parseZohoDateTime(a, 'UTC');
    const db = parseZohoDateTime(b, 'UTC');
    if (da && db) return da.getTime() - db.getTime();
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean') return String(a) === String(b) ? 0 : 1;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function matches(cond: Cond, record: Record<string, unknown>): boolean {
  switch (cond.type) {
    case 'and':
      return matches(cond.left, record) && matches(cond.right, record);
    case 'or':
      return matches(cond.left, record) || matches(cond.right, record);
    case 'null': {
      const v = get(record, cond.field);
      const isNull = v === null || v === undefined || v === '';
      return cond.not ? !isNull : isNull;
    }
    case 'in': {
      const v = get(record, cond.field);
      const hit = cond.values.some((x) => compare(v, x) === 0);
      return cond.not ? !hit : hit;
    }
    case 'like': {
      const v = get(record, cond.field);
      const re = new RegExp(`^${cond.pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*')}$`, 'i');
      const hit = typeof v === 'string' && re.test(v);
      return cond.not ? !hit : hit;
    }
    case 'between': {
      const v = get(record, cond.field);
      const lo = compare(v, cond.low);
      const hi = compare(v, cond.high);
      const hit = lo !== null && hi !== null && lo >= 0 && hi <= 0;
      return cond.not ? !hit : hit;
    }
    case 'cmp': {
      const c = compare(get(record, cond.field), cond.value);
      if (c === null) return cond.op === '!=' ? true : false;
      switch (cond.op) {
        case '=':
          return c === 0;
        case '!=':
          return c !== 0;
        case '<':
          return c < 0;
        case '<=':
          return c <= 0;
        case '>':
          return c > 0;
        default:
          return c >= 0;
      }
    }
  }
}

/**
 * Runs a parsed query over full records; returns the selected fields (and `id`) of the page, and whether more
 * follow.
 *
 * @example
 * ```ts
 * const records = [
 *   { id: '1', Last_Name: 'Smith', Lead_Status: 'New' },
 *   { id: '2', Last_Name: 'Jones', Lead_Status: 'Contacted' },
 * ];
 * runCoql(parseCoql("select Last_Name from Leads where Lead_Status = 'New'"), records);
 * // { data: [{ id: '1', Last_Name: 'Smith' }], moreRecords: false }
 * ```
 */
export function runCoql(query: CoqlQuery, records: ReadonlyArray<Record<string, unknown>>): { data: Array<Record<string, unknown>>; moreRecords: boolean } {
  const known = new Set(records.flatMap((r) => Object.keys(r)));
  for (const f of query.fields) {
    const root = f.split('.')[0]!;
    if (records.length > 0 && !known.has(root)) throw new CoqlError('INVALID_QUERY', `invalid column ${f}`, { column_name: f, reason: 'invalid column given' });
  }
  const hits = records.filter((r) => matches(query.where, r));
  const order = query.orderBy.length ? query.orderBy : [{ field: 'id', desc: false }];
  hits.sort((a, b) => {
    for (const o of order) {
      const av = get(a, o.field);
      const bv = get(b, o.field);
      let c = 0;
      if (o.field === 'id' && typeof av === 'string' && typeof bv === 'string') c = av.length - bv.length || (av < bv ? -1 : av > bv ? 1 : 0);
      else c = compare(av, (bv ?? null) as Value) ?? (av === bv ? 0 : av === null || av === undefined ? -1 : 1);
      if (c !== 0) return o.desc ? -c : c;
    }
    return 0;
  });
  const page = hits.slice(query.offset, query.offset + query.limit);
  const data = page.map((r) => {
    const out: Record<string, unknown> = { id: r.id };
    for (const f of query.fields) {
      if (f.includes('.')) out[f] = get(r, f) ?? null;
      else out[f] = r[f] ?? null;
    }
    return out;
  });
  return { data, moreRecords: query.offset + query.limit < hits.length };
}

/**
 * Credits a COQL call costs by its LIMIT: 1–200 → 1, 201–1000 → 2, 1001–2000 → 3.
 *
 * @example
 * ```ts
 * coqlCredits(200); // 1
 * coqlCredits(1000); // 2
 * coqlCredits(parseCoql('select Last_Name from Leads where id is not null limit 2000').limit); // 3
 * ```
 */
export function coqlCredits(limit: number): number {
  return limit <= 200 ? 1 : limit <= 1000 ? 2 : 3;
}
