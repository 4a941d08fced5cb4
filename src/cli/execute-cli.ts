import { Command, CommanderError } from 'commander';
import { isUsageError, toErrorMessage } from '../util/errors.js';
import { getToolVersion } from '../util/tool-version.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerExplain } from './commands/explain.js';
import { registerInit } from './commands/init.js';
import { registerBaseline } from './commands/baseline.js';
import { registerCheck } from './commands/check.js';
import { registerHistory } from './commands/history.js';
import { type CliStreams, EXIT } from './io.js';

/**
 * Parses the arguments, runs one command and returns the exit code: 0 ok, 1 gate failed,
 * 2 usage/config/input error (one line, no stack), 3 internal error (a bug; stack with --debug).
 */
export async function executeCli(argv: string[], streams: CliStreams): Promise<number> {
  let exitCode: number = EXIT.ok;
  const debug = argv.includes('--debug');
  const program = new Command('seams')
    .description('Find the seams in a TypeScript monolith: candidate services, shared tables, coupling.')
    .version(getToolVersion())
    .option('--debug', 'print stack traces of internal errors')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => streams.stdout.write(text),
      writeErr: (text) => streams.stderr.write(text),
    })
    .showHelpAfterError(false);
  const setExit = (code: number) => {
    exitCode = code;
  };
  registerAnalyze(program, streams, setExit);
  registerExplain(program, streams, setExit);
  registerInit(program, streams, setExit);
  registerCheck(program, streams, setExit);
  registerBaseline(program, streams, setExit);
  registerHistory(program, streams, setExit);
  for (const command of program.commands) command.exitOverride().option('--debug', 'print stack traces of internal errors');

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)) return EXIT.ok;
      return EXIT.usage;
    }
    if (isUsageError(error)) {
      streams.stderr.write(`seams: ${toErrorMessage(error)}\n`);
      return EXIT.usage;
    }
    streams.stderr.write(`seams: internal error: ${toErrorMessage(error)}\n`);
    if (debug && error instanceof Error && error.stack) streams.stderr.write(`${error.stack}\n`);
    else streams.stderr.write('seams: this is a bug; run again with --debug for details\n');
    return EXIT.internal;
  }
}
