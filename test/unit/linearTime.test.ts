// Issue 12: no regular expression in src/ backtracks super-linearly on hostile input. For every
// function that runs one over text a file or the team controls, and every input shape known to
// hurt a backtracking engine (long runs of spaces, tabs, `#`, `-`, quotes, newlines, `{{`), the
// time at 512 KB must stay within a linear factor of the time at 32 KB. A complexity assertion,
// not a timed target: quadratic code takes 256× longer for 16× the input.
import * as assert from 'node:assert/strict';
import { readAccount } from '../../src/core/read/accountRead';
import { parseConfig } from '../../src/core/read/configRead';
import { csvField } from '../../src/core/output/csv';
import { htmlText } from '../../src/core/output/html';
import { markdownCode, markdownLink, markdownText } from '../../src/core/output/markdown';
import { notificationText } from '../../src/core/output/notificationText';
import { isPlainYaml } from '../../src/core/read/plainYaml';
import { visibleText } from '../../src/core/output/visibleText';
import { hasEscapedBytes, textOfBytes } from '../../src/core/read/fileText';
import { splitFrontMatter, topLevelKeys } from '../../src/core/read/frontMatter';
import { appendToBody, appendToSection, readFrontMatterSource, yamlScalar } from '../../src/core/edit/frontMatterEdit';
import { fillTemplate } from '../../src/core/edit/handoff';
import { accountFileName, planNewAccount } from '../../src/core/edit/newAccount';
import { matchesText } from '../../src/core/insight/pipeline';
import { checkupsOf } from '../../src/core/insight/checkupLog';
import { bodyContains, searchNeedle } from '../../src/core/insight/bodySearch';
import { parseFrontMatterYaml } from '../../src/core/read/safeYaml';
import { workspacePath } from '../../src/core/read/workspacePath';

const sample = readAccount('accounts/ae/a.md', 'ae', '---\nname: Ærø Ltd\nstage: demo\n---\n', parseConfig(undefined).config).account!;
const SIZES = [32 * 1024, 128 * 1024, 512 * 1024];
const config = parseConfig(undefined).config;

/** Best of three, in milliseconds. */
function time(run: () => void): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

/** A run of `unit` about `size` characters long. */
const run = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Front-matter whose one long line is `line`, so the key scan and the readers meet it. */
const account = (line: string) => `---\nname: A\nstage: demo\n${line}\n---\n`;

const SHAPES: Record<string, (size: number) => string> = {
  'letters, no colon': (n) => run('a', n),
  'a letter then spaces': (n) => 'a' + run(' ', n) + 'x',
  'a letter then tabs and spaces': (n) => 'a' + run(' \t', n) + 'x',
  'a dash then spaces': (n) => '-a' + run(' ', n) + 'x',
  'quotes': (n) => run('"', n),
  'a quote then spaces': (n) => '"a' + run(' ', n),
  'hashes': (n) => 'a' + run('#', n) + 'x',
  'spaces and hashes': (n) => 'a' + run(' #', n) + 'x',
  'colons and spaces': (n) => 'a' + run(': ', n) + 'x',
  'a key then spaces': (n) => 'key: ' + run(' ', n) + 'x',
  'a key then spaces and hashes': (n) => 'key: x' + run(' #', n),
  'a quoted value never closed': (n) => 'key: "' + run('\\"', n),
  'braces': (n) => run('{{ ', n) + 'x',
  'newlines': (n) => run('\n', n) + 'x',
  'CRLF': (n) => run('\r\n', n) + 'x',
  'dashes': (n) => 'a' + run('-', n) + 'a',
  'digits and commas': (n) => run('1, ', n) + 'x',
  'lone surrogates': (n) => run('\udc80a', n),
};

const FUNCTIONS: Record<string, (input: string) => unknown> = {
  'topLevelKeys (the key scan of every account)': (input) => {
    const split = splitFrontMatter(account(input));
    if (split.kind === 'ok') topLevelKeys(split.frontMatter);
  },
  'readAccount (check, on a file with the long line in its front-matter)': (input) => readAccount('accounts/ae/a.md', 'ae', account(input), config),
  'readAccount (the long line as a quoted value)': (input) => readAccount('accounts/ae/a.md', 'ae', account(`x: ${JSON.stringify(input)}`), config),
  'readAccount (a long line in the body)': (input) => readAccount('accounts/ae/a.md', 'ae', account('') + input, config),
  'appendToSection (a long heading line in the body)': (input) => appendToSection(readFrontMatterSource(account('') + '# ' + input + '\n## Check-ups\n'), 'Check-ups', '- 2026-11-22 call'),
  'checkupsOf (a long check-up line, for the Account Overview)': (input) => checkupsOf(`${account('')}## Check-ups\n- 2026-11-22 — ${input} (satisfaction 5/10)\n- 2026-11-23 ${input}\n`),
  'appendToBody (a long note from a template)': (input) => appendToBody(readFrontMatterSource(account('')), input),
  'fillTemplate (a long template)': (input) => fillTemplate(input, { name: 'A' }),
  'yamlScalar (a long value)': (input) => yamlScalar(input),
  'bodyContains (a phrase searched in a long body)': (input) => bodyContains(account('') + input, searchNeedle('zebra sso')),
  'accountFileName (a long company name)': (input) => accountFileName(input),
  'planNewAccount (a long account template)': (input) => {
    try {
      // In a comment, so the placeholder pattern meets it in the front-matter without the YAML
      // readers allocating a 512 KB value (which times the garbage collector, not a pattern).
      planNewAccount('Acme', '2026-11-22', config, `---\nname: {{name}}\nstage: {{stage}}\n# ${input}\n---\n${input}\n`);
    } catch {
      // A template that does not read back as the account is refused; the time it took still counts.
    }
  },
  'matchesText (a long search)': (input) => matchesText(sample, input),
  'readAccount (a long value where a number belongs)': (input) => readAccount('accounts/ae/a.md', 'ae', account(`arr: ${JSON.stringify(input)}`), config),
  'workspacePath (a long path)': (input) => workspacePath(input),
  // The config reader's own patterns (`/^[\w.-]+$/u` on stage ids, `/^\d{4}(-Q[1-4])?$/` on quota
  // periods) are one anchored class or fixed text, linear by construction; timing parseConfig at
  // 512 KB would time the `yaml` package's parse and the garbage collector, not them.
  'textOfBytes and hasEscapedBytes': (input) => hasEscapedBytes(textOfBytes(Buffer.from(input, 'latin1'))),
  // The escaping function of each output format, on a name as long as a front-matter may be.
  'csvField (a long name)': (input) => csvField(input),
  'markdownText, markdownCode and markdownLink (a long name)': (input) => [markdownText(input), markdownCode(input), markdownLink(input, input)],
  'htmlText (a long name in a webview)': (input) => htmlText(input),
  'visibleText (a long name on the terminal)': (input) => visibleText(input),
  'notificationText (a long name in a notification)': (input) => notificationText(input),
  'isPlainYaml (the fast reader\'s check)': (input) => isPlainYaml(`name: A\nkey: ${input}\n`),
};

describe('no regular expression backtracks super-linearly on hostile input', function () {
  this.timeout(600_000);
  for (const [name, fn] of Object.entries(FUNCTIONS)) {
    it(name, () => {
      const slow: string[] = [];
      for (const [shape, make] of Object.entries(SHAPES)) {
        // A shape fails only when it is slow twice: a busy machine can stall one measurement.
        const problem = measure(fn, make) && measure(fn, make);
        if (problem) slow.push(`${shape}: ${problem}`);
      }
      assert.deepEqual(slow, []);
    });
  }
});

// The YAML 1.2 parser (the `yaml` package) reads whatever the fast path leaves: text made of
// thousands of errors or keys. Its own pretty errors and unique-key check were quadratic there (a
// 160 KB account of empty flow items took 30 s); both are replaced (yamlDocument.ts). Parsing is
// the package's work, not a pattern's, so these shapes are timed up to 128 KB to keep the test short.
const YAML_SHAPES: Record<string, (size: number) => string> = {
  'empty flow items': (n) => 'x: [' + run(',', n) + ']',
  'anchors on one value': (n) => 'x: ' + run('&a ', n) + '1',
  'a flow mapping repeating its key': (n) => 'x: {' + run('a: 1, ', n) + '}',
  'a key a line, each with an anchor': (n) => Array.from({ length: Math.ceil(n / 12) }, (_, i) => `k${i}: &a v`).join('\n'),
  'a quoted value of line breaks': (n) => 'x: "' + run('\n', n) + ' "',
};

describe('the YAML 1.2 parser stays linear on text the fast path leaves to it', function () {
  this.timeout(600_000);
  for (const [name, fn] of Object.entries({
    'parseFrontMatterYaml (the index)': (input: string) => expectThrowOrValue(() => parseFrontMatterYaml(`${input}\n`)),
    'readAccount (check)': (input: string) => readAccount('accounts/ae/a.md', 'ae', `---\n${input}\n---\n`, config),
    'parseConfig (.handoff.yml)': (input: string) => parseConfig(`${input}\n`),
  })) {
    it(name, () => {
      const slow: string[] = [];
      for (const [shape, make] of Object.entries(YAML_SHAPES)) {
        const problem = measure(fn, make, [8 * 1024, 32 * 1024, 128 * 1024]) && measure(fn, make, [8 * 1024, 32 * 1024, 128 * 1024]);
        if (problem) slow.push(`${shape}: ${problem}`);
      }
      assert.deepEqual(slow, []);
    });
  }
});

function expectThrowOrValue(read: () => unknown): unknown {
  try {
    return read();
  } catch (error) {
    return error;
  }
}

/** Undefined when `fn` grows linearly on this shape, else what was measured. */
function measure(fn: (input: string) => unknown, make: (size: number) => string, sizes = SIZES): string | undefined {
  const [small, middle, large] = sizes.map(make);
  const at32 = time(() => fn(small));
  // 4× the input: already far more than 4× the time means quadratic; 512 KB would take minutes.
  const at128 = time(() => fn(middle));
  const kb = (index: number) => `${sizes[index] / 1024} KB`;
  if (at128 > 16 * at32 + 30) return `${at32.toFixed(1)} ms at ${kb(0)}, ${at128.toFixed(1)} ms at ${kb(1)}`;
  // 16× the input; linear work takes about 16× the time. 40× plus 30 ms absorbs noise and GC.
  const at512 = time(() => fn(large));
  if (at512 > 40 * at32 + 30) return `${at32.toFixed(1)} ms at ${kb(0)}, ${at512.toFixed(1)} ms at ${kb(2)}`;
  return undefined;
}
