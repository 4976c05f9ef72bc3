export { createProgram } from './program';
export { CliError } from './errors';
export { readJsonFile } from './read-document';
