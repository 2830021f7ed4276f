// The TextMate grammar, run by the same engine VS Code uses, on lines of the seeds.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { REPO_ROOT } from '../support/lspClient';

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => textmate.parseRawGrammar(readFileSync(join(REPO_ROOT, 'syntaxes', 'press-corpus.tmLanguage.json'), 'utf8'), 'grammar.json'),
  });
  return (await registry.loadGrammar('text.press-corpus'))!;
}

/** "text → scope" for each token of the line whose innermost scope is not the root. */
function scopesOf(grammar: textmate.IGrammar, line: string): string[] {
  const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
  return tokens
    .filter((token) => token.scopes.length > 1)
    .map((token) => `${line.slice(token.startIndex, token.endIndex)} → ${token.scopes[token.scopes.length - 1].replace(/\.press-corpus$/, '')}`);
}

test('the grammar marks Source lines, bullets, speakers, outlets, quotes and [inaudible]', async () => {
  const grammar = await loadGrammar();
  assert.deepEqual(scopesOf(grammar, 'Source: NATO'), [
    'Source → keyword.other.source',
    ': → punctuation.separator.key-value',
    'NATO → entity.name.tag.source',
  ]);
  assert.deepEqual(scopesOf(grammar, '  • Last updated: 05 Apr. 2024 12:01'), [
    '• → punctuation.definition.list.begin',
    'Last updated: 05 Apr. 2024 12:01 → comment.line.metadata',
  ]);
  assert.deepEqual(scopesOf(grammar, '(As delivered)'), ['(As delivered) → comment.line.delivery-note']);
  assert.deepEqual(scopesOf(grammar, 'Andrew Gray (Reuters): Thank you.').slice(0, 5), [
    'Andrew Gray → entity.name.function.speaker',
    '( → punctuation.section.parens.begin',
    'Reuters → entity.name.type.outlet',
    ') → punctuation.section.parens.end',
    ': → punctuation.separator.speaker',
  ]);
  assert.deepEqual(scopesOf(grammar, 'NATO Spokesperson Farah Dakhlallah: Thank you.').slice(0, 2), [
    'NATO Spokesperson Farah Dakhlallah → entity.name.function.speaker',
    ': → punctuation.separator.speaker',
  ]);
  assert.ok(
    scopesOf(grammar, 'Dmytro Shkurko (National News Agency of Ukraine, Ukrinform): [inaudible]').includes('[inaudible] → invalid.deprecated.inaudible'),
  );
  assert.ok(scopesOf(grammar, 'He wrote: “Our soul shall never perish;”').some((s) => s.endsWith('string.quoted.double')));
  assert.deepEqual(scopesOf(grammar, 'Stoltenberg: Ukraine Can Count on NATO For Long Haul'), [], 'a headline with a colon is not a speaker');
  assert.deepEqual(scopesOf(grammar, 'Credit: NATO').slice(0, 1), ['Credit → keyword.other.caption']);
});
