import { UNASSIGNED_LOCATOR, greenToDelivery } from '@panopticon/core';
import type { OptionSpecs } from '../args.js';
import { renderJson, renderTable } from '../format.js';
import { GREEN_TO_DELIVERY_CSV_COLUMNS, greenToDeliveryCsvCells } from '../green-to-delivery-rows.js';
import type { Io } from '../io.js';
import { loadInputs } from '../inputs.js';
import type { Settings } from '../settings/resolve.js';
import { isTabularFormat, writeTabular } from '../table-output.js';
import { dataCommand } from './data-command.js';
import { FOLLOW_UP_INPUT_OPTIONS, followUpOptions, formatInstant } from './follow-up-options.js';

const OPTIONS: OptionSpecs = { ...FOLLOW_UP_INPUT_OPTIONS };

export const greenToDeliveryCommand = dataCommand(
  {
    name: 'green-to-delivery',
    options: OPTIONS,
    usage:
      'panopticon green-to-delivery [--leads FILE] [--history FILE] [--pipeline FILE] [--as-of DATE] [--tz ZONE] [--day-count calendar|business] [--format table|json|csv|ndjson|parquet|arrow] [--out FILE]',
    summary:
      'How long approved leads wait for delivery: every lead that entered a green stage by --as-of, when, when it\n' +
      'first entered delivery or won after that, and the days between (to --as-of while it waits; stuck = waiting\n' +
      'past the stuck-in-green threshold). The dashboard\'s "Green → delivery" figure shows the same leads.',
    json:
      'JSON output: { asOf, timeZone, completed, pending, medianDays, p90Days, rows: [{ leadId, name, locator, stage,\n' +
      'category, greenAt, deliveryAt, days, stuck, done }] } (medianDays and p90Days of the completed rows; null when none).',
  },
  run,
);

async function run(settings: Settings, io: Io): Promise<number> {
  const { format, asOf, timeZone } = settings;
  const { leads } = await loadInputs(settings, io);
  const green = greenToDelivery(leads, followUpOptions(settings));
  if (format === 'json') io.out(renderJson({ asOf: asOf.toISOString(), timeZone, ...green }));
  else if (isTabularFormat(format))
    await writeTabular(
      { ...settings, format },
      io,
      'green-to-delivery',
      GREEN_TO_DELIVERY_CSV_COLUMNS,
      green.rows.map(greenToDeliveryCsvCells),
    );
  else if (green.rows.length === 0) io.out(`No lead reached green by ${formatInstant(asOf, timeZone)}.\n`);
  else {
    const days = (d: number | null) => (d === null ? 'none completed' : d.toFixed(1));
    io.out(
      `Green → delivery as of ${formatInstant(asOf, timeZone)} (${timeZone}): ${green.completed} delivered (median ${days(green.medianDays)} days, ` +
        `90 % within ${days(green.p90Days)}), ${green.pending} pending\n\n` +
        renderTable(
          ['lead', 'name', 'locator', 'stage', 'green', 'delivery', 'days', 'stuck'],
          green.rows.map((r) => [
            r.leadId,
            r.name,
            r.locator ?? UNASSIGNED_LOCATOR,
            r.stage,
            formatInstant(r.greenAt, timeZone),
            r.deliveryAt ? formatInstant(r.deliveryAt, timeZone) : '',
            r.days,
            r.stuck ? 'stuck' : '',
          ]),
        ),
    );
  }
  return 0;
}
