/**
 * The needs-attention table: its rows come from the JSON block (page.ts writes only a placeholder row).
 * Filters apply on every change; a column heading sorts (again to reverse); a count says how many rows
 * are shown; long lists are drawn 500 rows at a time; a locator's chip or scorecard name lists their leads.
 *
 * @module
 */
import type { AttentionTuple, PageData } from '../page-data.js';
import { attentionOrders, firstDirection, isAttentionSortKey, type AttentionSortKey } from './attention-order.js';
import { attentionRow } from './attention-row.js';
import { clearFilters, filterControls, rowFilter } from './attention-filter.js';
import { ariaSort, byId, el, findById, fmt, placeChildren, plural } from './dom.js';
import type { OffScreen } from './off-screen.js';

/** Rows drawn at a time: a row at the end offers more, so the page opens fast however long the list. */
const PAGE = 500;
/** No row is shorter (a line of 13.5 px text and its padding are over 30 px): how many rows can be on screen, at most. */
const MIN_ROW_PX = 24;
/**
 * The rows below the visible ones are drawn this many at a time when the browser is idle (off-screen.ts): each
 * chunk lays the whole table out again, so the rows of a page are drawn in one.
 */
const CHUNK = PAGE;

/** The needs-attention rows that pass the filters, in the order shown. */
export interface AttentionView {
  shown(): AttentionTuple[];
  /** The sort column and direction (`null` = the order of `panopticon attention`). */
  sort(): { key: AttentionSortKey | null; dir: 1 | -1 };
  /** Sorts by a column (as its heading's clicks would), or back to the list's own order. */
  setSort(key: AttentionSortKey | null, dir: 1 | -1): void;
}

export function setUpAttention(
  data: PageData,
  teams: { onTeam(listener: (team: string) => void): void },
  offScreen: OffScreen,
): AttentionView {
  const rows = data.attention;
  const table = findById<HTMLTableElement>('att-table');
  if (!table || rows.length === 0) return { shown: () => [], sort: () => ({ key: null, dir: 1 }), setSort: () => {} };
  const tbody = table.tBodies[0]!;
  const drawn: (HTMLTableRowElement | undefined)[] = new Array(rows.length);
  const controls = filterControls();
  const orders = attentionOrders(rows, data.reasonOrder);
  const sort: { key: AttentionSortKey | null; dir: 1 | -1 } = { key: null, dir: 1 };
  let team = '';
  const countEl = byId('att-count');
  const chips = document.querySelectorAll('.chip[data-locator]');

  const emptyRow = el('tr', 'empty-row');
  const emptyCell = el('td', null, 'No lead matches these filters.');
  emptyCell.colSpan = 6;
  emptyRow.appendChild(emptyCell);

  let limit = PAGE;
  let list: number[] = [];
  const moreRow = el('tr', 'more-row');
  const moreCell = el('td');
  moreCell.colSpan = 6;
  const moreText = el('span');
  const moreButton = el('button', 'button', 'Show ' + PAGE + ' more');
  const allButton = el('button', 'button', 'Show all');
  moreButton.type = allButton.type = 'button';
  moreButton.addEventListener('click', () => {
    limit += PAGE;
    draw();
  });
  allButton.addEventListener('click', () => {
    limit = Infinity;
    draw();
  });
  moreCell.append(moreText, moreButton, allButton);
  moreRow.appendChild(moreCell);

  const rowOf = (j: number): HTMLTableRowElement => {
    const k = list[j]!;
    return drawn[k] ?? (drawn[k] = attentionRow(rows[k]!, data));
  };
  /**
   * How many rows can reach down to the lowest point of the table on screen (or to the bottom of its scroll box
   * when that is above the viewport, so the box keeps its height). Read before anything is written, so the layout
   * read is the last frame's.
   */
  function rowsToScreenBottom(): number {
    const box = table!.parentElement ?? table!;
    const bottom = Math.min(window.innerHeight, box.getBoundingClientRect().bottom) - tbody.getBoundingClientRect().top;
    return Math.max(0, Math.ceil(bottom / MIN_ROW_PX) + 1);
  }

  // While rows wait, the columns keep the widths they had (the table's columns are sized from all its rows, which
  // the frame of the change does not lay out): the rows on screen are drawn as they will stay, and the columns
  // take their widths for the new rows once all of them are drawn, as a table drawn at once would show them.
  const heads = Array.from(table.tHead!.rows[0]!.cells);
  let widthsHeld = false;
  function holdWidths(): void {
    if (widthsHeld) return;
    const widths = heads.map((th) => th.getBoundingClientRect().width);
    heads.forEach((th, i) => {
      th.style.boxSizing = 'border-box';
      th.style.width = widths[i] + 'px';
    });
    table!.style.tableLayout = 'fixed';
    widthsHeld = true;
  }
  function releaseWidths(): void {
    if (!widthsHeld) return;
    // The page writes no style attribute: none is left behind.
    for (const th of heads) th.removeAttribute('style');
    table!.removeAttribute('style');
    widthsHeld = false;
  }

  // The page opens with every row of the first page drawn (its first layout sizes the columns from all of them).
  let opened = false;
  /**
   * Draws the rows up to `limit`: after the page has opened, those that can be on screen now, the others (a long
   * table's rows below its visible part, every row of a table off screen) a chunk at a time when the browser is
   * idle; printing and a later change take over what is left (the rows end the same).
   */
  function draw(): void {
    const end = Math.min(list.length, limit);
    const now = opened ? Math.min(end, rowsToScreenBottom()) : end;
    if (now < end) holdWidths();
    const wanted: HTMLTableRowElement[] = new Array(now);
    for (let j = 0; j < now; j++) wanted[j] = rowOf(j);
    let trailing: HTMLTableRowElement | null = null;
    if (list.length === 0) trailing = emptyRow;
    else if (end < list.length) {
      moreText.textContent = plural(list.length - end, 'more lead') + ' not drawn yet. ';
      trailing = moreRow;
    }
    if (trailing) wanted.push(trailing);
    // Rows shown before and still shown stay attached (a filter keeps their order): only the others are laid out.
    placeChildren(tbody, wanted);
    let next = now;
    const chunk = (): void => {
      const stop = Math.min(end, next + CHUNK);
      const rest = document.createDocumentFragment();
      for (; next < stop; next++) rest.appendChild(rowOf(next));
      tbody.insertBefore(rest, trailing);
      if (next < end) offScreen.later(table!, chunk);
      else releaseWidths();
    };
    if (next < end) offScreen.later(table!, chunk);
    else {
      offScreen.cancel(table!);
      releaseWidths();
    }
    if (end === list.length) countEl.replaceChildren('Showing ', el('strong', null, fmt.format(end)), ' of ' + plural(rows.length, 'lead'));
    else
      countEl.replaceChildren(
        'Showing the first ',
        el('strong', null, fmt.format(end)),
        ' of ' +
          (list.length === rows.length
            ? plural(rows.length, 'lead')
            : plural(list.length, 'matching lead') + ' (' + fmt.format(rows.length) + ' in all)'),
      );
  }
  window.addEventListener('beforeprint', () => {
    if (limit < list.length) {
      limit = Infinity;
      draw();
    }
    offScreen.flush(table);
  });

  function apply(): void {
    const passes = rowFilter(controls, team);
    list = [];
    limit = PAGE;
    for (let i = 0; i < rows.length; i++) if (passes(rows[i]!)) list.push(i);
    if (sort.key) {
      const order = orders[sort.key];
      const dir = sort.dir;
      list.sort((a, b) => order(a, b, dir));
    }
    draw();
    const locator = controls.locator.value;
    for (const c of chips) c.setAttribute('aria-pressed', String(c.getAttribute('data-locator') === locator));
  }

  for (const k of ['reason', 'locator', 'stage', 'from', 'to'] as const) controls[k].addEventListener('change', apply);
  for (const k of ['from', 'to', 'q'] as const) controls[k].addEventListener('input', apply);
  byId('f-reset').addEventListener('click', () => {
    clearFilters(controls);
    apply();
  });

  function setSort(key: AttentionSortKey | null, dir: 1 | -1): void {
    sort.key = key;
    sort.dir = dir;
    for (const th of heads) {
      const own = th.querySelector('button[data-sort]')?.getAttribute('data-sort');
      th.setAttribute('aria-sort', key !== null && own === key ? ariaSort(dir) : 'none');
    }
    apply();
  }
  for (const th of heads) {
    const button = th.querySelector('button[data-sort]');
    if (!button) continue;
    button.addEventListener('click', () => {
      const key = button.getAttribute('data-sort');
      if (!isAttentionSortKey(key)) return;
      setSort(key, sort.key === key ? (sort.dir === 1 ? -1 : 1) : firstDirection(key));
    });
  }

  // Delegated: the scorecard's rows are redrawn when the team changes (client/scorecard-team.ts).
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.('button[data-locator]');
    if (!button) return;
    const value = button.getAttribute('data-locator') ?? '';
    const isChip = button.classList.contains('chip');
    const same = controls.locator.value === value && isChip;
    clearFilters(controls);
    controls.locator.value = same ? '' : value;
    apply();
    if (!isChip) byId('attention').scrollIntoView({ block: 'start' });
  });
  teams.onTeam((t) => {
    team = t;
    apply();
  });
  apply();
  opened = true;
  return { shown: () => list.map((i) => rows[i]!), sort: () => ({ key: sort.key, dir: sort.dir }), setSort };
}
