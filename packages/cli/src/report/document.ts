/**
 * A DOM document for the charts (jsdom's). jsdom is loaded only when a page is drawn: it takes a few
 * hundred milliseconds to import, which the other commands need not pay.
 */
export async function createDocument(): Promise<Document> {
  // A specifier in a variable: type-checked as `any` (the repository has no @types/jsdom) and left to Node to resolve.
  const specifier = 'jsdom';
  const { JSDOM } = (await import(specifier)) as { JSDOM: new (html: string) => { window: { document: Document } } };
  return new JSDOM('<!DOCTYPE html><html><body></body></html>').window.document;
}
