/**
 * Reads the page's data from its JSON blocks (page.ts writes them): the first block when the script starts,
 * each deferred part (page-data.ts) the first time something reads it, so that opening the page parses only
 * what it draws.
 *
 * @module
 */
import { readPageData, type DeferredParts, type EmbeddedPageStart } from '../embedded-data.js';
import { DATA_ELEMENT_ID, dataPartElementId, type DeferredDataPart, type PageData } from '../page-data.js';
import { byId } from './dom.js';

const parseBlock = (id: string): unknown => JSON.parse(byId(id).textContent!);

/** The page's data, decoded (embedded-data.ts). */
export function readPageDataBlocks(): PageData {
  const parts: Partial<DeferredParts> = {};
  return readPageData(
    parseBlock(DATA_ELEMENT_ID) as EmbeddedPageStart,
    <P extends DeferredDataPart>(part: P) => (parts[part] ??= parseBlock(dataPartElementId(part)) as DeferredParts[P]) as DeferredParts[P],
  );
}
