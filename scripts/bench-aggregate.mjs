// Child of bench.mjs: loads the export into memory as plain lead objects, then times aggregateBySlot.
import { readFileSync } from 'node:fs';
import { aggregateBySlot } from '@panopticon/core';

const [file, runsText = '3'] = process.argv.slice(2);
const lines = readFileSync(file, 'utf8').split('\n');
const leads = [];
for (let i = 1; i < lines.length; i++) {
  const line = lines[i];
  if (!line) continue;
  const [, received, contact, rep, team] = line.split(',');
  leads.push({
    createdAt: new Date(`${received.replace(' ', 'T')}Z`),
    firstContactAt: contact ? new Date(`${contact.replace(' ', 'T')}Z`) : null,
    locator: rep,
    team,
  });
}
const times = [];
for (let i = 0; i < Number(runsText) + 1; i++) {
  const start = performance.now();
  aggregateBySlot(leads, { timeZone: 'UTC' });
  if (i > 0) times.push(performance.now() - start); // the first run warms the JIT
}
times.sort((a, b) => a - b);
const heap = process.memoryUsage().heapUsed / 1024 / 1024;
console.log(
  `aggregateBySlot, ${leads.length.toLocaleString('en-US')} leads in memory   ${times[Math.floor(times.length / 2)].toFixed(0)} ms   (heap with leads ${heap.toFixed(0)} MB)`,
);
