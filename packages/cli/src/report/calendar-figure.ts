/**
 * The appointment calendar figure of the page, drawn with `@panopticon/charts` into a given document: jsdom's
 * when the page is written (figures.ts), the browser's when the Team control narrows the appointments
 * (client/calendar.ts). One function, so both draw the same figure; its day cells carry `data-day` so the
 * page can highlight a range.
 *
 * @module
 */
import { appointmentCalendarFigure, type CalendarAppointment } from '@panopticon/charts';
import { FIGURE_WIDTHS } from './response-figures.js';

/** The instant and zone the calendar is drawn for, and the dates it spans (instants whose dates in the zone are the first and last day). */
export interface CalendarFigureInput {
  asOf: Date;
  timeZone: string;
  from: Date;
  to: Date;
}

/** The calendar of `appointments`, as an SVG element of `document`. */
export function calendarFigure(
  appointments: readonly CalendarAppointment[],
  input: CalendarFigureInput,
  document: Document,
): SVGSVGElement {
  const svg = appointmentCalendarFigure(appointments, { document, ...input, width: FIGURE_WIDTHS.half, cellHeight: 36 });
  markCalendarDays(svg);
  return svg;
}

const DATE_IN_TITLE = /\b(\d{4}-\d{2}-\d{2})\b/;

/** Gives each day cell of the calendar (a `rect` whose tooltip starts with its date) `data-day="YYYY-MM-DD"`. */
function markCalendarDays(svg: SVGSVGElement): void {
  for (const rect of Array.from(svg.querySelectorAll('rect'))) {
    const title = Array.from(rect.children).find((c) => c.tagName.toLowerCase() === 'title');
    const firstLine = title?.textContent?.split('\n', 1)[0] ?? '';
    const match = DATE_IN_TITLE.exec(firstLine);
    if (match) {
      rect.setAttribute('data-day', match[1]!);
      rect.classList.add('cal-day');
    }
  }
}
