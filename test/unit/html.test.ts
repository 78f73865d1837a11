import * as assert from 'node:assert/strict';
import { htmlPage, htmlText } from '../../src/core/output/html';

describe('htmlText: the one escaping function for HTML', () => {
  it('turns a script tag into text', () => {
    assert.equal(htmlText('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
    assert.equal(htmlText('<img src=x onerror=alert(1)>'), '&lt;img src=x onerror=alert(1)&gt;');
  });

  it('escapes both quotes, so a value cannot leave an attribute', () => {
    assert.equal(htmlText(`" onmouseover="alert(1)`), '&quot; onmouseover=&quot;alert(1)');
    assert.equal(htmlText(`' onfocus='alert(1)`), '&#39; onfocus=&#39;alert(1)');
  });

  it('escapes & so a reference in data reads as typed, not as the character it names', () => {
    assert.equal(htmlText('AT&T &lt;b&gt; &#60;'), 'AT&amp;T &amp;lt;b&amp;gt; &amp;#60;');
  });

  it('leaves a javascript: URL as plain text (no value ever becomes an href)', () => {
    assert.equal(htmlText('javascript:alert(1)'), 'javascript:alert(1)');
    assert.equal(htmlText('[x](javascript:alert(1))'), '[x](javascript:alert(1))');
  });

  it('shows control characters as U+FFFD, keeps line breaks, tabs and other scripts', () => {
    assert.equal(htmlText('a\x00b\x1bc\x7f'), 'a\ufffdb\ufffdc\ufffd');
    assert.equal(htmlText('a\tb\nc'), 'a\tb\nc');
    assert.equal(htmlText('Café 中 👩‍💻'), 'Café 中 👩‍💻');
  });
});

describe('htmlPage: a page with a strict Content-Security-Policy', () => {
  const page = htmlPage({
    lang: 'en',
    title: '<b>Acme</b>',
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'abc123',
    styles: ['https://file+.vscode-resource.vscode-cdn.net/media/webview/page.css'],
    scripts: ['https://file+.vscode-resource.vscode-cdn.net/media/webview/overview.js'],
    body: '<p>body</p>',
  });
  // The attribute as the browser reads it: the quotes of 'none' are escaped in the HTML.
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1]?.replace(/&#39;/g, "'");

  it("allows nothing by default, styles and images from the webview's origin, scripts by nonce only", () => {
    assert.ok(policy, 'the page has a policy');
    const directives = policy.split('; ');
    assert.equal(directives[0], "default-src 'none'");
    assert.ok(directives.includes("style-src https://file+.vscode-resource.vscode-cdn.net 'nonce-abc123'"));
    assert.ok(directives.includes("script-src 'nonce-abc123'"));
    assert.ok(directives.includes('img-src https://file+.vscode-resource.vscode-cdn.net'));
    assert.ok(!policy.includes('unsafe-inline') && !policy.includes('unsafe-eval'));
  });

  it('gives its own stylesheet and script the nonce, and escapes the title', () => {
    assert.match(page, /<link rel="stylesheet" nonce="abc123" href="[^"]*page\.css">/);
    assert.match(page, /<script nonce="abc123" src="[^"]*overview\.js"><\/script>/);
    assert.match(page, /<title>&lt;b&gt;Acme&lt;\/b&gt;<\/title>/);
    assert.equal((page.match(/<script/g) ?? []).length, 1);
  });
});
