/**
 * What every Handoff webview shares: options that let it load only the extension's `media/webview/`
 * and run only its own script, and a page with a fresh nonce in its Content-Security-Policy
 * (`core/output/html.htmlPage`). The Account Overview uses it; a board comes next.
 */
import * as vscode from 'vscode';
import { htmlPage } from '../../core/output/html';

/** The one folder webviews may load from. */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media', 'webview');
}

/** Panel options: scripts on (the page's own, by nonce), no command URIs, local resources from `media/webview/` only. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: [webviewRoot(extensionUri)], retainContextWhenHidden: false };
}

export interface WebviewContent {
  title: string;
  /** Already escaped. */
  body: string;
  /** File names in `media/webview/`. */
  styles: readonly string[];
  scripts: readonly string[];
}

/** The page's HTML with a new nonce: each render gets its own, so an old page's nonce opens nothing. */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, content: WebviewContent): string {
  const root = webviewRoot(extensionUri);
  const uri = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(root, name)).toString();
  return htmlPage({
    lang: vscode.env.language,
    title: content.title,
    cspSource: webview.cspSource,
    nonce: nonce(),
    styles: content.styles.map(uri),
    scripts: content.scripts.map(uri),
    body: content.body,
  });
}

/** 144 random bits as hex, from the Web Crypto API (the desktop's Node and the web's browser both have it). */
function nonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(18)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
