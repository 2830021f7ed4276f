// textDocument/documentSymbol and textDocument/foldingRange: the outline of releases.

import { DocumentSymbol, SymbolKind } from 'vscode-languageserver/node';
import { computeFoldingSpans, computeOutline, OutlineItem, OutlineItemKind } from '../features/outline';
import { getFileWithLines } from './context';
import { LspFeature } from './feature';
import { LineTable } from '../engine/lineTable';

const SYMBOL_KINDS: Record<OutlineItemKind, SymbolKind> = {
  release: SymbolKind.Module,
  source: SymbolKind.Property,
  dateline: SymbolKind.Event,
  metadata: SymbolKind.Constant,
  turn: SymbolKind.Function,
  caption: SymbolKind.File,
  boilerplate: SymbolKind.Null,
};

export const outlineFeature: LspFeature = {
  capabilities: { documentSymbolProvider: { label: 'Press Corpus' }, foldingRangeProvider: true },
  register(ctx) {
    ctx.connection.onDocumentSymbol(({ textDocument }) => {
      const found = getFileWithLines(ctx, textDocument.uri);
      return found ? computeOutline(found.file.parsed).map((item) => toDocumentSymbol(item, found.lines)) : null;
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
