/**
 * The view in the URL hash, so reloading the page or sending its link restores it: the needs-attention
 * filters and sort, the open lead, the appointment range, and the analysis controls (slot length, SLA, clock,
 * team, the two periods; only where they differ from the page as written). Written with `history.replaceState` after every
 * change; read once at start. The hash is data only: each value is set as a control's `value` (a select
 * ignores a value it has no option for), a sort key is checked against the known ones, a lead id is looked
 * up among the page's leads, an analysis setting is checked by the controls (response-view.ts) and an invalid one
 * left as the page has it; nothing from it is ever written as markup or run.
 *
 * @module
 */
import { isAttentionSortKey } from './attention-order.js';
import type { AttentionView } from './attention.js';
import { byId, findById } from './dom.js';
import type { LeadDialog } from './lead-dialog.js';
import type { ResponseSettings, ResponseView } from './response-view.js';

/** The filter controls kept in the hash, by their key there. */
const FILTERS = { reason: 'f-reason', locator: 'f-locator', stage: 'f-stage', from: 'f-from', to: 'f-to', q: 'f-q' } as const;
const RANGES = ['today', 'week', 'month', 'custom'];

type Views = { attention: AttentionView; dialog: LeadDialog; response: ResponseView };

/** A period in the hash: "2026-03-01~2026-03-31". */
const periodText = (p: { from: string; to: string }) => p.from + '~' + p.to;
function periodOf(text: string | null): { from: string; to: string } | undefined {
  if (text === null) return undefined;
  const [from, to, extra] = text.split('~');
  return from !== undefined && to !== undefined && extra === undefined ? { from, to } : undefined;
}

export function setUpUrlState(views: Views): { write(): void } {
  restore(views);
  let pending = false;
  const writeNow = () => {
    pending = false;
    const hash = encode(views);
    if (hash !== location.hash.slice(1)) history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
  };
  // After the change's own handlers ran (the table redrawn, the dialog opened), at the browser's next idle
  // moment: replacing the history entry takes tens of milliseconds the frame after a change need not wait for.
  const idle = window.requestIdleCallback?.bind(window) ?? ((work: () => void) => window.setTimeout(work, 1));
  const write = () => {
    if (pending) return;
    pending = true;
    idle(() => pending && writeNow(), { timeout: 1000 });
  };
  const flush = () => {
    if (pending) writeNow();
  };
  window.addEventListener('pagehide', flush);
  for (const type of ['change', 'input', 'click', 'close']) document.addEventListener(type, write, true);
  // The section links scroll without replacing the state in the hash.
  document.querySelectorAll<HTMLAnchorElement>('nav a[href^="#"]').forEach((a) => {
    a.addEventListener('click', (event) => {
      const target = findById(a.getAttribute('href')!.slice(1));
      if (!target) return;
      event.preventDefault();
      target.scrollIntoView({ block: 'start' });
    });
  });
  setUpCopyLink(write, flush);
  return { write };
}

/** The current view as `key=value&…` (empty: the page as written). */
function encode(views: Views): string {
  const params = new URLSearchParams();
  for (const [key, id] of Object.entries(FILTERS)) {
    const value = byId<HTMLInputElement | HTMLSelectElement>(id).value;
    if (value) params.set(key, value);
  }
  const sort = views.attention.sort();
  if (sort.key) params.set('sort', (sort.dir === -1 ? '-' : '') + sort.key);
  const range = document.querySelector('button[data-range][aria-pressed="true"]')?.getAttribute('data-range');
  if (range && range !== 'week') params.set('range', range);
  if (range === 'custom') {
    const from = byId<HTMLInputElement>('cal-from').value;
    const to = byId<HTMLInputElement>('cal-to').value;
    if (from) params.set('rangeFrom', from);
    if (to) params.set('rangeTo', to);
  }
  const now = views.response.settings();
  const initial = views.response.initial();
  if (now.slot !== initial.slot) params.set('slot', String(now.slot));
  if (now.sla !== initial.sla) params.set('sla', String(now.sla));
  if (now.clock !== initial.clock) params.set('clock', now.clock);
  if (now.team !== initial.team) params.set('team', now.team);
  if (periodText(now.a) !== periodText(initial.a)) params.set('a', periodText(now.a));
  if (periodText(now.b) !== periodText(initial.b)) params.set('b', periodText(now.b));
  const lead = views.dialog.current();
  if (lead !== null) params.set('lead', lead);
  return params.toString();
}

/** Sets the controls from the hash (a hash without `=` is a section link, not a view). */
function restore(views: Views): void {
  const hash = location.hash.slice(1);
  if (!hash.includes('=')) return;
  const params = new URLSearchParams(hash);
  // The analysis controls first: the team narrows the lists the filters below apply to.
  const settings: Partial<ResponseSettings> = {};
  const slot = params.get('slot');
  const sla = params.get('sla');
  const clock = params.get('clock');
  const team = params.get('team');
  if (slot !== null) settings.slot = Number(slot);
  if (sla !== null) settings.sla = Number(sla);
  if (clock === 'wall' || clock === 'business') settings.clock = clock;
  if (team !== null) settings.team = team;
  const a = periodOf(params.get('a'));
  const b = periodOf(params.get('b'));
  if (a) settings.a = a;
  if (b) settings.b = b;
  if (Object.keys(settings).length > 0) views.response.apply(settings);
  let filtered = false;
  for (const [key, id] of Object.entries(FILTERS)) {
    const value = params.get(key);
    if (value === null) continue;
    byId<HTMLInputElement | HTMLSelectElement>(id).value = value;
    filtered = true;
  }
  if (filtered) byId('f-q').dispatchEvent(new Event('input'));
  const sort = params.get('sort');
  if (sort) {
    const key = sort.replace(/^-/, '');
    if (isAttentionSortKey(key)) views.attention.setSort(key, sort.startsWith('-') ? -1 : 1);
  }
  const range = params.get('range');
  if (range && RANGES.includes(range)) {
    if (range === 'custom') {
      byId<HTMLInputElement>('cal-from').value = params.get('rangeFrom') ?? '';
      byId<HTMLInputElement>('cal-to').value = params.get('rangeTo') ?? '';
    }
    document.querySelector<HTMLButtonElement>(`button[data-range="${range}"]`)?.click();
  }
  const lead = params.get('lead');
  if (lead !== null) views.dialog.open(lead, null);
}

/** "Copy link": the page's address with its view; shown to copy by hand when the clipboard is refused. */
function setUpCopyLink(write: () => void, flush: () => void): void {
  const button = findById('copy-link');
  const status = findById('copy-status');
  if (!button || !status) return;
  button.addEventListener('click', () => {
    write();
    setTimeout(() => {
      flush();
      const link = location.href;
      const shown = byId<HTMLInputElement>('copy-text');
      shown.value = link;
      const done = (copied: boolean) => {
        status.textContent = copied ? 'Link copied.' : 'Copy this link:';
        shown.hidden = copied;
        if (!copied) shown.select();
      };
      if (navigator.clipboard?.writeText)
        navigator.clipboard.writeText(link).then(
          () => done(true),
          () => done(false),
        );
      else done(false);
    }, 0);
  });
}
