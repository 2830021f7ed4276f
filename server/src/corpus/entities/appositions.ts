// Roles joined to the person they describe across a comma or "as": "Admiral Rob Bauer, the Chair of the NATO
// Military Committee", "the appointment of Leila Haddad of Jordan as Resident Coordinator". Runs over one segment's
// findings in text order, after pass one has read them.

import { Span } from '../model';
import { keyOf, normaliseName } from './entityModel';
import { HONORIFICS } from './lexicon';
import type { Finding } from './mentions';

const APPOSITION_GAP = /^,\s*(?:(?:the|a|an|our|their|its|his|her|your)\s+)?(?:(former|current|then|new|acting|outgoing|incoming)\s+)?$/;

/** "Leila Haddad as the Resident Coordinator", "named Karim Haddad as its new Envoy": an appointment names the post. */
const APPOINTED_AS_GAP = /^\s+as\s+(?:(?:the|its|our|their|his|her)\s+)?(?:(new|acting|interim|next)\s+)?$/;

/** "Leila Haddad of Jordan as …": a person placed by a country keeps that place between the name and "as". */
const OF_COUNTRY_GAP = /^\s+of\s+(?:the\s+)?$/;

/**
 * "Admiral Rob Bauer, the Chair of the NATO Military Committee" and "President of Mauritania, His Excellency
 * Mohamed Ould Ghazouani": a role next to a name, set off by a comma, is that person's role; so is a role a
 * person is appointed or serves "as".
 */
export function joinAppositions(text: string, findings: readonly Finding[]): Finding[] {
  const out: (Finding | undefined)[] = [...findings];
  for (let i = 0; i < out.length; i++) {
    const a = out[i];
    if (!a || (a.type !== 'role' && !isPersonLike(a) && !(a.type === 'mention' && a.form === 'abbreviation'))) continue;
    if (a.type === 'name-run' && followsArticle(text, a.span.start)) continue;
    const aEnd = outerOf(a).end;
    const j = nextOutside(out, i + 1, aEnd);
    const b = out[j];
    const gap = b ? APPOSITION_GAP.exec(text.slice(aEnd, outerOf(b).start)) : null;
    if (b?.type === 'role' && isPersonLike(a) && isBylinePost(text, outerOf(a), outerOf(b))) {
      out[i] = asPerson(a, b.role);
      out[j] = undefined;
      continue;
    }
    if (b && !gap && isPersonLike(a)) {
      const appointed = findAppointedRole(text, out, j, aEnd);
      if (appointed) {
        out[i] = asPerson(a, appointed.qualifier ? `${appointed.qualifier} ${appointed.role.role}` : appointed.role.role);
        out[appointed.index] = undefined;
      }
      continue;
    }
    if (!b || !gap) continue;
    if (b.type === 'role' && a.type === 'mention' && a.form === 'abbreviation' && a.kind === 'organisation') {
      // "SACEUR, our Supreme Allied Commander": an abbreviation set off by a title names a post, held by a person.
      const name = text.slice(a.span.start, a.span.end);
      out[i] = { ...a, kind: 'person', form: 'name', key: keyOf('person', name), role: b.role, words: [name] };
      out[j] = undefined;
    } else if (a.type === 'role' && isPersonLike(b)) {
      out[j] = asPerson(b, a.role);
      out[i] = undefined;
    } else if (b.type === 'role' && isPersonLike(a)) {
      // "Jens Stoltenberg, the former Prime Minister of Norway": the qualifier is part of the role as stated.
      out[i] = asPerson(a, gap[1] ? `${gap[1]} ${b.role}` : b.role);
      out[j] = undefined;
    }
  }
  // Unconfirmed roles (no "the", no owner) that are no apposition are dropped: a bare "President" is rarely a reference.
  return out.filter((f): f is Finding => !!f && (f.type !== 'role' || f.confirmed));
}

/**
 * "Rt Hon Jacinda Ardern⏎Prime Minister": a byline gives the name on a line of its own and the post on the next
 * line, alone on it. Only the first post line is the name's stated role.
 */
function isBylinePost(text: string, person: Span, post: Span): boolean {
  // The line break between name and post first: searching back to the line's start from every name of a long
  // line (a file without line feeds) read that line once per name.
  if (!/^[ \t]*\n[ \t]*$/.test(text.slice(person.end, post.start))) return false;
  const lineStart = text.lastIndexOf('\n', person.start - 1) + 1;
  const postLineEnd = text.indexOf('\n', post.end);
  return (
    text
      .slice(lineStart, person.start)
      .split(/\s+/)
      .every((word) => !word || word === 'The' || HONORIFICS.has(normaliseName(word))) &&
    /^[ \t]*$/.test(text.slice(post.end, postLineEnd < 0 ? text.length : postLineEnd))
  );
}

/** The role after "as" that follows a person (past "of <country>"), with its index in `out`. */
function findAppointedRole(
  text: string,
  out: readonly (Finding | undefined)[],
  j: number,
  personEnd: number,
): { index: number; role: Extract<Finding, { type: 'role' }>; qualifier?: string } | undefined {
  let from = personEnd;
  let b = out[j];
  if (b?.type === 'mention' && b.kind === 'country' && OF_COUNTRY_GAP.test(text.slice(from, b.span.start))) {
    from = outerOf(b).end;
    j = nextOutside(out, j + 1, from);
    b = out[j];
  }
  if (b?.type !== 'role') return undefined;
  const gap = APPOINTED_AS_GAP.exec(text.slice(from, outerOf(b).start));
  return gap ? { index: j, role: b, ...(gap[1] && { qualifier: gap[1] }) } : undefined;
}

function nextOutside(out: readonly (Finding | undefined)[], from: number, end: number): number {
  let j = from;
  while (j < out.length && (!out[j] || outerOf(out[j]!).start < end)) j++;
  return j;
}

export function outerOf(f: Finding): Span {
  return f.type === 'name-run' ? f.span : (f.outer ?? f.span);
}

/** "On the Middle East, the Opposition Leader says": a name is written without an article; a place or a thing with one. */
function followsArticle(text: string, start: number): boolean {
  return /(?:^|[^\p{L}])the\s+$/iu.test(text.slice(Math.max(0, start - 5), start));
}

function isPersonLike(f: Finding): boolean {
  return (f.type === 'mention' && f.kind === 'person') || (f.type === 'name-run' && f.words.length >= 2 && f.words.length <= 4);
}

function asPerson(f: Finding, role: string): Finding {
  if (f.type === 'mention') return { ...f, role };
  if (f.type !== 'name-run') return f;
  return {
    type: 'mention',
    span: f.span,
    kind: 'person',
    form: 'name',
    key: keyOf('person', f.words.join(' ')),
    role,
    words: f.words,
    releaseIndex: f.releaseIndex,
  };
}
