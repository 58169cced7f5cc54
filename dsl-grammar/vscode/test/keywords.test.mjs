// One source of truth for keywords and operators: the ANTLR grammar. Every literal token of Strat.g4 must be
// highlighted as what it is, so a keyword added to the language cannot be forgotten in the editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { extensionDir, loadGrammar, tokenizeDocument } from '../scripts/tokenizer.mjs';

const antlrGrammarPath = path.resolve(extensionDir, '..', 'src', 'main', 'antlr4', 'dev', 'stratc', 'grammar', 'Strat.g4');
const antlrGrammar = fs.readFileSync(antlrGrammarPath, 'utf8').replace(/\/\/.*$/gm, '');

/** Lexer rules made only of literals: `AND : 'and' | 'AND' | '&&';` gives { AND: ['and', 'AND', '&&'] }. */
function literalTokens() {
  const tokens = new Map();
  for (const [, name, body] of antlrGrammar.matchAll(/^([A-Z][A-Z_]*)\s*:\s*((?:'[^']*'\s*\|?\s*)+);/gm)) {
    tokens.set(name, [...body.matchAll(/'([^']*)'/g)].map((match) => match[1]));
  }
  return tokens;
}

/** Tokens that the parser also accepts as names (`identifier : IDENTIFIER | SIGNAL ;`): keywords only in context. */
function softKeywords() {
  const rule = antlrGrammar.match(/^identifier\s*:([^;]*);/m);
  assert.ok(rule, `no 'identifier' rule in ${antlrGrammarPath}`);
  return new Set([...rule[1].matchAll(/\b([A-Z][A-Z_]*)\b/g)].map((match) => match[1]).filter((name) => name !== 'IDENTIFIER'));
}

/** `ON SIGNAL` in a parser rule: the token before a soft keyword where it is one. */
function keywordContexts(softKeyword) {
  return [...antlrGrammar.matchAll(new RegExp(`\\b([A-Z][A-Z_]*)\\s+${softKeyword}\\b`, 'g'))].map((match) => match[1]);
}

const grammar = await loadGrammar();
const tokens = literalTokens();
const soft = softKeywords();

function scopeAt(line, column) {
  const { lines } = tokenizeDocument(grammar, line);
  const token = lines[0].find((candidate) => candidate.column <= column && column < candidate.column + candidate.text.length);
  return token.scopes.at(-1);
}

test('the ANTLR grammar has the keywords and operators this test checks', () => {
  for (const name of ['STRATEGY', 'PARAMETERS', 'SCAN', 'ENTRY', 'EXIT', 'WHEN', 'ON', 'SIGNAL', 'LET', 'AND', 'OR', 'NOT']) {
    assert.ok(tokens.has(name), `${name} is not a literal token of ${antlrGrammarPath}`);
  }
});

for (const [name, literals] of tokens) {
  for (const literal of literals) {
    const isWord = /^[A-Za-z_]+$/.test(literal);
    if (isWord && soft.has(name)) {
      test(`'${literal}' (${name}) is a keyword where the parser reads it as one, and a name elsewhere`, () => {
        const contexts = keywordContexts(name);
        const opensRule = new RegExp(`^[a-z][A-Za-z]*\\s*:\\s*${name}\\b`, 'm').test(antlrGrammar);
        assert.ok(contexts.length > 0 || opensRule, `${name} is never used as a keyword in the parser rules`);
        if (opensRule) {
          // strategy("X") { … }: the keyword that opens a file, at the start of its line
          assert.match(scopeAt(`${literal}("X")`, 0), /^keyword\./, `${literal}("X")`);
        }
        for (const before of contexts) {
          const line = `${tokens.get(before)[0]} ${literal}("X")`;
          assert.match(scopeAt(line, line.indexOf(` ${literal}`) + 1), /^keyword\./, line);
        }
        assert.match(scopeAt(`x > ${literal}.value`, 4), /^variable\./);
      });
    } else if (isWord) {
      test(`'${literal}' (${name}) is highlighted as a keyword`, () => {
        assert.match(scopeAt(`x ${literal} y`, 2), /^(keyword|storage\.type|constant\.language)\./);
      });
    } else {
      test(`'${literal}' (${name}) is highlighted as an operator or punctuation`, () => {
        assert.match(scopeAt(`x ${literal} y`, 2), /^(keyword\.operator|punctuation)\./);
      });
    }
  }
}

test('every spelling of AND, OR and NOT looks the same', () => {
  for (const name of ['AND', 'OR', 'NOT']) {
    const scopes = new Set(tokens.get(name).map((literal) => scopeAt(`x ${literal} y`, 2)));
    assert.deepEqual([...scopes], ['keyword.operator.logical.strat'], name);
  }
});

test('a keyword inside a longer name is not highlighted', () => {
  for (const literal of [...tokens.values()].flat().filter((text) => /^[a-z]+$/.test(text))) {
    assert.equal(scopeAt(`${literal}_x9`, 0), 'variable.other.strat', `${literal}_x9`);
  }
});
