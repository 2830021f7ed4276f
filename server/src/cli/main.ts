#!/usr/bin/env node
// Entry point of dist/cli.js, the `press-corpus` command: the second front end of the engine (the language
// server is the first). Parses the command line, opens the workspace, runs one command, exits with its code:
// 0 success, 1 failing problems or nothing found, 2 a usage error.

import { parseArgs } from 'node:util';
import { CliWorkspace, openWorkspace } from './cliWorkspace';
import { runCheck } from './checkCommand';
import { runEntities, runMentions } from './entitiesCommand';
import { createProcessOutput, Output, UsageError } from './output';
import { runOutline, runReleases } from './releasesCommand';
import { runTags } from './tagsCommand';
import { CommandName, COMMANDS, USAGE } from './usage';

const OPTIONS = {
  root: { type: 'string' },
  corpus: { type: 'string', multiple: true },
  format: { type: 'string' },
  'fail-on': { type: 'string' },
  tag: { type: 'string' },
  state: { type: 'string' },
  author: { type: 'string' },
  json: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  quiet: { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type CliOptions = ReturnType<typeof parseCommandLine>['options'];

function parseCommandLine(argv: readonly string[]) {
  const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  return { options: values, positionals };
}

async function run(argv: readonly string[], output: Output): Promise<number> {
  const { options, positionals } = parseCommandLine(argv);
  const [command, ...rest] = positionals;
  if (!command || (options.help && !COMMANDS.includes(command as CommandName))) {
    output.write(`${USAGE.main}\n`);
    return command ? 2 : options.help ? 0 : 2;
  }
  if (!COMMANDS.includes(command as CommandName)) throw new UsageError(`Unknown command “${command}”. Commands: ${COMMANDS.join(', ')}.`);
  if (options.help) {
    output.write(`${USAGE[command as CommandName]}\n`);
    return 0;
  }
  const findsEntities = command === 'entities' || command === 'mentions';
  const persistentIndex = options['no-cache'] !== true;
  const cli = await openWorkspace({ root: options.root ?? process.cwd(), corpusGlobs: options.corpus, findsEntities, persistentIndex }, output);
  const code = await runCommand(cli, command as CommandName, rest, options, output);
  await cli.workspace.flushPersistentIndex(); // what this run parsed and recognised, for the next run
  return code;
}

async function runCommand(cli: CliWorkspace, command: CommandName, rest: string[], options: CliOptions, output: Output): Promise<number> {
  const json = options.json === true;
  switch (command) {
    case 'check':
      return runCheck(cli, rest, options, output);
    case 'outline':
      return runOutline(cli, rest[0], json, output);
    case 'releases':
      return runReleases(cli, rest, json, output);
    case 'entities':
      return runEntities(cli, json, output);
    case 'mentions':
      return runMentions(cli, rest.join(' '), json, output);
    case 'tags':
      return runTags(cli, rest, options, output);
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const output = createProcessOutput(argv.includes('--quiet'));
  try {
    process.exitCode = await run(argv, output);
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    output.note(`press-corpus: ${(error as Error).message}${usage ? '\nRun press-corpus --help for the commands and options.' : ''}`);
    process.exitCode = usage ? 2 : 1;
  }
}

void main();
