import { CommanderError } from 'commander';
import { ValidationError, problemToString } from '@paketbygd/model';
import { CliError } from './errors';
import { createProgram } from './program';

// `pnpm paketbygd` runs from the workspace root; relative paths are meant from where the user typed.
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here with code 0; usage errors were already printed by commander.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof ValidationError) {
    process.stderr.write(`${error.what} is not valid:\n`);
    for (const problem of error.problems) process.stderr.write(`  ${problemToString(problem)}\n`);
    process.exitCode = 1;
  } else if (error instanceof CliError) {
    process.stderr.write(`paketbygd: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`paketbygd: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 70;
  }
}
