// Renders a .strat file as VS Code's Dark+ theme colours it with this grammar, to HTML, and optionally to a PNG
// with headless Chromium. The picture in docs/editor.md is made with:
//
//   npm run render -- ../../examples/momentum.strat ../../docs/images/editor-highlighting.png
//
// Colours come from vscode-textmate's own theme matching (tokenizeLine2), not from a copy of the scope rules.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRegistry, loadGrammar, INITIAL } from './tokenizer.mjs';

// The Dark+ rules that apply to the scopes this grammar produces (VS Code's dark_vs.json and dark_plus.json).
const DARK_PLUS = {
  name: 'Dark+',
  settings: [
    { settings: { foreground: '#D4D4D4', background: '#1E1E1E' } },
    { scope: 'comment', settings: { foreground: '#6A9955' } },
    { scope: 'string', settings: { foreground: '#CE9178' } },
    { scope: 'constant.character.escape', settings: { foreground: '#D7BA7D' } },
    { scope: ['constant.numeric', 'keyword.other.unit'], settings: { foreground: '#B5CEA8' } },
    { scope: 'constant.language', settings: { foreground: '#569CD6' } },
    { scope: ['keyword', 'storage.type'], settings: { foreground: '#569CD6' } },
    { scope: 'keyword.control', settings: { foreground: '#C586C0' } },
    { scope: 'keyword.operator', settings: { foreground: '#D4D4D4' } },
    { scope: ['keyword.operator.logical', 'keyword.operator.word'], settings: { foreground: '#569CD6' } },
    { scope: ['entity.name.function', 'support.function'], settings: { foreground: '#DCDCAA' } },
    { scope: ['entity.name.type'], settings: { foreground: '#4EC9B0' } },
    { scope: ['variable', 'support.variable', 'variable.parameter'], settings: { foreground: '#9CDCFE' } },
    { scope: ['variable.other.constant'], settings: { foreground: '#4FC1FF' } },
    { scope: 'invalid', settings: { foreground: '#F44747' } },
  ],
};

// vscode-textmate's EncodedTokenAttributes layout: foreground colour index in bits 15..23.
const FOREGROUND_OFFSET = 15;
const FOREGROUND_MASK = 0b1_1111_1111 << FOREGROUND_OFFSET;

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function renderHtml(sourcePath) {
  const registry = createRegistry(DARK_PLUS);
  const grammar = await loadGrammar(registry);
  const colours = registry.getColorMap();
  let state = INITIAL;
  const source = fs.readFileSync(sourcePath, 'utf8').replace(/\n$/, '').split(/\r?\n/);
  const lines = source.map((line) => {
    const { tokens, ruleStack } = grammar.tokenizeLine2(line, state);
    state = ruleStack;
    let html = '';
    for (let i = 0; i < tokens.length; i += 2) {
      const start = tokens[i];
      const end = i + 2 < tokens.length ? tokens[i + 2] : line.length;
      const colour = colours[(tokens[i + 1] & FOREGROUND_MASK) >>> FOREGROUND_OFFSET];
      html += `<span style="color:${colour}">${escapeHtml(line.slice(start, end))}</span>`;
    }
    return html;
  });
  const numbered = lines.map((html, index) => `<span class="n">${index + 1}</span>${html}`).join('\n');
  return {
    lineCount: lines.length,
    longestLine: Math.max(...source.map((line) => line.length)),
    html: `<!doctype html><meta charset="utf-8"><title>${escapeHtml(path.basename(sourcePath))}</title>
<style>
  body { margin: 0; background: #1E1E1E; }
  .tab { font: 13px system-ui, sans-serif; color: #FFFFFF; background: #1E1E1E; padding: 8px 16px;
         border-bottom: 1px solid #2B2B2B; }
  pre { margin: 0; padding: 12px 16px; color: #D4D4D4;
        font: 14px/20px "DejaVu Sans Mono", "Cascadia Mono", Menlo, monospace; }
  .n { display: inline-block; width: 2.5em; margin-right: 1.5em; text-align: right; color: #858585; }
</style>
<div class="tab">${escapeHtml(path.basename(sourcePath))}</div>
<pre>${numbered}</pre>
`,
  };
}

async function main() {
  const [source, png] = process.argv.slice(2);
  if (!source) {
    console.error('usage: npm run render -- <file.strat> [picture.png]');
    process.exit(2);
  }
  const { html, lineCount, longestLine } = await renderHtml(source);
  const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'strat-render-'));
  const htmlPath = path.join(outputDir, 'example.html');
  fs.writeFileSync(htmlPath, html);
  if (!png) {
    console.log(htmlPath);
    return;
  }
  execFileSync(process.env.CHROMIUM ?? 'chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars',
    `--user-data-dir=${path.join(outputDir, 'profile')}`,
    // 14px DejaVu Sans Mono is 8.43px a character; the gutter and padding take about 100px.
    `--window-size=${Math.ceil(longestLine * 8.5) + 110},${lineCount * 20 + 70}`,
    `--screenshot=${path.resolve(png)}`,
    `file://${htmlPath}`,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  fs.rmSync(outputDir, { recursive: true, force: true });
  console.log(path.resolve(png));
}

await main();
