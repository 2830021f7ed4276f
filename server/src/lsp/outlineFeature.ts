// textDocument/documentSymbol and textDocument/foldingRange: the outline of releases.

import { DocumentSymbol, SymbolKind } from 'vscode-languageserver/node';
import { CorpusFile } from '../features/corpusIndex';
import { computeFoldingSpans, computeOutline, OutlineItem, OutlineItemKind } from '../features/outline';
import { getFileWithLines } from './context';
import { LspFeature } from './feature';
import { LineTable } from '../engine/lineTable';
import { SerialisedResult } from './serverConnection';

const SYMBOL_KINDS: Record<OutlineItemKind, SymbolKind> = {
  release: SymbolKind.Module,
  source: SymbolKind.Property,
  dateline: SymbolKind.Event,
  metadata: SymbolKind.Constant,
  turn: SymbolKind.Function,
  caption: SymbolKind.File,
  boilerplate: SymbolKind.Null,
};

/** Outlines kept for the files asked last (a Map in insertion order: the oldest goes first). */
const RECENT_OUTLINES = 8;

export const outlineFeature: LspFeature = {
  capabilities: { documentSymbolProvider: { label: 'Press Corpus' }, foldingRangeProvider: true },
  register(ctx) {
    const recentOutlines = new Map<string, { file: CorpusFile; answer: SerialisedResult }>();
    ctx.connection.onDocumentSymbol(({ textDocument }) => {
      const found = getFileWithLines(ctx, textDocument.uri);
      if (!found) return null;
      // Editors ask for the outline again on every focus change and breadcrumb refresh; a big file's outline is
      // thousands of symbols, so the last few files' answers are kept, serialised, until their text changes.
      const recent = recentOutlines.get(textDocument.uri);
      if (recent?.file !== found.file) {
        const symbols = computeOutline(found.file.parsed).map((item) => toDocumentSymbol(item, found.lines));
        recentOutlines.delete(textDocument.uri);
        recentOutlines.set(textDocument.uri, { file: found.file, answer: new SerialisedResult(symbols) });
        if (recentOutlines.size > RECENT_OUTLINES) recentOutlines.delete(recentOutlines.keys().next().value as string);
      }
      // The connection writes the serialised symbols (a DocumentSymbol[] on the wire).
      return recentOutlines.get(textDocument.uri)!.answer as unknown as DocumentSymbol[];
    });
    ctx.connection.onFoldingRanges(({ textDocument }) => {
      const found = getFileWithLines(ctx, textDocument.uri);
      if (!found) return null;
      return computeFoldingSpans(found.file.parsed)
        .map((span) => found.lines.toRange(span))
        .filter((range) => range.end.line > range.start.line)
        .map((range) => ({ startLine: range.start.line, endLine: range.end.line, kind: 'region' }));
    });
  },
};

function toDocumentSymbol(item: OutlineItem, lines: LineTable): DocumentSymbol {
  return {
    name: item.name || '(untitled)',
    detail: item.detail,
    kind: SYMBOL_KINDS[item.kind],
    range: lines.toRange(item.span),
    selectionRange: lines.toRange(item.selectionSpan),
    children: item.children.map((child) => toDocumentSymbol(child, lines)),
  };
}
