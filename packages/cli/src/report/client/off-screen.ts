/**
 * Work for a part of the page that is off screen when a control changes (the response figures, the appointments,
 * the needs-attention rows below the visible ones): done at the browser's next idle moment, or as soon as the part
 * comes near the viewport, or at once when its result is asked for (a download, printing). The frame after a change
 * then holds only what is on screen, and the page's final state is what drawing everything at once gives.
 * While a part's work is pending its element says `aria-busy="true"` (assistive technologies wait for it;
 * the browser tests and scripts/measure-dashboard.mjs wait until no element says so).
 *
 * @module
 */

/** The queue of work waiting while its part of the page is off screen. */
export interface OffScreen {
  /**
   * Runs `work` now when `part` is on screen or near it (or when that is not known yet), otherwise queues it for
   * the next idle moment. Work queued for `part` before and not yet run is dropped: the new work replaces it.
   */
  run(part: Element, work: () => void): void;
  /** Queues `work` for `part` for the next idle moment even when `part` is on screen (the rest of a long list). */
  later(part: Element, work: () => void): void;
  /** Drops the work queued for `part` (what it would draw is no longer wanted). */
  cancel(part: Element): void;
  /** Follows whether `part` is near the viewport from now on (so that the first change already knows). */
  watch(part: Element): void;
  /** Runs the work queued for `part` now, and what that work queues for it again (every part's without one). */
  flush(part?: Element): void;
}

/** How far outside the viewport a part counts as near it: half a viewport's height. */
const NEAR = '50% 0px 50% 0px';

export function offScreen(): OffScreen {
  const queued = new Map<Element, () => void>();
  // Parts seen by the observer: near the viewport (true) or not (false); a part never seen counts as near.
  const near = new Map<Element, boolean>();
  const observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              near.set(entry.target, entry.isIntersecting);
              if (entry.isIntersecting) runQueued(entry.target);
            }
          },
          { rootMargin: NEAR },
        )
      : null;
  const idle = window.requestIdleCallback?.bind(window) ?? ((work: () => void) => window.setTimeout(work, 1) as unknown as number);
  let scheduled = false;

  function runQueued(part: Element): void {
    const work = queued.get(part);
    if (work === undefined) return;
    queued.delete(part);
    part.removeAttribute('aria-busy');
    work();
  }
  // One part's work per idle moment, so that input is handled between two of them.
  function schedule(): void {
    if (scheduled || queued.size === 0) return;
    scheduled = true;
    idle(
      () => {
        scheduled = false;
        const first = queued.keys().next();
        if (!first.done) runQueued(first.value);
        schedule();
      },
      { timeout: 1000 },
    );
  }
  function later(part: Element, work: () => void): void {
    queued.set(part, work);
    part.setAttribute('aria-busy', 'true');
    schedule();
  }
  function watch(part: Element): void {
    if (observer && !near.has(part)) {
      near.set(part, true);
      observer.observe(part);
    }
  }
  return {
    run(part, work) {
      watch(part);
      if (near.get(part) === false) later(part, work);
      else {
        queued.delete(part);
        part.removeAttribute('aria-busy');
        work();
      }
    },
    later,
    watch,
    cancel(part) {
      queued.delete(part);
      part.removeAttribute('aria-busy');
    },
    flush(part) {
      if (part) while (queued.has(part)) runQueued(part);
      else for (let next = queued.keys().next(); !next.done; next = queued.keys().next()) runQueued(next.value);
    },
  };
}
