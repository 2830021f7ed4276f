// What a line or block is, apart from body text: web chrome, a Source line, metadata, a photo caption.
// Patterns follow how publishers lay out releases (NATO, defense.gov, White House, GOV.UK, EU Council, UN),
// not the wording of one file: see docs/format.md.

import { Block } from './blocks';

const CHROME_LINES: readonly RegExp[] = [
  /^an official website of the (united states|u\.s\.) government$/i,
  /^here['’]s how you know$/i,
  /^official websites use \.(gov|mil)$/i,
  /^(a )?\.(gov|mil) website belongs to an official government organi[sz]ation/i,
  /^secure \.(gov|mil) websites use https$/i,
  /^a lock \(.*\) or https:\/\/ means/i,
  /^related (stories|articles|content|links|news|posts|pages|topics|videos)$/i,
  /^(share|print|email|tweet|copy link|facebook|twitter|x|linkedin|whatsapp|reddit)( this( page| article| story| release)?)?:?$/i,
  /^skip to (main )?(content|navigation)$/i,
  /^back to top$/i,
  /^(home|menu|search|close|navigation|breadcrumb|main menu)$/i,
  /^you are here:?/i,
  /^(read|see|show|load) more$/i,
  /^(previous|next) (article|story|post|release|page)$/i,
  /^follow us( on .*)?$/i,
  /^(was this page|is this page) (helpful|useful)\??/i,
  /\b(accept|reject) (all|additional|analytics) cookies\b|^cookies on |^we use (some essential )?cookies\b|^(cookie|privacy) (settings|preferences|policy)$/i,
  /^(sign up|subscribe)\b.{0,60}\b(newsletter|updates|alerts|emails?)\.?$/i,
  /^this (page|article|release) is (also )?available in\b/i,
  /^(download|view|watch) (the )?(pdf|full (text|video|transcript)|video|photos?|image)$/i,
  /^(tags|topics|categories|keywords):/i,
  /^(©|copyright\b)/i,
];

export function isChromeLine(line: string): boolean {
  return line.length <= 200 && CHROME_LINES.some((pattern) => pattern.test(line));
}

export function isChromeBlock(block: Block): boolean {
  return block.lines.every((line) => isChromeLine(line.text));
}

const SOURCE_LINE = /^Source\s*:\s*(\S.{0,120})$/i;

/** The publisher of a "Source: NATO" line, or undefined for any other block. */
export function getSourceName(block: Block): string | undefined {
  return block.lines.length === 1 ? SOURCE_LINE.exec(block.lines[0].text)?.[1].trim() : undefined;
}

const BULLET_LINE = /^[•·▪‣◦●]\s*/;
const PUBLISHED_LINE = /^(last updated|updated|published|released|posted|date|issued)\s*(:|on\b)\s*\S/i;
const DELIVERY_NOTE = /^\(?\s*(as delivered|as prepared( for delivery)?|check against delivery|embargoed\b[^)]*|unofficial translation|original: [^)]+)\s*\)?$/i;

export type MetadataKind = 'bullet' | 'delivery-note' | 'published';

/** Metadata lines as pages put them between the title and the body: "• 04 Apr. 2024 -", "(As delivered)". */
export function getMetadataKind(line: string): MetadataKind | undefined {
  if (line.length > 120) return undefined;
  if (DELIVERY_NOTE.test(line)) return 'delivery-note';
  if (BULLET_LINE.test(line)) return 'bullet';
  if (PUBLISHED_LINE.test(line)) return 'published';
  return undefined;
}

export function isMetadataBlock(block: Block): boolean {
  return block.lines.every((line) => getMetadataKind(line.text) !== undefined);
}

const CAPTION_MARKER = /^((photo|image|picture)\s*)?credit\s*:|^VIRIN\s*:|^(photo|image|picture)\s*(by\b|:)|^\((photo|image|picture)\b[^)]*\)$/i;

/** A photo caption block: caption lines ending with "Credit: …" / "VIRIN: …" or a "Photo: …" line. */
export function isCaptionBlock(block: Block): boolean {
  return block.lines.length <= 8 && block.lines.some((line) => CAPTION_MARKER.test(line.text));
}

export function getCaptionCredit(block: Block): string | undefined {
  for (const line of block.lines) {
    const credit = /^(?:(?:photo|image|picture)\s*)?credit\s*:\s*(.+)$|^(?:photo|image|picture)\s*(?:by|:)\s*(.+)$/i.exec(line.text);
    if (credit) return (credit[1] ?? credit[2]).trim();
  }
  return undefined;
}

/** The caption's short title: the line before the descriptive sentence ("Stoltenberg Remarks"). */
export function getCaptionTitle(block: Block): string | undefined {
  const plain = block.lines.filter((line) => !CAPTION_MARKER.test(line.text));
  const short = plain.find((line, i) => i > 0 && line.text.split(/\s+/).length <= 8 && !/[.!?]$/.test(line.text));
  return (short ?? plain[0])?.text;
}
