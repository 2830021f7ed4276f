// Hovers are markdown, and most of what they show comes from files anyone can write: entities.yaml descriptions,
// tag notes, release titles of the corpus. Every such text is escaped before it is put into markdown, so it shows
// as typed and can never become a `command:` link, a remote image or HTML in the editor.

/** `text` as literal markdown: the characters that make links, images, HTML, entities, code and emphasis are
 *  escaped (`#` or `-` can at worst make a heading or a list of a multi-line description: harmless, kept legible). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]()<>!&~|]/g, '\\$&');
}
