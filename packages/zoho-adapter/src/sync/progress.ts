/** The counters of a running sync, and the progress reports made from them. */
import { messages } from '../messages.js';
import type { ZohoSyncProgress } from './types.js';

/** Records read so far in this sync (distinct leads and history rows; the two cursors of a full read overlap by a page). */
export interface ReadCounts {
  leads: number;
  historyRows: number;
  events: number;
  timelines: number;
  /** Leads removed from the snapshot because Zoho lists them as deleted since the last sync. */
  deleted: number;
}

/** What a sync has read so far; `report` tells `onProgress` (when given) where it stands. */
export class SyncProgressTracker {
  readonly read: ReadCounts = { leads: 0, historyRows: 0, events: 0, timelines: 0, deleted: 0 };
  readonly timelines = { done: 0, total: 0 };

  constructor(
    readonly mode: 'full' | 'incremental',
    /** API calls so far in this sync. */
    readonly calls: () => number,
    readonly onProgress: ((progress: ZohoSyncProgress) => void) | undefined,
  ) {}

  report(phase: ZohoSyncProgress['phase']): void {
    if (!this.onProgress) return;
    const p = {
      phase,
      mode: this.mode,
      leads: this.read.leads,
      historyRows: this.read.historyRows,
      events: this.read.events,
      timelinesDone: this.timelines.done,
      timelinesTotal: this.timelines.total,
      calls: this.calls(),
    };
    this.onProgress({ ...p, message: messages.progress(p) });
  }
}
