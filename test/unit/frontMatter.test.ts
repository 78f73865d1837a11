import * as assert from 'node:assert/strict';
import { splitFrontMatter, topLevelKeys, type FrontMatter } from '../../src/core/read/frontMatter';

function split(text: string): FrontMatter {
  const result = splitFrontMatter(text);
  assert.equal(result.kind, 'ok');
  return (result as { frontMatter: FrontMatter }).frontMatter;
}

describe('splitFrontMatter', () => {
  it('finds the YAML and the body of an LF file', () => {
    const text = '---\nname: Acme\nstage: demo\n---\n# Acme\n';
    const fm = split(text);
    assert.equal(fm.yaml, 'name: Acme\nstage: demo\n');
    assert.equal(text.slice(fm.bodyStart), '# Acme\n');
    assert.equal(fm.eol, '\n');
    assert.equal(fm.bom, false);
  });

  it('keeps CRLF line endings and notes a BOM', () => {
    const text = '\ufeff---\r\nname: Acme\r\n---\r\nbody\r\n';
    const fm = split(text);
    assert.equal(fm.bom, true);
    assert.equal(fm.eol, '\r\n');
    assert.equal(fm.yaml, 'name: Acme\r\n');
    assert.equal(text.slice(fm.bodyStart), 'body\r\n');
  });

  it('accepts `...` as the closing fence and a file that ends at the fence', () => {
    assert.equal(split('---\nname: A\n...').yaml, 'name: A\n');
    assert.equal(split('---\nname: A\n---').bodyStart, '---\nname: A\n---'.length);
  });

  it('tells a file without front-matter from one whose front-matter never closes', () => {
    assert.equal(splitFrontMatter('# Just notes\n---\n').kind, 'none');
    assert.equal(splitFrontMatter('----\nname: A\n----\n').kind, 'none');
    assert.equal(splitFrontMatter('---\nname: A\nstage: demo\n').kind, 'unclosed');
    assert.equal(splitFrontMatter('---').kind, 'unclosed');
  });

  it('reads the language of `---js` without treating it as YAML', () => {
    assert.equal(split('---js\n{ name: "A" }\n---\n').language, 'js');
    assert.equal(split('--- yaml\nname: A\n---\n').language, 'yaml');
  });
});

describe('topLevelKeys', () => {
  it('gives each top-level key its line and the columns of its value, comments and quotes aside', () => {
    const fm = split(['---', 'name: "Acme # 1"  # the legal name', "stage: 'demo'", 'arr: 120000 # USD', 'contacts:', '  - name: Sari', '"quoted key": x', '---', ''].join('\n'));
    const keys = topLevelKeys(fm);
    assert.deepEqual(keys.keys(), ['name', 'stage', 'arr', 'contacts', 'quoted key']);
    assert.deepEqual(keys.get('name'), { line: 1, keyColumn: 0, keyEnd: 4, valueColumn: 6, valueEnd: 16 });
    assert.deepEqual(keys.get('stage'), { line: 2, keyColumn: 0, keyEnd: 5, valueColumn: 7, valueEnd: 13 });
    assert.deepEqual(keys.get('arr'), { line: 3, keyColumn: 0, keyEnd: 3, valueColumn: 5, valueEnd: 11 });
    assert.equal(keys.get('contacts')?.line, 4);
    assert.equal(keys.get('quoted key')?.line, 6);
  });

  it('finds the keys the former regular expression found, on 20,000 random lines (the scanner is linear, the pattern was not)', () => {
    // The pattern the scanner replaced: correct, but quadratic on a long run of blanks after a key-like start.
    const former = /^(?:"([^"]*)"|'([^']*)'|([^\s#"'\-?:,[\]{}][^:#]*?|-[^\s:#][^:#]*?))[ \t]*:(?:[ \t]+|$)/;
    const alphabet = ['a', 'b', ' ', '\t', ':', '#', '"', "'", '-', '?', ',', '[', ']', '{', '}', '\\', 'é', '\u00a0'];
    let seed = 12;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 20_000; round++) {
      const line = Array.from({ length: random(9) }, () => alphabet[random(alphabet.length)]).join('');
      const match = former.exec(line);
      const keys = topLevelKeys(split(`---\n${line}\n---\n`));
      const expected = match ? [[match[1] ?? match[2] ?? match[3], match[0].lastIndexOf(':'), match[0].length]] : [];
      const found = keys.keys().map((name) => [name, keys.get(name)!.keyEnd, keys.get(name)!.valueColumn]);
      assert.deepEqual(found, expected, JSON.stringify(line));
    }
  });

  it('counts lines the same way in a CRLF file', () => {
    const keys = topLevelKeys(split('---\r\nname: Acme\r\nstage: demo   \r\n---\r\n'));
    assert.deepEqual(keys.get('stage'), { line: 2, keyColumn: 0, keyEnd: 5, valueColumn: 7, valueEnd: 11 });
  });
});
