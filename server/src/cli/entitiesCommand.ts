// `press-corpus entities` — every entity the corpus names, with its kind, roles as stated, and mention and release
// counts — and `press-corpus mentions NAME`: where the corpus names it, one line per mention.

import { getLineTable } from '../engine/lineTable';
import { computeEntityCard } from '../features/entityCard';
import { CliWorkspace } from './cliWorkspace';
import { Output, UsageError } from './output';

/** Enough for any corpus the product is built for; the listing says when it stops short. */
const MAX_ENTITIES = 100_000;

export async function runEntities(cli: CliWorkspace, json: boolean, output: Output): Promise<number> {
  await cli.workspace.knowledge.ensureLoaded();
  const view = cli.workspace.view;
  const rows = view.entities.findEntities('', MAX_ENTITIES).map(({ entity, mentions }) => {
    const card = computeEntityCard(view, entity, 0);
    return {
      id: entity.id,
      name: entity.name,
      kind: entity.kind,
      inEntitiesYaml: entity.record !== undefined,
      mentions,
      releases: card.releaseCount,
      roles: card.roles.slice(0, 3).map((r) => r.role),
    };
  });
  if (json) output.write(`${JSON.stringify(rows, null, 2)}\n`);
  else
    for (const row of rows)
      output.write(`${row.name}\t${row.kind}\t${row.mentions} mentions\t${row.releases} releases${row.roles.length ? `\t${row.roles.join('; ')}` : ''}\n`);
  output.note(`${rows.length} entities`);
  return 0;
}

export async function runMentions(cli: CliWorkspace, name: string | undefined, json: boolean, output: Output): Promise<number> {
  if (!name) throw new UsageError('mentions needs a name: press-corpus mentions "Jens Stoltenberg"');
  await cli.workspace.knowledge.ensureLoaded();
  const view = cli.workspace.view;
  const [best] = view.entities.findEntities(name, 1);
  if (!best) {
    output.note(`No entity named like “${name}” in the corpus.`);
    return 1;
  }
  const mentions = view.entities.findReferences(best.entity.id).map(({ uri, mention }) => {
    const file = cli.workspace.getFile(uri)!;
    const start = getLineTable(file).toPosition(mention.span.start);
    return {
      file: cli.relativePathOf(uri),
      line: start.line + 1,
      column: start.character + 1,
      text: file.text.slice(mention.span.start, mention.span.end).replace(/\s+/g, ' '),
      release: file.parsed.releases[mention.releaseIndex]?.title ?? '',
    };
  });
  if (json) output.write(`${JSON.stringify({ entity: { id: best.entity.id, name: best.entity.name, kind: best.entity.kind }, mentions }, null, 2)}\n`);
  else for (const m of mentions) output.write(`${m.file}:${m.line}:${m.column}\t${m.text}\t${m.release}\n`);
  output.note(`${best.entity.name} (${best.entity.kind}): ${mentions.length} mentions`);
  return 0;
}
