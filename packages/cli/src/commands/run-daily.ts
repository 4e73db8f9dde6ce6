import { WEEKDAY_NAMES, localDayNumber, weekdayOfDayNumber } from '@panopticon/core';
import { fileSnapshotStore } from '@panopticon/zoho-adapter';
import { AS_OF_OPTION, HELP_OPTION, INPUT_OPTIONS, helpText, type OptionSpecs, type ParsedValues } from '../args.js';
import { runDigest, type DigestSettings } from '../digest/run.js';
import { runWeekly } from '../digest/run-weekly.js';
import { lockDigest } from '../digest/state.js';
import { CliError } from '../errors.js';
import type { Io } from '../io.js';
import { formatInstant } from './follow-up-options.js';
import type { Command } from './command.js';
import { DIGEST_OPTIONS, digestSettings } from './digest.js';
import { PAGE_OPTIONS, reportCommand } from './report.js';
import { syncCommand } from './sync.js';

const OPTIONS: OptionSpecs = {
  ...INPUT_OPTIONS,
  ...AS_OF_OPTION,
  ...PAGE_OPTIONS,
  ...DIGEST_OPTIONS,
  ...HELP_OPTION,
};

export const RUN_DAILY_HELP = helpText(
  'panopticon run-daily [data flags] [--zoho] [--out dashboard.html] [--state FILE] [--dry-run]',
  'The daily loop in one command, under one lock: sync from Zoho (with --zoho, unless --offline), write the page,\n' +
    'send the digest (and, on the weekday digest.weekly.day, the weekly report); one summary line per step. If the\n' +
    'sync fails, the page and the digest still come from the last good snapshot, marked as stale data with its age,\n' +
    'and the run ends non-zero. --dry-run still writes the page; it sends nothing.',
  OPTIONS,
  'Exit codes: 0 every step succeeded, 1 a step failed, 2 usage. Recipes for cron, systemd, GitHub Actions and the\n' +
    'Windows Task Scheduler: docs/daily.md.',
);

interface RunDailySettings {
  digest: DigestSettings;
  /** The flags `sync` is given (with --zoho and syncing). */
  syncValues?: ParsedValues;
}

function runDailySettings(values: ParsedValues, io: Io): RunDailySettings {
  const digest = digestSettings(values, io);
  const syncing = digest.source.kind === 'zoho' && digest.source.sync;
  const pick = ['zoho', 'store', 'config', 'owner-history', 'tz'] as const;
  const syncValues = Object.fromEntries(pick.filter((k) => values[k] !== undefined).map((k) => [k, values[k]]));
  return { digest, ...(syncing ? { syncValues } : {}) };
}

export const runDailyCommand: Command<RunDailySettings> = {
  options: OPTIONS,
  help: RUN_DAILY_HELP,
  settings: runDailySettings,
  run: runDaily,
};

async function runDaily(settings: RunDailySettings, io: Io): Promise<number> {
  const summary: string[] = [];
  const release = await lockDigest(settings.digest.state, (m) => io.err(`${m}\n`));
  try {
    let digest = settings.digest;
    let staleData: string | undefined;
    if (settings.syncValues && digest.source.kind === 'zoho') {
      const failure = await step(() => syncCommand.run(syncCommand.settings(settings.syncValues!, io), io));
      summary.push(`sync: ${failure ?? 'done'}`);
      if (failure) staleData = await snapshotAge(digest.source.store, digest, io);
      // The page and the digest read the snapshot just written (or the last good one).
      digest = { ...digest, source: { ...digest.source, sync: false } };
    }
    const page = await step(() => reportCommand.run(digest, io));
    summary.push(`page: ${page ?? `written to ${digest.out}`}`);
    const sent = await step(() => runDigest(digest, io, { locked: true, ...(staleData ? { staleData } : {}) }));
    summary.push(`digest: ${sent ?? 'done'}`);
    // The weekly response report, on the configured weekday of --as-of.
    const weeklyDay = digest.digest?.weekly?.day;
    if (weeklyDay !== undefined && WEEKDAY_NAMES[weekdayOfDayNumber(localDayNumber(digest.asOf, digest.timeZone))] === weeklyDay) {
      const weekly = await step(() => runWeekly(digest, io, staleData ? { staleData } : {}));
      summary.push(`weekly: ${weekly ?? 'done'}`);
    }
    for (const line of summary) io.out(`run-daily: ${line}\n`);
    return summary.some((l) => l.includes('failed')) ? 1 : 0;
  } finally {
    await release();
  }
}

/** Runs a step; resolves to undefined when it succeeded, else "failed (…)" (its message is already on stderr, or put there). */
async function step(run: () => Promise<number>): Promise<string | undefined> {
  try {
    const code = await run();
    return code === 0 ? undefined : `failed (exit ${code})`;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return `failed: ${error.message.split('\n')[0]}`;
  }
}

/** "the Zoho sync failed; the figures come from the snapshot of 2026-12-03 06:00 (26 hours old)". */
async function snapshotAge(store: string, settings: DigestSettings, io: Io): Promise<string> {
  const snapshot = await fileSnapshotStore(store)
    .read()
    .catch(() => null);
  if (!snapshot) return 'the Zoho sync failed and there is no earlier snapshot.';
  const at = new Date(snapshot.lastSyncAt);
  const hours = Math.round((io.now().getTime() - at.getTime()) / 3_600_000);
  return `the Zoho sync failed; the figures come from the snapshot of ${formatInstant(at, settings.timeZone)} (${hours} hours old).`;
}
