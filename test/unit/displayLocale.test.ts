import * as assert from 'node:assert/strict';
import { formatDay, setDisplayLocale } from '../../src/core/model/displayLocale';
import { formatMoney } from '../../src/core/model/money';

describe('display locale', () => {
  afterEach(() => setDisplayLocale(undefined));

  it('writes amounts with English separators by default (the CLI)', () => {
    assert.equal(formatMoney(66000, 'USD'), 'USD 66,000');
    assert.equal(formatMoney(148800, 'USD', true), 'USD 148.8K');
  });

  it('writes amounts as an Indonesian reader reads them in Bahasa Indonesia', () => {
    setDisplayLocale('id');
    assert.equal(formatMoney(66000, 'USD'), 'USD 66.000');
    assert.equal(formatMoney(148800, 'USD', true), 'USD 148,8\u00a0rb');
  });

  it('keeps days as written without a display language (the CLI: scripts read them)', () => {
    assert.equal(formatDay('2026-12-01'), '2026-12-01');
    assert.equal(formatDay('2026-12-31', true), '2026-12-31');
  });

  it('writes short days in the display language, whatever the time zone', () => {
    setDisplayLocale('en');
    assert.equal(formatDay('2026-12-01'), 'Dec 1');
    assert.equal(formatDay('2026-12-31', true), 'Dec 31, 2026');
    setDisplayLocale('id');
    assert.equal(formatDay('2026-12-01'), '1 Des');
  });

  it('falls back to English for a language tag it cannot use', () => {
    setDisplayLocale('not a language!');
    assert.equal(formatMoney(66000, 'USD'), 'USD 66,000');
  });
});
