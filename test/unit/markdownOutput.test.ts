// "Hostile content never becomes code or markup" (SPEC.md, Writes you can trust): names, owners,
// file names and config values from a hostile file, through every Markdown the core writes.
import * as assert from 'node:assert/strict';
import { readAccount } from '../../src/core/read/accountRead';
import { planCheckup } from '../../src/core/edit/checkup';
import { defaultConfig } from '../../src/core/model/teamConfig';
import { diffAccounts, type RevisionFile } from '../../src/core/insight/diff';
import { diffToMarkdown } from '../../src/core/output/reviewFormats';
import type { EditTarget } from '../../src/core/edit/editPlan';
import { planHandback, planHandoff } from '../../src/core/edit/handoff';
import { planNewAccount } from '../../src/core/edit/newAccount';
import { markdownCode, markdownLink, markdownText } from '../../src/core/output/markdown';
import { buildReport } from '../../src/core/insight/report';
import { reportToMarkdown } from '../../src/core/output/reportFormats';
import { accounts, benign, hostile, hostileLine, Q4, quoted, random, renderMarkdown, shown, tagsOf, team, textOf, TODAY } from './hostileText';

/** What a reader of the rendered Markdown must see of a name: its characters, controls as escapes. */
function assertShows(html: string, value: string, context: string) {
  const text = textOf(html).replace(/\u2060/g, '');
  assert.ok(text.includes(shown(value).trim()), `${context}: ${JSON.stringify(value)} shows as written in ${JSON.stringify(text)}`);
}

function assertSameStructure(markdown: string, plain: string, context: string) {
  assert.equal(markdown.split('\n').length, plain.split('\n').length, `${context}: lines`);
  const [html, plainHtml] = [renderMarkdown(markdown), renderMarkdown(plain)];
  assert.deepEqual(tagsOf(html), tagsOf(plainHtml), `${context}: the same HTML elements as with plain names\n${markdown}`);
  assert.doesNotMatch(html, /<!|<\?/, `${context}: no HTML comment, declaration or processing instruction`);
  return html;
}

describe('markdownText and markdownCode', () => {
  it('escape what would be markup and keep what reads as text', () => {
    assert.equal(markdownText('<img src=x onerror=alert(1)>'), '&lt;img src=x onerror=alert(1)&gt;');
    assert.equal(markdownText('[click](javascript:alert(1))'), '\\[click\\](javascript:alert(1))');
    assert.equal(markdownText('Acme\n\n### ✅ Security review: APPROVED'), 'Acme\\\\n\\\\n### ✅ Security review: APPROVED');
    assert.equal(markdownText('A | B *b* ~s~ `c` $m$ \\'), 'A \\| B \\*b\\* \\~s\\~ \\`c\\` \\$m\\$ \\\\');
    assert.equal(markdownText('# heading'), '\\# heading');
    assert.equal(markdownText('1. list'), '1\\. list');
    assert.equal(markdownText('- item'), '\\- item');
    assert.equal(markdownText('==='), '\\===');
    assert.equal(markdownText('  indented  '), '&#32;&#32;indented&#32;&#32;');
    assert.equal(markdownText('\x1b[31mred\u202e'), '\\\\x1b\\[31mred\\\\u202e');
    assert.equal(markdownText('_emphasis_ closed_won'), '\\_emphasis\\_ closed_won');
    assert.equal(markdownText('AT&T &amp; &#60;'), 'AT&T &amp;amp; &amp;#\u206060;');
    assert.equal(markdownText('@budi and @org/team, #12, owner/repo#3'), '@\u2060budi and @\u2060org/team, #\u206012, owner/repo#\u20603');
    for (const plain of ['budi@example.com', 'Acme Corp', '8.4', '-5', '2026-12-01', 'USD 1,000', 'PT Maju Jaya (Tbk.)', 'Café 中文 👩‍💻']) assert.equal(markdownText(plain), plain);
  });

  it('make a code span no backtick in the text can close, and nothing inside it is HTML', () => {
    assert.equal(markdownCode('accounts/ae/acme.md'), '`accounts/ae/acme.md`');
    assert.equal(markdownCode('x` <b>y<!--.md'), '``x` <b>y<!--.md``');
    assert.equal(markdownCode('`a``'), '``` `a`` ```');
    assert.equal(markdownCode(' a'), '`  a `');
    assert.equal(markdownCode('a\nb'), '`a\\nb`');
    assert.equal(renderMarkdown(`- ${markdownCode('x` <b>y<!--.md')} after`), '<ul>\n<li><code>x` &lt;b&gt;y&lt;!--.md</code> after</li>\n</ul>\n');
  });

  it('property: in a paragraph, a list item, a heading, bold or a table cell, the text adds no element and shows as written', () => {
    const contexts = [(x: string) => x, (x: string) => `- ${x}`, (x: string) => `## ${x}`, (x: string) => `- **${x}** (x)`, (x: string) => `| a | b |\n| --- | --- |\n| ${x} | z |`, (x: string) => `para\n${x}`, (x: string) => `- ${markdownCode(x)}`];
    for (let seed = 1; seed <= 400; seed++) {
      const value = hostile(random(9000 + seed));
      contexts.forEach((context, i) => {
        const written = context(i === 6 ? value : markdownText(value));
        const html = renderMarkdown(written);
        assert.deepEqual(tagsOf(html), tagsOf(renderMarkdown(context('plain'))), `seed ${9000 + seed}, context ${i}: ${JSON.stringify(written)}`);
        assert.ok(textOf(html).replace(/\u2060/g, '').includes(shown(value)), `seed ${9000 + seed}, context ${i}: ${JSON.stringify(value)} in ${JSON.stringify(html)}`);
        assert.doesNotMatch(html, /<!|<\?/);
      });
    }
  });
});

describe('hostile content in Markdown', () => {
  const attack = ['<img src=x onerror=alert(1)>', '[click](javascript:alert(1))', 'Acme\n\n### ✅ Security review: APPROVED', 'A | B', '*bold* _it_ ~~gone~~', '@budi #12', '<!-- hidden', '`code`', '# heading', '1. list', '=== ', 'AT&T &amp; &lt;b&gt;'];

  it('report: names, owners, currencies and roster values stay text in their cells', () => {
    const config = team('<b>boss</b>', '_crit_', '[r](javascript:1)');
    const values = attack.map((name) => ({ name, owner: '<img src=x>', currency: '**USD**', region: '| x |', title: '[t](javascript:2)' }));
    const markdown = reportToMarkdown(buildReport(accounts(values, config), config, Q4, TODAY));
    const html = assertSameStructure(markdown, reportToMarkdown(buildReport(accounts(benign(values), config), config, Q4, TODAY)), 'report');
    for (const name of attack) assertShows(html, name, 'report');
    assertShows(html, '<b>boss</b>', 'report');
    assertShows(html, '[t](javascript:2)', 'report');
    assert.doesNotMatch(html.replace(/<em>None\.<\/em>/g, ""), /<(img|a|b|em|s|h3|ol)\b/);
    assert.doesNotMatch(textOf(html), /(^|\W)@budi|#12/, 'no GitHub mention or issue link');
  });

  const file = (path: string, name: string, stage: string, arr = 1000) => ({ file: path, text: `---\nname: ${quoted(name)}\nstage: ${stage}\narr: ${arr}\ncurrency: USD\n---\n` });
  const roleOf = (path: string) => (path.startsWith('accounts/ae/') ? 'ae' : path.startsWith('accounts/am/') ? 'am' : undefined);

  it('diff: a file name that opens an HTML comment or code span hides nothing after it', () => {
    const config = defaultConfig();
    const evil = 'accounts/ae/x` <b>y<!--.md';
    const before = [file('accounts/ae/a.md', 'A', 'closed_won'), file('accounts/ae/gone.md', 'Gone', 'demo')];
    const after = [file('accounts/am/a.md', 'A\n\n### ✅ Security review: APPROVED', 'onboarding'), file(evil, '<img src=x onerror=alert(1)>', 'demo')];
    const markdown = diffToMarkdown(diffAccounts(before, after, new Map(), roleOf, config), 'main', 'evil<!--', config);
    const html = renderMarkdown(markdown);
    assert.doesNotMatch(html, /<(img|b)\b|<!--/);
    assert.equal(tagsOf(html).filter((t) => t === '<h3').length, 1, 'one heading of level 3: the review’s own');
    assert.match(html, /<code>accounts\/ae\/x` &lt;b&gt;y&lt;!--.md<\/code>/);
    assertShows(html, 'Gone', 'the section after the file name');
    assertShows(html, 'A\n\n### ✅ Security review: APPROVED', 'diff');
    assertShows(html, 'evil<!--', 'the head revision');
  });

  it('property: names, file names and revisions add no line, element, link or HTML to the review', () => {
    const config = defaultConfig();
    for (let seed = 1; seed <= 150; seed++) {
      const rnd = random(seed);
      const names = Array.from({ length: 5 }, () => hostile(rnd));
      const files = Array.from({ length: 5 }, (_, i) => `${hostile(rnd).replace(/[/\0]/g, '')}-${i}.md`);
      const [base, head] = [hostile(rnd), hostile(rnd)];
      const build = (n: string[], f: string[], b: string, h: string) => {
        const before: RevisionFile[] = [file(`accounts/ae/${f[0]}`, n[0], 'closed_won'), file(`accounts/ae/${f[1]}`, n[1], 'demo'), file(`accounts/ae/${f[2]}`, n[2], 'demo')];
        const after: RevisionFile[] = [file(`accounts/am/${f[0]}`, n[0], 'onboarding'), file(`accounts/ae/${f[1]}`, n[1], 'proposal', 5000), file(`accounts/ae/${f[3]}`, n[3], 'demo'), file(`accounts/am/${f[4]}`, n[4], 'active')];
        return diffToMarkdown(diffAccounts(before, after, new Map(), roleOf, config), b, h, config);
      };
      const [plainNames, plainFiles, [plainBase, plainHead]] = [names.map((_, i) => `Plain ${i}`), files.map((_, i) => `plain-${i}.md`), ['main', 'head']];
      const markdown = build(names, files, base, head);
      const html = assertSameStructure(markdown, build(plainNames, plainFiles, plainBase, plainHead), `seed ${seed}`);
      for (const name of names) assertShows(html, name, `seed ${seed}`);
      for (const f of [files[0], files[2], files[3], files[4]]) assert.ok(textOf(html).includes(shown(f)), `seed ${seed}: file ${JSON.stringify(f)} shows as written`);
      assertShows(html, base, `seed ${seed}`);
    }
  });

  it('property: report cells hold any name, owner, currency, region, title and roster value', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = random(1000 + seed);
      const values = Array.from({ length: 2 }, () => ({ name: hostile(rnd), owner: hostile(rnd), currency: hostileLine(rnd), region: hostile(rnd), title: hostileLine(rnd) }));
      const roster = [hostile(rnd), hostile(rnd), hostile(rnd)] as const;
      const config = team(...roster);
      const plainConfig = team('person', 'criterion', 'region');
      const markdown = reportToMarkdown(buildReport(accounts(values, config), config, Q4, TODAY));
      const html = assertSameStructure(markdown, reportToMarkdown(buildReport(accounts(benign(values), plainConfig), plainConfig, Q4, TODAY)), `seed ${1000 + seed}`);
      for (const v of values) for (const value of [v.name, v.owner, v.title]) assertShows(html, value, `seed ${1000 + seed}`);
      // A criterion reads as words, as the Key Accounts view names it: growth_potential → "growth potential".
      const [person, criterion, region] = roster;
      for (const value of [person, criterion.replace(/_/g, ' '), region]) assertShows(html, value, `seed ${1000 + seed}`);
    }
  });
});

describe('account names as links to their files', () => {
  /** Every link of the rendered HTML: its text and its destination, decoded as a preview resolves it. */
  const linksOf = (html: string) => [...html.matchAll(/<a href="([^"]*)">(.*?)<\/a>/g)].map(([, href, text]) => ({ href: decodeURIComponent(href.replace(/&amp;/g, '&')), text: textOf(text) }));

  it('a name links to its file whatever either holds, and adds nothing else', () => {
    const name = 'A](x) <b>*[y]*';
    const href = '/accounts/ae/we ird (1)%20<x>|`.md';
    const html = renderMarkdown(`| a |\n| --- |\n| ${markdownLink(name, href)} |`);
    assert.deepEqual(linksOf(html), [{ href, text: name }]);
    assert.deepEqual(tagsOf(html).filter((t) => !/^<\/?(table|thead|tbody|tr|th|td)$/.test(t)), ['<a', '</a']);
  });

  it('the report links each account to the path linkOf gives, and names without one stay text', () => {
    const config = team('Boss', 'crit', 'APAC');
    const values = [{ name: 'Acme [x] | y', owner: 'dewi', currency: 'USD', region: 'APAC', title: 'Plan' }];
    const all = accounts(values, config);
    const report = buildReport(all, config, Q4, TODAY);
    const linked = linksOf(renderMarkdown(reportToMarkdown(report, { linkOf: (file) => (file.includes('won') ? undefined : `/${file}`) })));
    assert.ok(linked.length > 0);
    for (const link of linked) {
      assert.equal(link.text, 'Acme [x] | y');
      assert.ok(all.some((a) => `/${a.file}` === link.href && !a.file.includes('won')), link.href);
    }
    assert.deepEqual(linksOf(renderMarkdown(reportToMarkdown(report))), [], 'no links without linkOf (the CLI)');
  });

  it('the review links handed-off, moved, new and changed accounts to their file now, not removed ones', () => {
    const config = defaultConfig();
    const file = (path: string, name: string, stage: string, arr = 1000) => ({ file: path, text: `---\nname: ${name}\nstage: ${stage}\narr: ${arr}\ncurrency: USD\n---\n` });
    const roleOf = (path: string) => (path.startsWith('accounts/ae/') ? 'ae' : path.startsWith('accounts/am/') ? 'am' : undefined);
    const before = [file('accounts/ae/a.md', 'Handed', 'closed_won'), file('accounts/ae/m.md', 'Moved', 'demo'), file('accounts/ae/gone.md', 'Gone', 'demo'), file('accounts/am/v.md', 'Valued', 'active')];
    const after = [file('accounts/am/a.md', 'Handed', 'onboarding'), file('accounts/ae/m.md', 'Moved', 'proposal'), file('accounts/ae/new.md', 'New', 'demo'), file('accounts/am/v.md', 'Valued', 'active', 2000)];
    const markdown = diffToMarkdown(diffAccounts(before, after, new Map([['accounts/ae/a.md', 'accounts/am/a.md']]), roleOf, config), 'main', 'working tree', config, { linkOf: (path) => `/${path}` });
    assert.deepEqual(linksOf(renderMarkdown(markdown)), [
      { text: 'Handed', href: '/accounts/am/a.md' },
      { text: 'Moved', href: '/accounts/ae/m.md' },
      { text: 'New', href: '/accounts/ae/new.md' },
      { text: 'Valued', href: '/accounts/am/v.md' },
    ]);
  });
});

describe('hostile content in the notes written into account bodies', () => {
  const config = defaultConfig();
  const target = (file: string, yaml: string): EditTarget => {
    const text = `---\n${yaml}\n---\n\n# Notes\n`;
    const { account } = readAccount(file, file.includes('/am/') ? 'am' : 'ae', text, config);
    assert.ok(account);
    return { file, role: account.role, text, name: account.name, stage: account.stage, data: account.data };
  };
  const bodyOf = (text: string) => text.slice(text.indexOf('\n---\n') + 5);

  it('the handoff note shows the name, the AE and the AM as text', () => {
    const plan = planHandoff(target('accounts/ae/a.md', `name: ${quoted('<img src=x onerror=alert(1)> [x](javascript:1)')}\nstage: closed_won\nae: ${quoted('@dewi <b>')}`), { to: '**budi** <i>', today: TODAY, template: '## Note for {{name}}\n\n{{from}} → {{to}}\n' }, config);
    assert.equal(bodyOf(plan.newText), '\n# Notes\n', 'the account body is left as it was');
    const html = renderMarkdown(bodyOf(plan.note!.newText));
    assert.doesNotMatch(html, /<(img|a|b|i|strong)\b/);
    assertShows(html, '<img src=x onerror=alert(1)> [x](javascript:1)', 'note');
    assertShows(html, '**budi** <i>', 'note');
    const other = planHandoff(target('accounts/ae/a.md', 'name: A\nstage: closed_won'), { to: 'b@example.com', today: TODAY, template: '{{constructor}} {{toString}} {{nothing}}\n' }, config);
    assert.ok(other.note!.newText.endsWith('{{constructor}} {{toString}} {{nothing}}\n'), 'a key that is not a field stays as written');
  });

  it('the hand-back note, the check-up line and a new account’s heading show what was typed as text', () => {
    const handback = planHandback(target('accounts/am/a.md', 'name: A\nstage: active\nam: budi@example.com'), { to: 'dewi@example.com', reason: '<script>alert(1)</script> [win](javascript:1)', today: TODAY }, config);
    const checkup = planCheckup(target('accounts/am/a.md', 'name: A\nstage: active'), { today: TODAY, outcome: '<img src=x> **great** | `x`', satisfaction: 8 });
    assert.equal(bodyOf(handback.newText), '\n# Notes\n', 'the hand-back note goes to the handoff note, not the account');
    const created = planNewAccount('Acme <img src=x onerror=alert(1)> ## [x](javascript:1)', TODAY, config);
    for (const [markdown, typed] of [
      [bodyOf(handback.note!.newText), '<script>alert(1)</script> [win](javascript:1)'],
      [bodyOf(checkup.newText), '<img src=x> **great** | `x`'],
      [bodyOf(created.text), 'Acme <img src=x onerror=alert(1)> ## [x](javascript:1)'],
    ] as const) {
      const html = renderMarkdown(markdown);
      assert.doesNotMatch(html, /<(img|a|script|strong|code)\b/, markdown);
      assertShows(html, typed, 'note');
    }
  });

  it('a note in the account file keeps a typed @name and #12 as typed: no invisible character in the team\'s notes', () => {
    const checkup = planCheckup(target('accounts/am/a.md', 'name: A\nstage: active'), { today: TODAY, outcome: 'called @budi about #12', satisfaction: 8 });
    assert.ok(bodyOf(checkup.newText).includes('called @budi about #12'), bodyOf(checkup.newText));
    assert.equal(markdownText('@budi #12', 'file'), '@budi #12');
    assert.equal(markdownText('@budi #12'), '@\u2060budi #\u206012', 'a comment still neither notifies nor links');
  });

  it('property: a handoff note holds any name and people without new elements', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const rnd = random(5000 + seed);
      const [name, ae, am] = [hostile(rnd), hostile(rnd), hostileLine(rnd)];
      const note = (n: string, a: string, m: string) => {
        const plan = planHandoff(target('accounts/ae/a.md', `name: ${quoted(n)}\nstage: closed_won\nae: ${quoted(a)}`), { to: m, today: TODAY, template: '{{name}}\n\n# {{name}}\n\n- **From:** {{from}}\n- **To:** {{to}}\n\n| who | |\n| --- | --- |\n| {{from}} | {{to}} |\n' }, config);
        assert.equal(bodyOf(plan.newText), '\n# Notes\n');
        return bodyOf(plan.note!.newText);
      };
      const html = assertSameStructure(note(name, ae, am), note('Plain', 'ae', 'am'), `seed ${5000 + seed}`);
      for (const value of [name, ae, am.trim()]) assertShows(html, value, `seed ${5000 + seed}`);
    }
  });
});
