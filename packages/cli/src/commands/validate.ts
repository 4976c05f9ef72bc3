import type { Command } from 'commander';
import { Option } from 'commander';
import {
  DOCUMENT_KINDS,
  problemToString,
  validateDocument,
  type DocumentKind,
  type Problem,
} from '@paketbygd/model';
import { readJsonFile } from '../read-document';
import { jsonText } from '../json-text';

interface FileReport {
  file: string;
  kind: DocumentKind | null;
  valid: boolean;
  problems: Problem[];
}

export function validateFile(file: string, kind?: DocumentKind): FileReport {
  const read = readJsonFile(file);
  if (!('value' in read)) return { file, kind: null, valid: false, problems: [read] };
  const result = validateDocument(read.value, kind);
  return { file, kind: result.kind ?? null, valid: result.ok, problems: result.problems };
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description(
      'check scenario, bid, comparison, plan and routing (VROOM) documents; exit 0 when all are valid, 1 when not',
    )
    .argument('<files...>', 'JSON documents to check')
    .addOption(
      new Option('--kind <kind>', 'check as this kind instead of detecting it').choices([...DOCUMENT_KINDS]),
    )
    .option('--json', 'print a JSON report instead of text')
    .action((files: string[], options: { kind?: DocumentKind; json?: boolean }) => {
      const reports = files.map((file) => validateFile(file, options.kind));
      if (options.json) {
        process.stdout.write(jsonText(files.length === 1 ? reports[0] : reports));
      } else {
        for (const report of reports) {
          if (report.valid) {
            process.stdout.write(`${report.file}: valid ${report.kind}\n`);
          } else {
            const count = report.problems.length;
            process.stdout.write(
              `${report.file}: ${count} problem${count === 1 ? '' : 's'}${report.kind ? ` (as ${report.kind})` : ''}\n`,
            );
            for (const problem of report.problems) process.stdout.write(`  ${problemToString(problem)}\n`);
          }
        }
      }
      process.exitCode = reports.every((r) => r.valid) ? 0 : 1;
    });
}
