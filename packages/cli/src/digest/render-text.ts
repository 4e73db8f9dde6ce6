/**
 * The digest as plain text: the email's text part, `--format text` and `--dry-run`.
 *
 * @module
 */
import type { DigestLayout } from './sections.js';
import { showChange, showKpi } from './sections.js';

/** At most this many leads per section in an email; the rest are counted ("and 12 more"). */
export const EMAIL_ITEMS_PER_SECTION = 200;

export function renderText(layout: DigestLayout, maxItems = EMAIL_ITEMS_PER_SECTION): string {
  const lines = [layout.subject, '', ...layout.intro];
  if (layout.kpis) {
    lines.push('', 'Headline figures (now, change since the last digest):');
    const width = Math.max(...layout.kpis.map((k) => k.label.length));
    for (const k of layout.kpis)
      lines.push(`  ${k.label.padEnd(width)}  ${showKpi(k.now, k.unit).padStart(6)}  ${showChange(k)}`.trimEnd());
  }
  for (const section of layout.sections) {
    lines.push('', `${section.title} (${section.items.length})`);
    for (const item of section.items.slice(0, maxItems)) {
      lines.push(`  - ${item.name} (${item.leadId}), ${item.who}: ${item.what}`);
      if (item.todo) lines.push(`    What to do: ${item.todo}`);
      const facts = [item.facts, item.link].filter(Boolean).join(' · ');
      if (facts) lines.push(`    ${facts}`);
    }
    if (section.items.length > maxItems) lines.push(`  … and ${section.items.length - maxItems} more`);
  }
  lines.push('', ...layout.outro);
  return `${lines.join('\n')}\n`;
}
