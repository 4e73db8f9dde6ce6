/**
 * The SQL that reads a timestamp field of an input file as core's CSV reader does (`parseTimestamp` in
 * packages/core/src/sources/csv/timestamp.ts): `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS[.fff]]` (` ` or `T`; a
 * fraction of 1–9 digits after `.` or `,`, truncated to the millisecond), optionally followed by `Z` or an
 * offset `±HH:MM`, `±HHMM`, `±HH` (after one optional space); ranges checked. Text that is not one of these
 * forms reads as NULL (the loader then refuses the file, naming the row).
 *
 * Three steps, each a layer of SELECT so that no step is evaluated twice per value: the parts of the text
 * (one regular expression), the wall-clock TIMESTAMP with its offset in minutes (NULL: none given), the
 * instant (TIMESTAMPTZ).
 *
 * Without an offset the text is wall-clock time in the zone. On a day whose UTC offset is the same from
 * 14 hours before its start to 36 hours after (every day but those around a transition, see
 * {@link zoneDaysSql}), the instant is the wall time less that offset, found by a join on the day (a
 * conversion per row through ICU costs several times the whole parse). Around a transition, DuckDB's `timezone(zone, TIMESTAMP)` (ICU)
 * moves a time in a spring-forward gap forward by the gap, as core does, but reads a repeated fall-back
 * time as the later instant where core takes the earlier one. The earlier one is the wall time less the
 * offset in force a day before; it is taken when it reads back as the same wall time and is earlier.
 */

const PATTERN = String.raw`^\s*(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?: ?(Z|([+-])(\d{2})(?::?(\d{2}))?))?)?\s*$`;
const GROUPS = ['y', 'mo', 'd', 'h', 'mi', 's', 'f', 'z', 'sign', 'oh', 'om'];

/** A SQL string literal of `text`. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Step 1: the struct of a timestamp's parts (`regexp_extract` with named groups; all '' when the text does not match). */
export function timestampPartsSql(column: string): string {
  return `regexp_extract(${column}, ${sqlString(PATTERN)}, [${GROUPS.map(sqlString).join(', ')}])`;
}

/**
 * Step 2, from the parts struct `p`: the struct `{ wall TIMESTAMP, offset_minutes INTEGER }`; `wall` is
 * NULL when the text was not a timestamp or names an impossible date or time, `offset_minutes` NULL when
 * the text gives no offset (wall clock of the zone).
 */
export function wallClockSql(p: string): string {
  const int = (field: string) => `TRY_CAST(NULLIF(${p}.${field}, '') AS INTEGER)`;
  const hour = `coalesce(${int('h')}, 0)`;
  const minute = `coalesce(${int('mi')}, 0)`;
  const second = `coalesce(${int('s')}, 0)`;
  const millis = `coalesce(TRY_CAST(rpad(left(${p}.f, 3), 3, '0') AS INTEGER), 0)`;
  const valid =
    `${p}.y <> '' AND ${int('mo')} BETWEEN 1 AND 12 AND ${hour} <= 23 AND ${minute} <= 59 AND ${second} <= 59` +
    ` AND (${p}.oh = '' OR (${int('oh')} <= 23 AND coalesce(${int('om')}, 0) <= 59))`;
  // Checked only once the month is known to be valid (CASE evaluates a branch only for the rows that reach it).
  const dayExists = `${int('d')} BETWEEN 1 AND day(last_day(make_date(${int('y')}, ${int('mo')}, 1)))`;
  const wall = `make_timestamp(${int('y')}, ${int('mo')}, ${int('d')}, ${hour}, ${minute}, ${second}) + to_milliseconds(${millis})`;
  const offset = `CASE WHEN ${p}.z = 'Z' THEN 0 WHEN ${p}.z <> '' THEN (CASE WHEN ${p}.sign = '-' THEN -1 ELSE 1 END) * (${int('oh')} * 60 + coalesce(${int('om')}, 0)) END`;
  return `CASE WHEN NOT (${valid}) THEN NULL WHEN NOT (${dayExists}) THEN NULL
    ELSE {'wall': ${wall}, 'offset_minutes': ${offset}} END`;
}

/**
 * The table `zone_days(day DATE, utc_offset INTERVAL)` of the days 1970–2070 on which the zone's offset
 * does not change near the day (the same at 14 hours before its start and 36 hours after: every instant
 * whose wall clock falls on that day is then the wall time less that offset). Days around a transition
 * are left out, so their wall times take the exact per-row conversion of {@link wallInstantSql}.
 */
export function zoneDaysSql(zoneSql: string): string {
  const offsetAt = (naive: string) => `(timezone(${zoneSql}, timezone('UTC', ${naive})) - ${naive})`;
  return `CREATE OR REPLACE TEMP TABLE zone_days AS
    SELECT day, before AS utc_offset FROM (
      SELECT d::DATE AS day, ${offsetAt('(d - INTERVAL 14 HOUR)')} AS before, ${offsetAt('(d + INTERVAL 36 HOUR)')} AS after
      FROM range(TIMESTAMP '1970-01-01', TIMESTAMP '2071-01-01', INTERVAL 1 DAY) AS r(d)
    ) WHERE before = after`;
}

/**
 * Step 3, from the struct `w` of {@link wallClockSql} and the `utc_offset` of its day in `zone_days`
 * (NULL around a transition): the instant (TIMESTAMPTZ), NULL when `w` is.
 */
export function instantSql(w: string, dayOffset: string, zoneSql: string): string {
  return `CASE WHEN ${w}.offset_minutes IS NOT NULL THEN timezone('UTC', ${w}.wall - to_minutes(${w}.offset_minutes))
    WHEN ${dayOffset} IS NOT NULL THEN timezone('UTC', ${w}.wall - ${dayOffset})
    ELSE ${wallInstantSql(`${w}.wall`, zoneSql)} END`;
}

/** The instant of a wall-clock TIMESTAMP in a zone, the earlier one when the wall time occurs twice (see above). */
export function wallInstantSql(wall: string, zoneSql: string): string {
  const dayBefore = `(${wall} - INTERVAL 1 DAY)`;
  const offsetBefore = `(timezone(${zoneSql}, timezone('UTC', ${dayBefore})) - ${dayBefore})`;
  const earlier = `timezone('UTC', ${wall} - ${offsetBefore})`;
  const icu = `timezone(${zoneSql}, ${wall})`;
  return `(CASE WHEN timezone(${zoneSql}, ${earlier}) = ${wall} AND ${earlier} < ${icu} THEN ${earlier} ELSE ${icu} END)`;
}
