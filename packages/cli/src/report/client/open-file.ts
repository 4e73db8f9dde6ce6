/**
 * "Open a file" and drag-and-drop: another export (a leads CSV, optionally its stage and owner histories and a
 * staff schedule) read and analysed in the page by core's own CSV reader (`loadFiles` of
 * `@panopticon/core/files`, bundled: the same parser, rules and data-quality report as `panopticon`), with
 * no network request: files are read as their bytes and never sent anywhere. The bytes, not `File.text()`, go to the
 * reader, so that it detects a file's encoding (UTF-16, Windows-1252) and content (gzip, ZIP, a workbook) as the CLI does:
 * `File.text()` decodes as UTF-8 and would replace a Windows-1252 export's accents without a word. The analysis controls then
 * recompute the response figures from its leads, and the panel lists the reader's data-quality issues.
 *
 * @module
 */
import { formatIssue } from '@panopticon/core';
import { REQUIRED_CSV_COLUMNS, loadFiles, type CsvFileKind } from '@panopticon/core/files';
import type { PageData } from '../page-data.js';
import { el, findById, fmt, plural } from './dom.js';
import type { ResponseView } from './response-view.js';

/** Issues listed at most (the reader keeps the first 100 of each code and counts the rest). */
const LISTED = 200;

/**
 * The text of a file's first bytes, for {@link csvKindOf}: UTF-16 by its byte-order mark, else UTF-8 (a header in Windows-1252 is ASCII
 * but for accented names, which tell no kind). Compressed or other binary content gives no header, and is taken for leads.
 */
export function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 1 << 16);
  const encoding = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(head);
}

/** Which file a CSV is, by the columns its header names (schedule, histories, else leads). */
export function csvKindOf(text: string): CsvFileKind {
  const header = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').toLowerCase();
  const names = new Set(header.split(/[,;\t|]/).map((n) => n.trim().replace(/^"|"$/g, '')));
  const has = (kind: CsvFileKind) => (REQUIRED_CSV_COLUMNS[kind] as readonly string[]).every((c) => names.has(c));
  if (has('schedule')) return 'schedule';
  if (!names.has('received_time') && has('stageHistory')) return 'stageHistory';
  if (!names.has('received_time') && has('ownerHistory')) return 'ownerHistory';
  return 'leads';
}

export function setUpOpenFile(data: PageData, response: ResponseView): void {
  const input = findById<HTMLInputElement>('open-file');
  const zone = findById('open-zone');
  const result = findById('open-result');
  if (!input || !zone || !result) return;
  input.disabled = false;

  async function open(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    const texts: Partial<Record<CsvFileKind, { name: string; bytes: Uint8Array }>> = {};
    const problems: string[] = [];
    for (const file of files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const kind = csvKindOf(headText(bytes));
      if (texts[kind]) problems.push(`${file.name} and ${texts[kind]!.name} are both ${kind} files; ${file.name} is not read.`);
      else texts[kind] = { name: file.name, bytes };
    }
    const leads = texts.leads;
    if (!leads) {
      show(
        [
          el('strong', null, 'No leads file: '),
          'open a CSV with lead_id and received_time columns (and, with it, its histories or schedule).',
        ],
        [],
      );
      return;
    }
    const labels: Partial<Record<CsvFileKind, string>> = {};
    for (const [kind, entry] of Object.entries(texts)) labels[kind as CsvFileKind] = entry.name;
    try {
      // `format: 'csv'` is what the page knows: the reader tells gzip, a ZIP or a workbook by its first bytes.
      const input = (entry: { name: string; bytes: Uint8Array }) => ({ bytes: entry.bytes, format: 'csv' as const, label: entry.name });
      const loaded = await loadFiles({
        leads: input(leads),
        ...(texts.stageHistory ? { stageHistory: input(texts.stageHistory) } : {}),
        ...(texts.ownerHistory ? { ownerHistory: input(texts.ownerHistory) } : {}),
        ...(texts.schedule ? { schedule: input(texts.schedule) } : {}),
        timeZone: data.timeZone,
        pipeline: data.controls.pipeline,
        fileLabel: labels,
      });
      const teams = [...new Set(loaded.leads.flatMap((l) => (l.team ? [l.team] : [])))].sort();
      const redrawn = response.replaceRows({ leads: loaded.leads, schedule: loaded.schedule ?? null, teams });
      const issues = [...(loaded.cannotJudge ?? []).map((c) => `error: ${c.message}`), ...loaded.issues.map(formatIssue), ...problems];
      const found = (loaded.issueSummary?.found ?? loaded.issues.length) + (loaded.cannotJudge?.length ?? 0) + problems.length;
      const read = Object.values(labels).join(', ');
      show(
        [
          el('strong', null, read),
          `: ${plural(loaded.leads.length, 'lead')} from ${plural(loaded.stats.rows, 'row')} read, ${fmt.format(loaded.stats.rejected)} rejected; ` +
            (found === 0
              ? 'no data-quality issues. '
              : `${plural(found, 'data-quality issue')}${found > issues.length ? ` (the first ${fmt.format(issues.length)} listed)` : ''}. `) +
            (redrawn
              ? 'The response figures and the analysis controls now show this export, as of the report’s instant; the other panels still show the report’s data.'
              : 'The analysis controls are fixed on this page, so the figures still show the report’s data.'),
        ],
        issues,
      );
    } catch (error) {
      show([el('strong', null, 'Could not read the file: '), error instanceof Error ? error.message : String(error)], problems);
    }
  }

  function show(summary: (Node | string)[], issues: readonly string[]): void {
    const list = el('ul', 'issues');
    for (const issue of issues.slice(0, LISTED)) list.appendChild(el('li', issue.startsWith('error') ? 'error' : 'warning', issue));
    result!.replaceChildren(el('p', null), ...(issues.length ? [list] : []));
    result!.firstElementChild!.append(...summary);
    result!.hidden = false;
  }

  input.addEventListener('change', () => void open(Array.from(input.files ?? [])));
  // Dropped files anywhere on the page are opened (and never navigated to).
  document.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    zone.classList.add('dragging');
  });
  document.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  document.addEventListener('drop', (event) => {
    if (!event.dataTransfer?.files.length) return;
    event.preventDefault();
    zone.classList.remove('dragging');
    void open(Array.from(event.dataTransfer.files));
  });
}
