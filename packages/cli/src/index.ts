export { createProgram } from './program';
export { CliError } from './errors';
export { readJsonFile } from './read-document';
export {
  publicDataScenarios,
  rankKommuner,
  type AccessRanking,
  type KommunScenarios,
} from './commands/access-all';
