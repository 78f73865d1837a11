/**
 * Text from files written into HTML (webviews): one escaping function for every value, and the page
 * around it with its Content-Security-Policy. Values are only ever text or a quoted attribute value:
 * no value from data becomes a tag, an attribute name, a URL, a style or a script.
 */

/**
 * Text safe as an element's content or a double- or single-quoted attribute value: `&` `<` `>` `"`
 * `'` become character references. Controls (but tab and line breaks) become U+FFFD, so a stray NUL
 * or escape sequence shows as what it is rather than vanishing. A `javascript:` URL stays text: the
 * page never puts a value from data in an `href` or `src`.
 */
export function htmlText(text: string): string {
  return text.replace(UNSAFE, (char) => REFERENCES.get(char) ?? '\ufffd');
}

/** One class, replaced by the engine in one pass (appending piece by piece grows worse than linearly on long text). */
// eslint-disable-next-line no-control-regex -- control characters are what it replaces
const UNSAFE = /[&<>"'\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

const REFERENCES: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
]);

export interface HtmlPage {
  /** The page's language (`en`, `id`). */
  lang: string;
  title: string;
  /** The webview's own origin for local resources (`webview.cspSource`). */
  cspSource: string;
  /** A fresh random value per render: only the page's own stylesheet and script carry it. */
  nonce: string;
  /** Stylesheet and script URIs, already made webview URIs of the extension's media folder. */
  styles: readonly string[];
  scripts: readonly string[];
  /** The body, already escaped. */
  body: string;
}

/**
 * A whole page: nothing loads unless the policy names it — styles and images from the webview's
 * own origin (with the nonce), scripts with the nonce only, no inline style or handler, no frame,
 * no form, no connection.
 */
export function htmlPage(page: HtmlPage): string {
  const nonce = htmlText(page.nonce);
  const csp = [
    "default-src 'none'",
    `style-src ${page.cspSource} 'nonce-${page.nonce}'`,
    `script-src 'nonce-${page.nonce}'`,
    `img-src ${page.cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    `<html lang="${htmlText(page.lang)}">`,
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${htmlText(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    ...page.styles.map((href) => `<link rel="stylesheet" nonce="${nonce}" href="${htmlText(href)}">`),
    `<title>${htmlText(page.title)}</title>`,
    '</head>',
    '<body>',
    page.body,
    ...page.scripts.map((src) => `<script nonce="${nonce}" src="${htmlText(src)}"></script>`),
    '</body>',
    '</html>',
  ].join('\n');
}
