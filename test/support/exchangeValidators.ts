// Validators of what the CLI exports, shared by the format tests and the CLI's golden tests: SARIF 2.1.0 against
// the OASIS schema (shipped in @microsoft/jest-sarif), W3C annotations against the Web Annotation Data Model.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { REPO_ROOT } from './lspClient';

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
];

/**
 * The schema is draft-04 (`id`); Ajv 8 reads it as a later draft once the id is spelled `$id`. Its language
 * pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) has a stray `]` that the `u` flag rejects, hence
 * `unicodeRegExp: false`, the flags the schema's authors tested with.
 */
export function createSarifValidator(): ValidateFunction {
  const path = join(REPO_ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(path, 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ $id: id, ...schema });
}

/** What the Web Annotation Data Model (W3C Recommendation, 2017) requires of what the export writes. */
export function checkWebAnnotationModel(document: any): string[] {
  const problems: string[] = [];
  const require = (ok: unknown, what: string) => ok || problems.push(what);
  const isIri = (value: unknown) => typeof value === 'string' && /^([a-z][a-z0-9+.-]*:|[^:]*$)/i.test(value);
  const asList = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
  const isDateTime = (value: unknown) =>
    value === undefined || (typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value));
  require(asList(document['@context']).includes(CONTEXT), `collection @context is ${CONTEXT}`);
  require(isIri(document.id), 'collection has an IRI id');
  require(asList(document.type).includes('AnnotationCollection'), 'collection type is AnnotationCollection');
  const page = document.first;
  require(typeof page === 'object' &&
    isIri(page.id) &&
    asList(page.type).includes('AnnotationPage') &&
    Array.isArray(page.items), 'first is an AnnotationPage with items');
  const items: any[] = page?.items ?? [];
  require(Number.isInteger(document.total) && document.total === items.length, 'total counts the annotations');
  items.forEach((annotation, i) => {
    const at = (what: string) => `annotation ${i}: ${what}`;
    require(asList(annotation['@context'] ?? document['@context']).includes(CONTEXT), at('@context'));
    require(isIri(annotation.id), at('IRI id'));
    require(asList(annotation.type).includes('Annotation'), at('type Annotation'));
    require(asList(annotation.motivation).every((m) => MOTIVATIONS.includes(m)), at('motivation from the model'));
    require(isDateTime(annotation.created) && isDateTime(annotation.modified), at('created/modified are xsd:dateTime with a time zone'));
    for (const body of asList(annotation.body)) {
      require(body.type === 'TextualBody' && typeof body.value === 'string', at('TextualBody with a value'));
      require(asList(body.purpose).every((p) => MOTIVATIONS.includes(p)), at('body purpose from the model'));
    }
    const targets = asList(annotation.target);
    require(targets.length > 0, at('at least one target'));
    for (const target of targets) {
      require(isIri(target.source), at('target source is an IRI'));
      for (const selector of asList(target.selector)) {
        require(typeof selector.type === 'string', at('selector has a type'));
        if (selector.type === 'TextQuoteSelector') require(typeof selector.exact === 'string', at('TextQuoteSelector has exact'));
        if (selector.type === 'TextPositionSelector') {
          require(Number.isInteger(selector.start) && Number.isInteger(selector.end) && 0 <= selector.start && selector.start <= selector.end, at(
            'TextPositionSelector 0 ≤ start ≤ end',
          ));
        }
      }
    }
  });
  return problems;
}
