#!/usr/bin/env node
// The response heatmap of a response-time export in DuckDB, for `npm run bench:compare`: read_csv, then a
// GROUP BY weekday × 30-minute slot of received_time (UTC, naive timestamps), with the count, the leads
// answered within 60 minutes and their percentage. Prints the cells as JSON on stdout.
// Usage: node scripts/heatmap-duckdb.mjs FILE
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
if (!file) throw new Error('usage: node scripts/heatmap-duckdb.mjs FILE');
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const path = file.replaceAll("'", "''");
const reader = await connection.runAndReadAll(`
  WITH leads AS (
    SELECT received_time AS created, first_contact_time AS contact
    FROM read_csv('${path}', header = true, columns = {
      'lead_id': 'VARCHAR', 'received_time': 'TIMESTAMP', 'first_contact_time': 'TIMESTAMP', 'rep': 'VARCHAR', 'team': 'VARCHAR'
    })
  )
  SELECT isodow(created) - 1 AS weekday,
         (hour(created) * 60 + minute(created)) // 30 AS slot,
         count(*) AS total,
         count(*) FILTER (WHERE contact >= created AND epoch_ms(contact) - epoch_ms(created) <= 3600000) AS within,
         within::DOUBLE / total * 100 AS pct
  FROM leads
  GROUP BY ALL
  ORDER BY weekday, slot`);
const cells = reader.getRowObjects().map((r) => ({
  weekday: Number(r.weekday),
  slot: Number(r.slot),
  total: Number(r.total),
  withinSla: Number(r.within),
  pctWithinSla: Number(r.pct),
}));
process.stdout.write(`${JSON.stringify(cells)}\n`);
