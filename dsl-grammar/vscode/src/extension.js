// @ts-check
'use strict';

// Starts `stratc lsp` for .strat files. Highlighting and snippets work without it (they are declarative);
// the server adds the compiler's diagnostics, hover, completion, definitions, symbols and formatting.

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('strat.restartServer', async () => {
      await stopClient();
      await startClient();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('strat.server')) {
        await stopClient();
        await startClient();
      }
    }),
  );
  await startClient();
}

async function startClient() {
  const settings = vscode.workspace.getConfiguration('strat.server');
  const command = settings.get('command', 'stratc');
  const args = [...settings.get('extraArgs', []), 'lsp'];
  // The transport is left out on purpose: the client then talks over the process's stdin/stdout without
  // appending --stdio to the arguments.
  const executable = { command, args };
  client = new LanguageClient(
    'strat',
    'Strat Language Server',
    { run: executable, debug: executable },
    {
      documentSelector: [
        { scheme: 'file', language: 'strat' },
        { scheme: 'untitled', language: 'strat' },
      ],
    },
  );
  try {
    await client.start();
  } catch (error) {
    client = undefined;
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(
      `Could not start the stratc language server ('${command} lsp'): ${message}. ` +
        'Set "strat.server.command" to the stratc executable; highlighting and snippets keep working without it.',
    );
  }
}

async function stopClient() {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop();
  }
}

function deactivate() {
  return stopClient();
}

module.exports = { activate, deactivate };
