import * as assert from 'node:assert/strict';
import { bodyContains, searchNeedle } from '../../src/core/insight/bodySearch';

describe('bodyContains', () => {
  const text = '---\nname: Acme\nnext_step: call\n---\n\n# Acme\n\nThey want SSO with\nOkta before the pilot.\n';

  it('finds a word of the notes whatever its case, and a phrase wrapped over two lines', () => {
    assert.ok(bodyContains(text, searchNeedle('sso')));
    assert.ok(bodyContains(text, searchNeedle('  SSO  with okta ')));
    assert.ok(!bodyContains(text, searchNeedle('salesforce')));
  });

  it('looks in the body only: the front-matter is searched from the index', () => {
    assert.ok(!bodyContains(text, searchNeedle('next_step')));
    assert.ok(bodyContains('no front-matter, all notes', searchNeedle('all notes')));
  });
});

describe('bodyContains on phrases', () => {
  it('finds a phrase after a near miss and across runs of blanks, tabs and CRLF', () => {
    const text = '---\nname: A\n---\nsso wit sso  with\r\n\tokta\n';
    assert.ok(bodyContains(text, searchNeedle('SSO WITH OKTA')));
    assert.ok(bodyContains(text, searchNeedle('sso wit sso')));
    assert.ok(!bodyContains(text, searchNeedle('with sso')));
    assert.ok(bodyContains('---\nname: A\n---\naab aab aac', searchNeedle('aab aac')));
  });
});
