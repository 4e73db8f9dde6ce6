/**
 * Sortable tables drawn by the page builder (`table.sortable`: the locator scorecard). A click on a
 * column heading sorts the rows by the cells' `data-v` values (numbers for `th.num` columns, text
 * otherwise; the first click puts the largest number first); again reverses. Cells without a value go
 * last either way, and ties keep the drawn order.
 *
 * @module
 */
import { ariaSort, collator } from './dom.js';

export function setUpSortableTables(): void {
  document.querySelectorAll<HTMLTableElement>('table.sortable').forEach(makeSortable);
}

function makeSortable(table: HTMLTableElement): void {
  const heads = Array.from(table.tHead!.rows[0]!.cells);
  const body = table.tBodies[0]!;
  const state: { col: number; dir: 1 | -1 } = { col: -1, dir: 1 };
  heads.forEach((th, col) => {
    const button = th.querySelector('button');
    if (!button) return;
    button.addEventListener('click', () => {
      const num = th.classList.contains('num');
      state.dir = state.col === col ? (state.dir === 1 ? -1 : 1) : num ? -1 : 1;
      state.col = col;
      for (const other of heads) other.setAttribute('aria-sort', 'none');
      th.setAttribute('aria-sort', ariaSort(state.dir));
      const list = Array.from(body.rows).map((tr, i) => {
        const v = tr.cells[col]?.getAttribute('data-v') ?? null;
        return { tr, i, v: v === null || v === '' ? null : v };
      });
      list.sort((a, b) => {
        if (a.v === b.v) return a.i - b.i;
        if (a.v === null) return 1;
        if (b.v === null) return -1;
        const c = num ? Number(a.v) - Number(b.v) : collator.compare(a.v, b.v);
        return c === 0 ? a.i - b.i : c * state.dir;
      });
      const frag = document.createDocumentFragment();
      for (const x of list) frag.appendChild(x.tr);
      body.replaceChildren(frag);
    });
  });
}
