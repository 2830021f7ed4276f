// What a line or block is, apart from body text: web chrome, a Source line, metadata, a photo caption.
// Patterns follow how publishers lay out releases (NATO, defense.gov, White House, GOV.UK, EU Council, UN),
// not the wording of one file: see docs/format.md.

import { answerOnce, Block, BlockQuestion, everyLine, getLines, someLine } from './blocks';
import { findFirstDate } from './dates';
import { countWords, endsWithMark, splitAtWhiteSpace } from './text';

const CHROME_LINES: readonly RegExp[] = [
  /^an official website of the (united states|u\.s\.) government( here['’]s how you know)?$/i,
  // A site's name and strapline above every page: "Beehive.govt.nz", "The official website of the … Government".
  /^(an?|the) official (web ?site|site|portal) of the [^.!?]{3,60}$/i,
  // A breadcrumb trail: "Home > News > Speeches and Statements by the Prime Minister > May 2023".
  /^(home|start)\s*[>›»|]\s*\S/i,
  /^here['’]s how you know$/i,
  /^official websites use \.(gov|mil)$/i,
  /^(a )?\.(gov|mil) website belongs to an official government organi[sz]ation/i,
  /^secure \.(gov|mil) websites use https$/i,
  /^a lock \(.*\) or https:\/\/ means/i,
  /^related( (stories|articles|content|links|news|posts|pages|topics|videos))?$/i,
  /^(share|like|print|email|tweet|copy link|facebook|twitter|x|linkedin|whatsapp|reddit)( this( page| article| story| release)?)?:?$/i,
  // A skip link, with the keyboard hint some sites print after it: "Skip to main content (Press Enter).".
  /^skip to (main )?(content|navigation)( \(press enter\))?\.?$/i,
  /^back to top$/i,
  /^(home( ?page)?|menu|search|close|navigation|breadcrumb|main menu)$/i,
  /^you are here:?/i,
  /^(read|see|show|load) more$/i,
  /^(previous|next) (article|story|post|release|page)$/i,
  /^follow us( on .*)?$/i,
  /^(stay connected|connect) with (us|the [^.!?]{2,60}):?$|^external link policy$/i,
  /^(was this page|is this page) (helpful|useful)\??/i,
  /^report a problem with this page$/i,
  // Site furniture of defense.gov and the EU Council under every page.
  /^subscribe to .{1,40} products$|^choose which .{1,40} products you want delivered to your inbox\.?$|^helpful links$/i,
  /^(visit the )?meeting page$|^press contacts$/i,
  // Blog trailers under every reposted text: they end the post, they are not its last sentence.
  /^posted by .{1,60} at \d{1,2}:\d{2}\s*[ap]\.?m\.?$/i,
  /^(no|\d+) comments?:?$|^post a comment$|^(newer post\s*)?(older post\s*)?home$|^subscribe to: post comments( \(atom\))?$|^labels?: /i,
  /^cookies on |^we use (some essential )?cookies\b|^(cookie|privacy) (settings|preferences|policy)$/i,
  /^(sign up|subscribe)\b.{0,60}\b(newsletter|updates|alerts|emails?)\.?$/i,
  /^this (page|article|release) is (also )?available in\b/i,
  /^(download|view|watch) (the )?(pdf|full (text|video|transcript)|video|photos?|image)$/i,
  /^(tags|topics|categories|keywords):/i,
  /^(©|copyright\b)/i,
  // Section navigation that pages print beside every release (White House, agencies).
  /^(briefing room|statements and releases|speeches and remarks|presidential actions|press briefings|latest news|news releases?|press releases)$/i,
  // Banners of archived pages and status notices under a page: about the page, not part of its text.
  /^you have accessed (part of )?(a|an) (historical|archived?) (collection|page|content|material)\b|^this (page|content) (is|has been) archived\b/i,
  /^(for information media\.?\s*)?not an official record\.?$/i,
  // End marks of US and UK releases, decorative separators.
  /^(#{3}|-\s*ends?\s*-|ends|-30-)$/i,
  /^([-*_=~•·]\s*){3,}$/,
];

// One alternation tested once instead of each pattern in turn: every line of a file is asked, often twice. Every
// alternative is anchored at the line's start, so a line that fails is not searched again from each later position.
const CHROME_LINE = new RegExp(CHROME_LINES.map((pattern) => `(?:${pattern.source})`).join('|'), 'i');

/** A cookie banner's button, anywhere in the line: the one chrome pattern searched at every position. */
const COOKIE_BUTTON = /\b(accept|reject) (all|additional|analytics) cookies\b/i;
/** "Accept all cookies" and "reject all cookies" are the shortest lines that hold a button. */
const MIN_COOKIE_BUTTON_LENGTH = 18;

export function isChromeLine(line: string): boolean {
  return (
    line.length <= 200 &&
    (CHROME_LINE.test(line) || (line.length >= MIN_COOKIE_BUTTON_LENGTH && COOKIE_BUTTON.test(line)) || isSiteDomain(line) || isBreadcrumbTrail(line))
  );
}

/** A site's name written as its domain above every page: "Beehive.govt.nz", "www.gov.ie". */
const SITE_DOMAIN = /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,6}$/i;

function isSiteDomain(line: string): boolean {
  // Searched only in a line of one word with a full stop: most lines have a space.
  return !line.includes(' ') && line.includes('.') && SITE_DOMAIN.test(line);
}

/** Three or more steps between ">", "›" or "»": "News › Speeches and statements › 2024". */
const BREADCRUMB_TRAIL = /^[^>›».!?]{1,50}(\s[>›»]\s+[^>›».!?]{1,60}){2,}$/;

function isBreadcrumbTrail(line: string): boolean {
  // A step never ends with a full stop, so most prose lines are ruled out by their last character, and only the
  // others are searched for a separator.
  const last = line.charCodeAt(line.length - 1);
  if (last === 0x2e || last === 0x21 || last === 0x3f) return false;
  return (line.includes('>') || line.includes('›') || line.includes('»')) && BREADCRUMB_TRAIL.test(line);
}

/** The answers under "Is this page useful?" (GOV.UK): chrome only in a block that chrome opens. */
const SURVEY_ANSWER = /^(yes|no|maybe)$/i;

export function isChromeBlock(block: Block): boolean {
  return answerOnce(block, BlockQuestion.IsChrome, hasOnlyChromeLines);
}

function hasOnlyChromeLines(block: Block): boolean {
  return (isChromeLine(block.firstLine) && everyLine(block, isChromeOrSurveyAnswer)) || isNavigationMenu(block);
}

/**
 * A site's menu: three or more lines of a few words, one of them chrome ("NATO" / "Home" / "News" / "Photos"),
 * bulleted or not ("• Home Page" / "• Chancellor" / "• News").
 */
function isNavigationMenu(block: Block): boolean {
  return block.lineCount >= 3 && everyLine(block, isMenuItem) && someLine(block, isChromeMenuItem);
}

function isChromeMenuItem(line: string): boolean {
  return isChromeLine(withoutBullet(line));
}

function withoutBullet(line: string): string {
  return BULLET_CODES.has(line.charCodeAt(0)) ? line.slice(1).trimStart() : line;
}

/** The longest menu entry: "Speeches and Statements by the Prime Minister" is a link's text, still short. */
const MAX_MENU_ITEM_LENGTH = 50;

function isMenuItem(bulleted: string): boolean {
  const line = withoutBullet(bulleted);
  return line.length <= MAX_MENU_ITEM_LENGTH && countWords(line) <= 7 && !endsWithMark(line, 0, line.length, '.!?,;:', '');
}

function isChromeOrSurveyAnswer(line: string): boolean {
  return isChromeLine(line) || SURVEY_ANSWER.test(line);
}

const RELATED_HEADING = /^related\b/i;

/** "Related", "Related Stories": the one-line blocks after it are links to other pages, not this release's text. */
export function isRelatedLinksHeading(block: Block): boolean {
  // The chrome answer is kept on the block: only chrome lines are read again for the word.
  return block.lineCount === 1 && isChromeBlock(block) && RELATED_HEADING.test(block.firstLine);
}

/** The kind of page a site prints above its title ("Transcript", "Readout", "Press release", "News story"). */
const PAGE_KIND = String.raw`(transcript|readout|statement|remark|speeche?|release|news|article|meetings coverage|press (conference|point)|interview|doorstep|communiqu[eé]|backgrounder|op-ed|news (story|release|article)|(press|media) (release|statement|briefing)|fact sheet|noon briefing|media advisory|(oral|written) statement to parliament|policy paper|guidance|announcement)s?`;
/** Section names in the plural, pairs of them ("Readouts", "Statements and remarks") and joint ones ("Joint media release") label the page kind too. */
const PAGE_KIND_LABEL = new RegExp(String.raw`^(joint )?${PAGE_KIND}( (and|&) ${PAGE_KIND})?$`, 'i');
/** A UN document symbol ("SC/15901", "SG/SM/22410", "GA/12600"). */
const DOCUMENT_SYMBOL = /^[A-Z]{1,6}(\/[A-Z0-9.-]+)+$/;

export function isPageKindLabel(block: Block): boolean {
  return answerOnce(block, BlockQuestion.IsPageKindLabel, isOneLineOfPageKind);
}

function isOneLineOfPageKind(block: Block): boolean {
  return block.lineCount === 1 && (PAGE_KIND_LABEL.test(block.firstLine) || isPageKindFromOffice(block.firstLine));
}

/** The office a page kind is "from" (Government Offices of Sweden): capitalised words and connectors, an office word among them. */
const OFFICE_NAME = /^(the )?((\p{Lu}[\p{L}'’-]*|of|for|the|and) ){0,7}(\p{Lu}[\p{L}'’-]*)$/u;
const OFFICE_WORD = /\b(Office|Ministry|Department|Secretariat|Government|Chancellery|Cabinet)\b/;

/**
 * "Press release from Prime Minister's Office", "Speech from Ministry of Defence": the page kind and the office that
 * issued it, between the title and the Source line. "Statement from the Press Secretary on …" names no office and
 * stays a headline.
 */
function isPageKindFromOffice(line: string): boolean {
  if (line.length > MAX_PAGE_KIND_FROM_LENGTH) return false;
  const from = line.indexOf(' from ');
  if (from < 0) return false;
  const office = line.slice(from + 6);
  return PAGE_KIND_LABEL.test(line.slice(0, from)) && OFFICE_WORD.test(office) && OFFICE_NAME.test(office);
}

const MAX_PAGE_KIND_FROM_LENGTH = 100;

/** A line that announces a new page in a file of several scraped pages: a page-kind label or a document symbol. */
export function isPageMarker(block: Block): boolean {
  return isPageKindLabel(block) || (block.lineCount === 1 && isAsciiCapitalCode(block.firstLine.charCodeAt(0)) && DOCUMENT_SYMBOL.test(block.firstLine));
}

/** A meeting line of UN meetings coverage ("9680th Meeting (AM)", "79th Plenary Meeting"): a header, never a title. */
const MEETING_LINE = /^\d+(st|nd|rd|th) (\p{L}+ )?meeting\b/iu;

export function isMeetingLine(line: string): boolean {
  return isDigitCode(line.charCodeAt(0)) && MEETING_LINE.test(line);
}

/** "Skip to main content" alone: the first link of a page, under the site's name. */
const SKIP_LINK = /^skip to /i;

export function isSkipLink(block: Block): boolean {
  return block.lineCount === 1 && SKIP_LINK.test(block.firstLine) && isChromeBlock(block);
}

const SOURCE_LINE = /^Source\s*:\s*(\S.{0,120})$/i;

/** The publisher of a "Source: NATO" line, or undefined for any other block. */
export function getSourceName(block: Block): string | undefined {
  // Every stage asks; only a Source line is read twice (once to answer, once for its name).
  return answerOnce(block, BlockQuestion.IsSourceLine, isSourceLine) ? SOURCE_LINE.exec(block.firstLine)?.[1].trim() : undefined;
}

function isSourceLine(block: Block): boolean {
  return block.lineCount === 1 && SOURCE_LINE.test(block.firstLine);
}

/** The marks that open a bullet line, as UTF-16 code units (all one unit each). */
const BULLET_CODES = new Set([...'•·▪‣◦●'].map((bullet) => bullet.charCodeAt(0)));
/**
 * "Published: …", "Posted on …", "Published 12 April 2024" (a date right after the word), and page fields about the
 * page ("Release Date: 25/02/2016", "Publication date: …", "Transcript ID: 40231", "Period of Service: …").
 */
const PUBLISHED_LINE =
  /^((last updated|updated|published|released|posted|date|issued|(release|publication|issue) (date|type)|transcript id|period of service)\s*(:|on\b)\s*\S|(published|(last )?updated) \d{1,2}(st|nd|rd|th)? [a-z]+ \d{4}$)/i;
const DELIVERY_NOTE =
  /^\(?\s*(as delivered|as prepared( for delivery)?|check against delivery|embargoed\b[^)]*|unofficial translation|original: [^)]+)\s*\)?$/i;
/** Either of the two worded kinds: one search rules both out for a line that is neither (most lines). */
const DELIVERY_NOTE_OR_PUBLISHED = new RegExp(`${DELIVERY_NOTE.source}|${PUBLISHED_LINE.source}`, 'i');

const TIME_ONLY = /^\d{1,2}[:.]\d{2}(\s*([ap]\.?m\.?|h))?(\s+[A-Z]{2,5})?$/i;
const DATE_REMAINDER = /^[\s,.–—-]*(\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?\s*([A-Z]{2,5})?)?[\s,.–—-]*$/i;
/** "From:" / "Published" alone on a line, its value on the next: GOV.UK and agency pages. */
const LABEL_ONLY = /^(from|published|last updated|updated|released|issued|date|location|(release|publication|issue) (date|type)|transcript id)\s*:?$/i;

/** "By Jim Garamone, DOD News": a capitalised name after "By", an optional outlet after a comma. */
const BYLINE = /^By\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}(,\s*[^.!?]{2,60})?$/u;

export type MetadataKind = 'bullet' | 'delivery-note' | 'published' | 'byline';

/**
 * Metadata lines as pages put them around the title: "• 04 Apr. 2024 -", "(As delivered)",
 * "Last updated: …", a line that is only a date ("July 10, 2024") or a time ("11:30").
 */
export function getMetadataKind(line: string): MetadataKind | undefined {
  if (line.length > 120) return undefined;
  // Every block is asked: one search rules out both worded kinds, and the others are first ruled out by their first characters.
  const worded = DELIVERY_NOTE_OR_PUBLISHED.test(line);
  if (worded && DELIVERY_NOTE.test(line)) return 'delivery-note';
  if (BULLET_CODES.has(line.charCodeAt(0))) return 'bullet';
  if (line.startsWith('By') && BYLINE.test(line)) return 'byline';
  if (worded || (isDigitCode(line.charCodeAt(0)) && TIME_ONLY.test(line)) || isDateOnly(line)) return 'published';
  return undefined;
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isAsciiCapitalCode(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

function isDateOnly(line: string): boolean {
  const date = findFirstDate(line, 0, line.length);
  return date !== undefined && DATE_REMAINDER.test(line.slice(0, date.span.start) + line.slice(date.span.end));
}

export function isMetadataBlock(block: Block): boolean {
  return answerOnce(block, BlockQuestion.IsMetadata, hasOnlyMetadataLines);
}

function hasOnlyMetadataLines(block: Block): boolean {
  return everyLine(block, isMetadataLine) || isLabelValueBlock(block);
}

function isMetadataLine(line: string): boolean {
  return getMetadataKind(line) !== undefined;
}

/**
 * "From:" + "Prime Minister's Office, …", "Published" + "10 July 2024": one metadata entry; or several such pairs, one
 * line each ("Release Date:" / "14/06/2017" / "Release Type:" / "Transcript" / "Transcript ID:" / "40982").
 */
export function isLabelValueBlock(block: Block): boolean {
  if (block.lineCount < 2 || !LABEL_ONLY.test(block.firstLine)) return false;
  return block.lineCount <= 3 || (block.lineCount % 2 === 0 && block.lineCount <= MAX_FIELD_LINES && getLines(block).every(isLabelOfPair));
}

/** Four fields of two lines: a page's longest block of them. */
const MAX_FIELD_LINES = 8;

function isLabelOfPair(line: { text: string }, i: number): boolean {
  return i % 2 === 1 || LABEL_ONLY.test(line.text);
}

/**
 * Short lines above a title that are neither chrome nor text: a document type ("Press release"), a document
 * symbol ("SC/15760"), an organ ("Security Council"), a meeting line ("9680th Meeting (AM)").
 */
export function isHeaderBlock(block: Block): boolean {
  // Asked of every block up to the first title: of every block in a file of short labels that has none.
  return answerOnce(block, BlockQuestion.IsHeader, hasOnlyHeaderLines);
}

function hasOnlyHeaderLines(block: Block): boolean {
  // The short-line test first: it is the cheaper one. Lines are trimmed, so their words are what split(/\s+/) gives.
  return everyLine(block, isHeaderLine);
}

function isHeaderLine(line: string): boolean {
  return (countWords(line) <= 6 && !endsWithMark(line, 0, line.length, '.!?,;:', '')) || getMetadataKind(line) !== undefined;
}

const CAPTION_MARKER = /^((photo|image|picture)\s*)?credit\s*:|^VIRIN\s*:|^(photo|image|picture)\s*(by\b|:)|^\((photo|image|picture)\b[^)]*\)$/i;

/** An agency's photo credit: "UN Photo/Loey Felipe", "NATO Photo / Name". */
const AGENCY_PHOTO_CREDIT = /^\S+(\s\S+)?\s+photos?\s*\/\s*\S/i;

/** A photo caption block: caption lines ending with "Credit: …" / "VIRIN: …" or a "Photo: …" line. */
export function isCaptionBlock(block: Block): boolean {
  return answerOnce(block, BlockQuestion.IsCaption, hasCaptionMarker);
}

function hasCaptionMarker(block: Block): boolean {
  return block.lineCount <= 8 && (someLine(block, isCaptionMarkerLine) || hasCopyrightCredit(block) || isCaptionWithAltText(block));
}

/**
 * NATO's caption with the photo's alt text under it: two lines without a full stop that say nearly the same ("Jens
 * Stoltenberg and the Prime Minister of Montenegro, Duško Marković" / "Jens Stoltenberg with the Prime Minister …").
 * Told by their first and last words, the same in both lines.
 */
function isCaptionWithAltText(block: Block): boolean {
  if (block.lineCount !== 2) return false;
  const [caption, altText] = getLines(block).map((line) => splitAtWhiteSpace(line.text));
  const length = Math.min(caption.length, altText.length);
  if (length < MIN_CAPTION_WORDS || endsWithMark(caption[caption.length - 1], 0, caption[caption.length - 1].length, '.!?:;', CLOSING_QUOTES)) return false;
  const same = (a: string[], b: string[], from: number, to: number) => a.slice(from, to).join(' ') === b.slice(from, to).join(' ');
  return same(caption, altText, 0, 2) && same(caption.slice(-2), altText.slice(-2), 0, 2);
}

/** A caption sentence and its alt text have this many words at least: shorter pairs are headings. */
const MIN_CAPTION_WORDS = 6;
const CLOSING_QUOTES = `"”’')]`;

/** "António Costa and … at the press conference" + "© European Union": a sentence of a caption, its credit under it. */
function hasCopyrightCredit(block: Block): boolean {
  // The line count first: `getLines` makes a line list for a one-line block, and most blocks are one line.
  if (block.lineCount < 2 || block.lineCount > 4) return false;
  const lines = getLines(block);
  return COPYRIGHT_CREDIT.test(lines[lines.length - 1].text) && countWords(lines[0].text) >= 6;
}

/** "© European Union", and GOV.UK's "Crown copyright." (the owner before the word). */
const COPYRIGHT_CREDIT = /^©\s*\p{L}|^(\p{Lu}\p{L}+ ){1,2}[Cc]opyright\.?$/u;

function isCaptionMarkerLine(line: string): boolean {
  return CAPTION_MARKER.test(line) || isAgencyPhotoCredit(line);
}

function isAgencyPhotoCredit(line: string): boolean {
  // Searched only in a line with a slash: most lines have none.
  return line.includes('/') && AGENCY_PHOTO_CREDIT.test(line);
}

export function getCaptionCredit(block: Block): string | undefined {
  for (const line of getLines(block)) {
    const credit =
      /^(?:(?:photo|image|picture)\s*)?credit\s*:\s*(.+)$|^(?:photo|image|picture)\s*(?:by|:)\s*(.+)$|^©\s*(.+)$|^(\S+(?: \S+)? copyright)\.?$/i.exec(
        line.text,
      );
    if (credit) return (credit[1] ?? credit[2] ?? credit[3] ?? credit[4]).trim();
    if (isAgencyPhotoCredit(line.text)) return line.text;
  }
  return undefined;
}

/** The caption's short title: the line before the descriptive sentence ("Stoltenberg Remarks"). */
export function getCaptionTitle(block: Block): string | undefined {
  const plain = getLines(block).filter((line) => !isCaptionMarkerLine(line.text) && !COPYRIGHT_CREDIT.test(line.text));
  const short = plain.find((line, i) => i > 0 && line.text.split(/\s+/).length <= 8 && !/[.!?]$/.test(line.text));
  return (short ?? plain[0])?.text;
}
