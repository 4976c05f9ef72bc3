import { reportError } from './errors';
import { createProgram } from './program';

// `pnpm paketbygd` runs from the workspace root; relative paths are meant from where the user typed.
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportError(error, process.argv.includes('--debug'), (t) => process.stderr.write(t));
}
