// What kind of release this is, from the title's wording first, then from the body's structure.

import { ReleaseKind } from './model';

const BY_TITLE: readonly [RegExp, ReleaseKind][] = [
  [/\b(press conference|press briefing|news conference|media availability|joint press)\b/i, 'press-conference'],
  [/\binterview\b/i, 'interview'],
  [/\bpodcast\b/i, 'podcast'],
  [/\bfact sheet\b/i, 'fact-sheet'],
  [/\b(speech|remarks|keynote|lecture|address (by|to|at))\b/i, 'speech'],
  [/\b(statement|declaration|communiqu[eé]|doorstep|readout)\b/i, 'statement'],
  [/\b(visits?|trip|travels)\b/i, 'visit'],
  [/\b(meets?|meeting|talks with|hosts)\b/i, 'meeting'],
];

export function getReleaseKind(title: string, shape: { turns: number; captions: number; chrome: number }): ReleaseKind {
  // An indexed loop: `find` with an arrow made a closure per release, and a file can hold a hundred thousand.
  for (let i = 0; i < BY_TITLE.length; i++) if (BY_TITLE[i][0].test(title)) return BY_TITLE[i][1];
  if (shape.turns >= 2) return 'press-conference';
  if (shape.captions > 0 || shape.chrome > 0) return 'article';
  return 'news-release';
}
