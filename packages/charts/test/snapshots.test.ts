import { describe, expect, it } from 'vitest';
import { FIGURES } from './figures.js';
import { checkSnapshot, makeDocument } from './snapshot.js';

describe('SVG snapshots (test/output/<name>.svg)', () => {
  for (const [name, render] of Object.entries(FIGURES)) {
    it(name, () => {
      expect(checkSnapshot(name, render(makeDocument()))).toBeNull();
    });
  }
});
