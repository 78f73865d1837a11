'use strict';
// Runs in the browser page (Playwright's evaluate): where `wanted` ends on screen in `element`, and
// the right edge of the narrowest clipping box around it (an ellipsis, the side bar's edge).
// Plain JavaScript, as the page runs it; the e2e check's TypeScript has no DOM types.
function textShown(element, wanted) {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent.indexOf(wanted);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + wanted.length);
    let clip = Infinity;
    for (let box = node.parentElement; box; box = box.parentElement) {
      if (getComputedStyle(box).overflowX !== 'visible') clip = Math.min(clip, box.getBoundingClientRect().right);
    }
    return { right: range.getBoundingClientRect().right, clip, row: element.textContent };
  }
  return { right: 0, clip: 0, row: element.textContent };
}

module.exports = { textShown };
