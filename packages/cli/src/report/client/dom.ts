/**
 * Small DOM and formatting helpers of the dashboard's script. The script never writes markup from data:
 * text goes in through `textContent` only.
 *
 * @module
 */

/** An element of the page by id, or `null` when this page has none. */
export function findById<T extends HTMLElement = HTMLElement>(id: string): T | null {
  return document.getElementById(id) as T | null;
}

/** An element the page always has (page.ts writes it): its absence is a bug, reported as such. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = findById<T>(id);
  if (node === null) throw new Error(`The dashboard has no #${id}.`);
  return node;
}

/**
 * Controls the page always has, by name: each the element of id `prefix` + its name in kebab case
 * (`aFrom` → `v-a-from`), typed by the tag given for it (`'select'` → HTMLSelectElement).
 */
export function controlsById<M extends Record<string, keyof HTMLElementTagNameMap>>(
  prefix: string,
  tags: M,
): { [K in keyof M]: HTMLElementTagNameMap[M[K]] } {
  const controls: Record<string, HTMLElement> = {};
  for (const name of Object.keys(tags)) controls[name] = byId(prefix + name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()));
  return controls as { [K in keyof M]: HTMLElementTagNameMap[M[K]] };
}

/** An element with an optional class and text (`null` or `undefined` text: none). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string | null,
  text?: string | null,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/** Counts as the page builder writes them (tiles.ts's formatCount): 12,345. */
export const fmt = new Intl.NumberFormat('en-US');

/** Text order for names, locators and stages: case-insensitive, digits by value. */
export const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** "1 lead", "3 leads", "2 leads need" (`many` when the plural is not `one` + "s"). */
export function plural(n: number, one: string, many?: string): string {
  return fmt.format(n) + ' ' + (n === 1 ? one : many || one + 's');
}

/** The `aria-sort` value of a column sorted in direction `dir` (1 ascending, -1 descending). */
export function ariaSort(dir: 1 | -1): 'ascending' | 'descending' {
  return dir === 1 ? 'ascending' : 'descending';
}

/**
 * A lead's name and id as a button that opens its dialog (client/lead-dialog.ts): the id is shortened on
 * screen by the style sheet (`.id`), in full in its tooltip and in the dialog.
 */
export function leadButton(id: string, name: string): HTMLButtonElement {
  const button = el('button', 'linkish lead-link', name + ' ');
  button.type = 'button';
  button.setAttribute('data-lead', id);
  const tag = el('span', 'id', '#' + id);
  tag.title = 'Lead #' + id;
  button.appendChild(tag);
  return button;
}

/**
 * Makes `wanted` the children of `parent`, in that order, moving as few nodes as it can: a node already in
 * place stays attached. The browser keeps the layout of a row that stays, so narrowing a long table by a
 * filter (the rows kept are in the same order) lays out only the rows that come in, where `replaceChildren`
 * would detach and lay out every row again.
 */
export function placeChildren(parent: Node, wanted: readonly Node[]): void {
  const keep = new Set(wanted);
  let at = parent.firstChild;
  for (const node of wanted) {
    while (at !== null && !keep.has(at)) {
      const next = at.nextSibling;
      parent.removeChild(at);
      at = next;
    }
    if (at === node) at = at.nextSibling;
    else parent.insertBefore(node, at);
  }
  while (at !== null) {
    const next = at.nextSibling;
    parent.removeChild(at);
    at = next;
  }
}
