/**
 * One run of the weekly response report: to each of `digest.weekly.managers`, by email, with the heatmap
 * as an inline PNG; or printed (`--format`, `--dry-run`). It keeps no state: it reports the week that ends
 * with `--as-of` each time it runs (schedule it once a week).
 *
 * @module
 */
import { CliError } from '../errors.js';
import { renderJson } from '../format.js';
import type { Io } from '../io.js';
import { loadInputs } from '../inputs.js';
import { createDocument } from '../report/document.js';
import { DeliveryError, smtpSender } from './deliver-smtp.js';
import { digestMessages } from './messages.js';
import type { DigestRunOptions, DigestSettings } from './run.js';
import { computeWeekly, renderWeeklyHtml, renderWeeklyText, weeklyJson } from './weekly.js';

const HEATMAP_CID = 'heatmap@panopticon';

export async function runWeekly(settings: DigestSettings, io: Io, options: DigestRunOptions = {}): Promise<number> {
  const config = settings.digest;
  const managers = config?.weekly?.managers ?? [];
  const printing = settings.digestFormat !== undefined;
  if (!printing) {
    if (managers.length === 0) throw new CliError(digestMessages.noManagers(), 2);
    if (!config?.smtp) throw new CliError(digestMessages.noSmtp());
    if (!config.from) throw new CliError(digestMessages.noFrom());
  }
  const documentReady = createDocument();
  documentReady.catch(() => {}); // awaited below; an input error must not leave it unhandled
  const data = await loadInputs(settings, io);
  const report = await computeWeekly(data.leads, settings, await documentReady, {
    ...(config?.pageUrl ? { pageUrl: config.pageUrl } : {}),
    ...(options.staleData ? { staleData: options.staleData } : {}),
  });
  if (printing) {
    const { png, ...facts } = report;
    io.out(
      settings.digestFormat === 'json'
        ? renderJson({ ...weeklyJson(facts), pngBytes: png.byteLength })
        : settings.digestFormat === 'html'
          ? renderWeeklyHtml(report, `data:image/png;base64,${Buffer.from(png).toString('base64')}`)
          : renderWeeklyText(report),
    );
    return 0;
  }
  const text = renderWeeklyText(report);
  if (settings.dryRun) {
    for (const to of managers) io.out(`${digestMessages.wouldSend(to, report.subject)}\n`);
    io.out(`\n${text}`);
    return 0;
  }
  const sender = await smtpSender({
    smtp: config!.smtp!,
    from: config!.from!,
    timeoutMs: (config?.timeoutSeconds ?? 30) * 1000,
    env: io.env,
  });
  let failed = 0;
  try {
    const html = renderWeeklyHtml(report, `cid:${HEATMAP_CID}`);
    const inline = [{ filename: 'response-heatmap.png', content: report.png, cid: HEATMAP_CID, contentType: 'image/png' }];
    for (const to of managers) {
      try {
        await sender.send({ to, subject: report.subject, text, html, inline });
        io.out(`${digestMessages.sent(to, report.subject)}\n`);
      } catch (error) {
        if (!(error instanceof DeliveryError)) throw error;
        failed++;
        io.err(`${to}: not sent: ${error.message}\n`);
      }
    }
  } finally {
    sender.close();
  }
  return failed > 0 ? 1 : 0;
}
