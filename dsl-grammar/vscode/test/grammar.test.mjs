// Every example strategy of the repository must tokenize cleanly with the grammar VS Code loads: no illegal
// token, no stretch of code the grammar does not recognise, and no construct left open at the end of a file.
// Precise scope assertions live in test/fixtures/*.test.strat (vscode-tmgrammar-test, run by `npm test`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { extensionDir, loadGrammar, tokenizeDocument, INITIAL } from '../scripts/tokenizer.mjs';

const repositoryRoot = path.resolve(extensionDir, '..', '..');
const examplesDir = path.join(repositoryRoot, 'examples');

function exampleFiles() {
  const examples = fs.existsSync(examplesDir)
    ? fs.readdirSync(examplesDir, { recursive: true }).filter((name) => name.endsWith('.strat'))
    : [];
  return examples.sort().map((name) => path.join(examplesDir, name));
}

const grammar = await loadGrammar();

test('the repository has example strategies to check the grammar against', () => {
  assert.ok(exampleFiles().length > 0, `no .strat files under ${examplesDir}`);
});

for (const file of exampleFiles()) {
  const name = path.relative(repositoryRoot, file);

  test(`${name} tokenizes without unrecognised or illegal code`, () => {
    const { lines, endState } = tokenizeDocument(grammar, fs.readFileSync(file, 'utf8'));
    const problems = [];
    lines.forEach((tokens, index) => {
      for (const token of tokens) {
        const where = `${name}:${index + 1}:${token.column + 1}`;
        if (token.scopes.some((scope) => scope.startsWith('invalid.'))) {
          problems.push(`${where} illegal token '${token.text}' (${token.scopes.join(' ')})`);
        } else if (token.scopes.length === 1 && token.text.trim() !== '') {
          problems.push(`${where} '${token.text}' is not recognised by the grammar`);
        }
      }
    });
    assert.deepEqual(problems, []);
    assert.ok(endState.depth === INITIAL.depth, `${name}: a string, comment or block is still open at the end of the file`);
  });
}

test('a block comment inside an expression does not swallow the rest of the line', () => {
  const { lines } = tokenizeDocument(grammar, 'rsi(14 /* length */) < 30');
  const scopesOf = (text) => lines[0].find((token) => token.text === text)?.scopes.at(-1);
  assert.equal(scopesOf(' length '), 'comment.block.strat');
  assert.equal(scopesOf('<'), 'keyword.operator.comparison.strat');
  assert.equal(scopesOf('30'), 'constant.numeric.decimal.strat');
});

test('a block comment spanning lines carries over to the next line and ends there', () => {
  const { lines, endState } = tokenizeDocument(grammar, 'close > /* first\nsecond */ open');
  assert.deepEqual(lines[1].map((token) => [token.text, token.scopes.at(-1)]), [
    ['second ', 'comment.block.strat'],
    ['*/', 'punctuation.definition.comment.end.strat'],
    [' ', 'source.strat'],
    ['open', 'support.variable.builtin.strat'],
  ]);
  assert.ok(endState.depth === INITIAL.depth);
});

test('an unterminated string ends at the end of its line instead of colouring the rest of the file', () => {
  const { lines } = tokenizeDocument(grammar, 'signal("OOPS\nwhen');
  assert.equal(lines[1][0].scopes.at(-1), 'keyword.control.strat');
});
