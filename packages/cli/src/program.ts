import { Command } from 'commander';
import { registerValidate } from './commands/validate';
import { registerMatrix } from './commands/matrix';
import { registerPlace } from './commands/place';
import { registerRoute } from './commands/route';
import { registerPlan } from './commands/plan';
import { registerCompare } from './commands/compare';
import { registerDemo } from './commands/demo';
import { registerInit } from './commands/init';
import { registerTransports } from './commands/transports';
import { registerAccess } from './commands/access';

/** The `paketbygd` command tree. Each command lives in its own module under commands/. */
export function createProgram(): Command {
  const program = new Command('paketbygd')
    .description('Paketbygd: parcel delivery for rural areas, planned with numbers')
    .version('0.1.0')
    .option('--debug', 'print the stack trace of an error')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerValidate(program);
  registerMatrix(program);
  registerPlace(program);
  registerRoute(program);
  registerPlan(program);
  registerCompare(program);
  registerDemo(program);
  registerInit(program);
  registerTransports(program);
  registerAccess(program);
  return program;
}
