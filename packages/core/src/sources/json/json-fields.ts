/**
 * Reading the fields of one JSON record (a lead or a history entry) into the model's values, each
 * problem reported on the record's log by field and record id: the one place that decides what a JSON
 * value may be (text, an instant as a `Date` or ISO 8601 text, an id). @internal
 *
 * @module
 */
import type { TimestampParser } from '../csv/timestamp.js';
import type { FileLog } from '../csv/file-log.js';
import { DATA_ISSUE_CODES } from '../issue-codes.js';
import { jsonMessages } from './messages.js';

/** A JSON value as it appears in an issue's `value`: text as is, anything else as JSON. */
export function shownValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return 'Invalid Date';
  return JSON.stringify(value) ?? String(value);
}

/** Whether the value is a plain record (an object, not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * The fields of one record: `where` names it in messages (`leads[3]`), `prefix` is put before its field
 * names in issues (`stageHistory[2].` for an entry held inside a lead), `recordId` is its lead's id once known.
 */
export class RecordFields {
  recordId: string | undefined;

  constructor(
    private readonly log: FileLog,
    private readonly parse: TimestampParser,
    private readonly record: Record<string, unknown>,
    readonly where: string,
    private readonly prefix = '',
  ) {}

  private place(field: string, value?: unknown) {
    return {
      field: this.prefix + field,
      ...(this.recordId === undefined ? {} : { recordId: this.recordId }),
      ...(value === undefined ? {} : { value: shownValue(value) }),
    };
  }

  /** The lead id: text, or a whole number within 2^53 (read as its digits); else an error and `undefined`. */
  id(field: string): string | undefined {
    const value = this.record[field];
    if (typeof value === 'number' && Number.isInteger(value)) {
      if (Number.isSafeInteger(value)) return String(value);
      this.log.error(DATA_ISSUE_CODES.wrongType, jsonMessages.unsafeId(value), this.place(field, value));
      return undefined;
    }
    return this.requiredText(field);
  }

  /** Non-empty text, required: absent, empty or another type is an error (and `undefined`). */
  requiredText(field: string): string | undefined {
    const value = this.record[field];
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (value === undefined || value === null || typeof value === 'string') {
      this.log.error(DATA_ISSUE_CODES.missingValue, jsonMessages.missingValue(field, this.where), this.place(field, value ?? undefined));
    } else {
      this.log.error(DATA_ISSUE_CODES.wrongType, jsonMessages.wrongType(field, 'text', value, true), this.place(field, value));
    }
    return undefined;
  }

  /** Optional text: absent or null is `null`; another type is a warning and `null`. */
  optionalText(field: string): string | null {
    const value = this.record[field];
    if (typeof value === 'string') return value;
    if (value === undefined || value === null) return null;
    this.log.warning(DATA_ISSUE_CODES.wrongType, jsonMessages.wrongType(field, 'text or null', value, false), this.place(field, value));
    return null;
  }

  /** A required instant (epoch ms): absent is `missing-value`, unreadable text `unparseable-timestamp`, both errors. */
  requiredInstant(field: string): number | undefined {
    const value = this.record[field];
    if (value === undefined || value === null || value === '') {
      this.log.error(DATA_ISSUE_CODES.missingValue, jsonMessages.missingValue(field, this.where), this.place(field));
      return undefined;
    }
    return this.instant(field, value, true) ?? undefined;
  }

  /** An optional instant (epoch ms): absent or null is `null`; an unreadable value is a warning and `null`. */
  optionalInstant(field: string): number | null {
    const value = this.record[field];
    if (value === undefined || value === null || value === '') return null;
    return this.instant(field, value, false);
  }

  private instant(field: string, value: unknown, required: boolean): number | null {
    const report = required ? this.log.error.bind(this.log) : this.log.warning.bind(this.log);
    if (value instanceof Date) {
      const ms = value.getTime();
      if (ms === ms) return ms;
      report(
        DATA_ISSUE_CODES.unparseableTimestamp,
        jsonMessages.wrongType(field, 'a valid Date', value, required),
        this.place(field, value),
      );
      return null;
    }
    if (typeof value !== 'string') {
      const expected = 'an ISO 8601 timestamp (text) or a Date';
      report(DATA_ISSUE_CODES.wrongType, jsonMessages.wrongType(field, expected, value, required), this.place(field, value));
      return null;
    }
    const ms = this.parse(value);
    if (ms === null)
      report(DATA_ISSUE_CODES.unparseableTimestamp, jsonMessages.unparseableTimestamp(field, value, required), this.place(field, value));
    return ms;
  }
}
