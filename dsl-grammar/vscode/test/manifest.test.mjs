// The manifest's contributions point at files that exist and parse, and the client is valid JavaScript, so a
// packaged .vsix does not fail only once installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { extensionDir } from '../scripts/tokenizer.mjs';

const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
const readJson = (relative) => JSON.parse(fs.readFileSync(path.join(extensionDir, relative), 'utf8'));

test('the strat language, its grammar and its snippets are contributed from files that parse', () => {
  const [language] = manifest.contributes.languages;
  assert.equal(language.id, 'strat');
  assert.deepEqual(language.extensions, ['.strat']);
  const configuration = readJson(language.configuration);
  assert.deepEqual(configuration.comments, { lineComment: '//', blockComment: ['/*', '*/'] });

  const [grammar] = manifest.contributes.grammars;
  assert.equal(grammar.language, 'strat');
  assert.equal(readJson(grammar.path).scopeName, grammar.scopeName);

  const [snippets] = manifest.contributes.snippets;
  const prefixes = Object.values(readJson(snippets.path)).flatMap((snippet) => [snippet.prefix].flat());
  for (const expected of ['strategy', 'when', 'on signal', 'buy', 'sell']) {
    assert.ok(prefixes.includes(expected), `no snippet with the prefix '${expected}'`);
  }
});

test('the language client is valid JavaScript and declares what it needs', () => {
  execFileSync(process.execPath, ['--check', path.join(extensionDir, manifest.main)]);
  assert.ok(manifest.dependencies['vscode-languageclient'], 'vscode-languageclient is a runtime dependency');
  assert.ok(manifest.contributes.configuration.properties['strat.server.command']);
});
