// Loads the extension's TextMate grammar into vscode-textmate with the Oniguruma WASM build: the engine and
// regex library VS Code itself uses, so what the tests and the docs picture see is what the editor shows.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';

const require = createRequire(import.meta.url);

export const extensionDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const grammarPath = path.join(extensionDir, 'syntaxes', 'strat.tmLanguage.json');

let onigLib;

function loadOniguruma() {
  onigLib ??= oniguruma
    .loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')))
    .then(() => ({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }));
  return onigLib;
}

/** A registry holding only the strat grammar; `theme` is an optional VS Code style theme ({ settings }). */
export function createRegistry(theme) {
  const registry = new vsctm.Registry({
    onigLib: loadOniguruma(),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.strat'
        ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath)
        : null,
  });
  if (theme) {
    registry.setTheme(theme);
  }
  return registry;
}

export async function loadGrammar(registry = createRegistry()) {
  const grammar = await registry.loadGrammar('source.strat');
  if (!grammar) {
    throw new Error(`could not load ${grammarPath}`);
  }
  return grammar;
}

/**
 * Tokenizes a whole document, carrying the rule stack from line to line as the editor does.
 * Returns one array per line of { text, scopes, column } (column 0-based), and the final rule stack, whose
 * depth is INITIAL's when nothing (comment, string, block) is left open.
 */
export function tokenizeDocument(grammar, source) {
  let state = vsctm.INITIAL;
  const lines = source.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({
      text: line.slice(token.startIndex, token.endIndex),
      column: token.startIndex,
      scopes: token.scopes,
    }));
  });
  return { lines, endState: state };
}

export const INITIAL = vsctm.INITIAL;
