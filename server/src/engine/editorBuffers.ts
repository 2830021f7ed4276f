// What an editor front end knows that the disk does not: the text of files open in it (possibly unsaved) and a
// way to change an open buffer instead of the file. The CLI has no editor and passes NO_EDITOR.

export interface EditorBuffers {
  /** The text the editor shows for the file, when it is open. */
  getOpenText(uri: string): string | undefined;
  /** Changes the open buffer from `before` to `after` (the analyst saves it); rejects when the editor refuses. */
  applyEdit(uri: string, before: string, after: string, label: string): Promise<void>;
}

export const NO_EDITOR: EditorBuffers = {
  getOpenText: () => undefined,
  applyEdit: () => Promise.reject(new Error('No editor holds this file.')),
};
