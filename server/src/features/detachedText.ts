// Text an edit's results keep must not keep the whole file's text alive. A substring of a long string is, in V8, a
// view of its parent: the strings a window re-parse puts in its releases (titles, datelines, sources) would each
// keep that keystroke's version of the file, so typing in a 20 MB file kept 40 MB more per keystroke, for as long
// as those releases stayed unchanged. A detached copy holds only its own characters.

/** `text` as a string of its own, not a view of a longer one (same characters, costs its length). */
export function detachText(text: string): string {
  // Slicing a concatenation first flattens it into a new string: the slice is a view of that copy alone.
  return (' ' + text).slice(1);
}
