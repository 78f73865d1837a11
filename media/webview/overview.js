// Account Overview: a button with a line number asks the extension to open the account's file there.
// The page says only the line; the extension knows the file and checks the number.
(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-line]') : null;
    if (!button) return;
    const line = Number(button.getAttribute('data-line'));
    if (Number.isInteger(line) && line >= 0) vscode.postMessage({ type: 'open', line });
  });
})();
