import { renderFigures } from './figures.js';
import { buildReportModel, type ReportInput, type ReportModel } from './model.js';
import { renderPage } from './page.js';

/**
 * The dashboard as one HTML string: computes every figure ({@link buildReportModel}), draws the charts
 * into `document` (jsdom's in Node) and lays out the page ({@link renderPage}). `panopticon report` does
 * the same, loading jsdom while it reads the data.
 */
export function buildReport(input: ReportInput, document: Document): { html: string; model: ReportModel } {
  const model = buildReportModel(input);
  const html = renderPage(model, renderFigures(model, document));
  return { html, model };
}
