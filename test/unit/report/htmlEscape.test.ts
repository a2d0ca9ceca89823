import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, html, rawHtml } from '../../../src/core/report/htmlEscape';

const HOSTILE = '<img src=x onerror=alert(1)>.png';

describe('escapeHtml and the html template', () => {
  it('escapes the five HTML specials and the backtick, and nothing else', () => {
    assert.equal(escapeHtml(`a&b<c>d"e'f\`g`), 'a&amp;b&lt;c&gt;d&quot;e&#39;f&#96;g');
    assert.equal(escapeHtml('plain text – ümlaut / 100%'), 'plain text – ümlaut / 100%');
    assert.equal(escapeHtml('&amp;'), '&amp;amp;', 'escaping is not idempotent: text is text');
  });

  it('escapes a hostile file name in text and in attributes, so no tag or attribute can start', () => {
    const out = html`<p title="${HOSTILE}">${HOSTILE}</p><a title='${"x' onmouseover='y"}'>`.value;
    assert.ok(!out.includes(HOSTILE));
    assert.equal(out, '<p title="&lt;img src=x onerror=alert(1)&gt;.png">&lt;img src=x onerror=alert(1)&gt;.png</p><a title=\'x&#39; onmouseover=&#39;y\'>');
  });

  it('keeps SafeHtml as it is, joins arrays, drops null, undefined and false, prints numbers', () => {
    const items = ['<a>', 'b'].map((t) => html`<li>${t}</li>`);
    assert.equal(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value, '<ul><li>&lt;a&gt;</li><li>b</li></ul>0');
    assert.equal(html`${rawHtml('<b>')}${'<b>'}`.value, '<b>&lt;b&gt;');
    assert.equal(html`${[['<', ['>']]]}`.value, '&lt;&gt;', 'nested arrays are escaped too');
  });
});
