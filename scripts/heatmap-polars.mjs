#!/usr/bin/env node
// The response heatmap of a response-time export in polars (nodejs-polars), for `npm run bench:compare`: a lazy
// scanCSV of the two timestamp columns as text (projection pushed down, so a wide export's other columns are
// not parsed), strptime (naive timestamps read as UTC, or with --offsets timestamps with their offsets), then a
// group_by of weekday × 30-minute slot of received_time with the count and the leads answered within 60
// minutes. Prints the cells as JSON on stdout. Usage: node scripts/heatmap-polars.mjs FILE [--offsets]
import pl from 'nodejs-polars';

const file = process.argv[2];
if (!file) throw new Error('usage: node scripts/heatmap-polars.mjs FILE [--offsets]');
const format = process.argv.includes('--offsets') ? '%Y-%m-%dT%H:%M:%S%z' : '%Y-%m-%d %H:%M:%S';
const ms = (column) => pl.col(column).str.strptime(pl.Datetime('ms'), format);
const delay = pl.col('contact').dt.timestamp().sub(pl.col('created').dt.timestamp());
const cells = pl
  .scanCSV(file, { inferSchemaLength: 0 })
  .select(ms('received_time').alias('created'), ms('first_contact_time').alias('contact'))
  .select(
    // ISO weekday 1–7, Monday 1.
    pl.col('created').dt.weekday().cast(pl.Int32).sub(1).alias('weekday'),
    // The 30-minute slot: two a hour.
    pl.col('created').dt.hour().cast(pl.Int32).mul(2).add(pl.col('created').dt.minute().gtEq(30).cast(pl.Int32)).alias('slot'),
    delay.gtEq(0).and(delay.ltEq(3_600_000)).fillNull(false).alias('within'),
  )
  .groupBy(['weekday', 'slot'])
  .agg(pl.len().alias('total'), pl.col('within').sum().alias('withinSla'))
  .sort(['weekday', 'slot'])
  .collectSync()
  .toRecords()
  .map((r) => ({
    weekday: Number(r.weekday),
    slot: Number(r.slot),
    total: Number(r.total),
    withinSla: Number(r.withinSla),
    pctWithinSla: (Number(r.withinSla) / Number(r.total)) * 100,
  }));
process.stdout.write(`${JSON.stringify(cells)}\n`);
