// The UTF-8 size of each open document, for pressCorpus.maxFileSizeMB. Counting a 20 MB text on every keystroke
// would cost more than re-parsing the edit: after the first count, only the changed range is counted again.

import { ChangedRange, findChangedRange, fitsLengths } from '../features/incrementalParse';
import { ReadableText } from '../features/pieceText';

export class DocumentSizes {
  private readonly sizes = new Map<string, { text: ReadableText; size: number }>();

  /**
   * The UTF-8 size of the document's text (counted from its last text's size when there is one, over `change`
   * when the editor said where it changed the text and that fits the lengths, else over the texts' difference).
   */
  getSize(uri: string, text: ReadableText, hint?: ChangedRange): number {
    const last = this.sizes.get(uri);
    let size: number;
    if (!last) size = countUtf8Bytes(text, 0, text.length);
    else {
      const change = hint && fitsLengths(hint, last.text, text) ? hint : findChangedRange(last.text.toString(), text.toString());
      size = last.size - countUtf8Bytes(last.text, change.start, change.beforeEnd) + countUtf8Bytes(text, change.start, change.afterEnd);
    }
    this.sizes.set(uri, { text, size });
    return size;
  }

  forget(uri: string): void {
    this.sizes.delete(uri);
  }
}

/** UTF-8 bytes of text[start, end): one per UTF-16 unit, plus more for 2- and 3-byte characters and 4 bytes per
 *  surrogate pair; a native search skips the ASCII runs between them. */
function countUtf8Bytes(text: ReadableText, start: number, end: number): number {
  const range = text.slice(start, end);
  let size = range.length;
  const beyondAscii = /[^\u0000-\u007f]/g; // eslint-disable-line no-control-regex -- every ASCII unit, control characters included
  for (let match = beyondAscii.exec(range); match; match = beyondAscii.exec(range)) {
    const unit = range.charCodeAt(match.index);
    size += unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 1 : 2;
  }
  return size;
}
