import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ATTENTION_REASONS, FOLLOW_UP_STATUSES, StageCategorySchema } from '@panopticon/core';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CATEGORY_COLORS,
  REASON_COLORS,
  STATUS_COLORS,
  STATUS_ORDER,
  attentionByLocatorFigure,
  greenToDeliveryFigure,
  noDataFigure,
  pipelineSnapshotFigure,
  responseHeatmapFigure,
  toSvgString,
  worstStatus,
} from '../src/index.js';
import { CATEGORY_ORDER, REASON_ORDER } from '../src/palette.js';
import { chartMessages } from '../src/messages.js';
import { FIGURES } from './figures.js';
import { heatmapCells } from './fixtures.js';
import { makeDocument, normalizeSvg } from './snapshot.js';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../src');

describe('every figure', () => {
  for (const [name, render] of Object.entries(FIGURES)) {
    it(`${name}: one <svg> with a title, a size, and labelled axes unless empty`, () => {
      const svg = render(makeDocument());
      expect(svg.tagName.toLowerCase()).toBe('svg');
      expect(svg.classList.contains('panopticon-figure')).toBe(true);
      const title = svg.querySelector(':scope > title')?.textContent;
      expect(title).toBeTruthy();
      expect(svg.querySelector('.panopticon-title')?.textContent).toBe(title);
      expect(svg.getAttribute('aria-label')).toBe(title);
      expect(Number(svg.getAttribute('width'))).toBeGreaterThan(0);
      expect(svg.getAttribute('viewBox')).toBe(`0 0 ${svg.getAttribute('width')} ${svg.getAttribute('height')}`);
      if (svg.getAttribute('data-empty') === 'true') {
        expect(svg.querySelector('.panopticon-no-data text')?.textContent).toBeTruthy();
      } else {
        expect(svg.querySelector('g[aria-label="x-axis label"] text')?.textContent).toBeTruthy();
        expect(svg.querySelector('g[aria-label="y-axis label"] text')?.textContent).toBeTruthy();
      }
    });
  }

  for (const [name, render] of Object.entries(FIGURES)) {
    it(`${name}: renders the same markup every time (no random ids, no clock, no counters)`, () => {
      const doc = makeDocument();
      const first = toSvgString(render(doc));
      expect(toSvgString(render(doc))).toBe(first);
      expect(toSvgString(render(makeDocument()))).toBe(first);
    });
  }
});

it('draws a white background by default, none with background: null', () => {
  const cells = heatmapCells();
  expect(responseHeatmapFigure(cells, { document: makeDocument() }).querySelector('.panopticon-background')?.getAttribute('fill')).toBe(
    'white',
  );
  expect(responseHeatmapFigure(cells, { document: makeDocument(), background: null }).querySelector('.panopticon-background')).toBeNull();
  expect(
    noDataFigure({ document: makeDocument(), background: '#fafafa' }).querySelector('.panopticon-background')?.getAttribute('fill'),
  ).toBe('#fafafa');
});

describe('toSvgString', () => {
  it('serializes a standalone, well-formed SVG with its namespace', () => {
    const markup = toSvgString(responseHeatmapFigure(heatmapCells(), { document: makeDocument() }));
    expect(markup.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const { window } = new JSDOM('');
    const parsed = new window.DOMParser().parseFromString(markup, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).toBeNull();
    expect(parsed.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(parsed.querySelectorAll('rect').length).toBeGreaterThan(336);
  });

  it('escapes whatever a CRM puts in a string', () => {
    const evilName = '<img src=x onerror="window.__pwned=1">';
    const evilStage = '</script><script>window.__pwned=2</script>';
    const svg = attentionByLocatorFigure([{ locator: evilName, reason: 'stale', status: 'stale' }], {
      document: makeDocument(),
      title: evilStage,
      subtitle: evilName,
    });
    const snapshot = pipelineSnapshotFigure([{ stage: evilStage, category: 'open', count: 3 }], { document: makeDocument() });
    const green = greenToDeliveryFigure(
      [
        {
          leadId: '1',
          name: evilName,
          locator: evilStage,
          stage: evilStage,
          category: 'green',
          greenAt: new Date(0),
          deliveryAt: null,
          days: 3,
          stuck: false,
          done: false,
        },
      ],
      { document: makeDocument() },
    );
    for (const figure of [svg, snapshot, green]) {
      const markup = toSvgString(figure);
      expect(markup).not.toMatch(/<script|<img/i);
      expect(markup).toMatch(/&lt;(\/script|img)/);
      // Embedded in a page, it stays text: nothing runs, and the text reads back as written.
      const dom = new JSDOM(`<!DOCTYPE html><body>${markup}</body>`, { runScripts: 'dangerously' });
      expect((dom.window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
      expect(dom.window.document.querySelectorAll('script, img')).toHaveLength(0);
      expect(dom.window.document.body.textContent).toMatch(/<\/script>|<img src=x/);
    }
  });

  it('rejects what is not an element', () => {
    expect(() => toSvgString('<svg/>' as unknown as Element)).toThrow(chartMessages.notAnElement('<svg/>'));
  });
});

describe('the document', () => {
  const g = globalThis as { document?: Document };
  afterEach(() => {
    delete g.document;
  });

  it('in Node without options.document, says how to pass one', () => {
    expect(g.document).toBeUndefined();
    expect(() => responseHeatmapFigure(heatmapCells())).toThrow(chartMessages.noDocument());
    expect(() => noDataFigure()).toThrow(TypeError);
  });

  it('like a browser, uses the global document when there is one', () => {
    g.document = makeDocument();
    const svg = pipelineSnapshotFigure([{ stage: 'New', category: 'open', count: 1 }]);
    expect(svg.ownerDocument).toBe(g.document);
  });
});

describe('palette', () => {
  it('has a colour for every status, reason and category, in a complete order', () => {
    expect(Object.keys(STATUS_COLORS).sort()).toEqual([...FOLLOW_UP_STATUSES].sort());
    expect([...STATUS_ORDER].sort()).toEqual([...FOLLOW_UP_STATUSES].sort());
    expect(Object.keys(REASON_COLORS).sort()).toEqual([...ATTENTION_REASONS].sort());
    expect(REASON_ORDER).toEqual(ATTENTION_REASONS);
    expect(Object.keys(CATEGORY_COLORS).sort()).toEqual([...StageCategorySchema.options].sort());
    expect([...CATEGORY_ORDER]).toEqual(StageCategorySchema.options);
    const colors = Object.values(STATUS_COLORS);
    expect(new Set(colors).size).toBe(colors.length);
  });

  it('worstStatus picks the status that most needs action', () => {
    expect(worstStatus(['won', 'progressed', 'at-risk', 'awaiting'])).toBe('at-risk');
    expect(worstStatus(['upcoming', 'stale'])).toBe('stale');
    expect(worstStatus(['won', 'something-else'])).toBe('won');
    expect(worstStatus([])).toBeUndefined();
  });
});

describe('the package works in a browser', () => {
  const files = readdirSync(SRC).filter((f) => f.endsWith('.ts'));
  it.each(files)('%s uses no Node module, no clock, no randomness and no process zone', (file) => {
    const code = readFileSync(join(SRC, file), 'utf8');
    expect(code).not.toMatch(/from ['"]node:|require\(|process\./);
    expect(code).not.toMatch(/Date\.now\(|new Date\(\)|Math\.random|getTimezoneOffset|toLocale(Date|Time)?String/);
  });
});

describe('snapshot normalization', () => {
  it('rounds numbers to 2 decimals and replaces generated ids', () => {
    expect(normalizeSvg('<g transform="translate(1.23456,7)"><path clip-path="url(#plot-clip-12)"/></g>')).toBe(
      '<g transform="translate(1.23,7)">\n<path clip-path="url(#plot-clip)"/>\n</g>\n',
    );
  });
});
