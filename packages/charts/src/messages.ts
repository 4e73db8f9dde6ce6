/**
 * Every error text of `@panopticon/charts`, in one place so tests can match them and wording stays
 * consistent (STYLE 14). Each message names the bad value and says what to do.
 *
 * @example
 * ```ts
 * expect(() => toSvgString('<svg/>' as never)).toThrow(chartMessages.notAnElement('<svg/>'));
 * expect(() => noDataFigure({ document, width: 0 })).toThrow(chartMessages.invalidWidth(0));
 * ```
 */
export const chartMessages = {
  noDocument: (): string =>
    'No document to render into: in Node, pass options.document (for example new JSDOM("").window.document); in a browser the global document is used.',
  asOfNeedsTimeZone: (figure: string): string =>
    `${figure}: options.asOf was given without options.timeZone; dates are shown in an explicit IANA time zone, so pass timeZone too (for example "America/New_York").`,
  invalidAsOf: (figure: string, value: unknown): string => `${figure}: options.asOf must be a valid Date; got ${describe(value)}.`,
  invalidSlotMinutes: (value: unknown): string =>
    `slotMinutes must be a positive whole number that divides 1440 (for example 15, 30 or 60); got ${describe(value)}.`,
  invalidWidth: (value: unknown): string => `width must be a positive number of pixels; got ${describe(value)}.`,
  notAnElement: (value: unknown): string =>
    `toSvgString expects an element returned by a figure function (an <svg>); got ${describe(value)}.`,
} as const;

function describe(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : value.toISOString();
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined || typeof value !== 'object') return String(value);
  return Object.prototype.toString.call(value);
}
