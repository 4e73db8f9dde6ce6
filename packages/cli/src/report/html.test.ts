import { describe, expect, it } from 'vitest';
import { Html, html, joinHtml, unsafeHtml } from './html.js';

describe('html', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const name = `<img src=x onerror="alert(1)">`;
    const locator = `Ana 'B' & Co`;
    expect(html`<td title="${locator}">${name}</td>`.toString()).toBe(
      '<td title="Ana &#39;B&#39; &amp; Co">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</td>',
    );
  });

  it('writes fragments built by html, and strings trusted with unsafeHtml, as they are', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${unsafeHtml('<svg></svg>')}</p>`.toString()).toBe('<p><b>&lt;i&gt;</b><svg></svg></p>');
  });

  it('writes lists one after the other, each item by the same rules', () => {
    const items = ['a<', html`<br>`, 3, [null, 'b&']];
    expect(html`<p>${items}</p>`.toString()).toBe('<p>a&lt;<br>3b&amp;</p>');
    expect(joinHtml([html`<tr></tr>`, html`<tr></tr>`], '\n').toString()).toBe('<tr></tr>\n<tr></tr>');
  });

  it('writes numbers as String(n), and nothing for null, undefined and false', () => {
    expect(html`${0}|${1.5}|${null}|${undefined}|${false}|${''}`.toString()).toBe('0|1.5||||');
  });

  it('returns an Html fragment, so nesting never escapes twice', () => {
    const fragment = html`${'&'}`;
    expect(fragment).toBeInstanceOf(Html);
    expect(html`${html`${fragment}`}`.toString()).toBe('&amp;');
  });
});
