import { join } from 'node:path';
import type { Command } from 'commander';
import { runCompare } from './compare';
import { t } from '@paketbygd/report';
import { parseLang, runPlan } from './plan';
import { runArjeplogDemo } from './demo-arjeplog';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', '..', 'examples');

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'plan the Vingåker example and compare its four bids, and plan Arjeplog with its bus timetable against vans alone, with embedded defaults (no Redis, no OSRM)',
    )
    .option('--out <dir>', 'folder for the results', join('out', 'demo'))
    .option('--quiet', 'no progress and no summary')
    .option(
      '--lang <sv|en>',
      'language of the reports, the summaries and the progress: sv (Swedish, Swedish numbers) or en',
      'en',
    )
    .action(async (flags: { out: string; quiet?: boolean; lang: string }) => {
      const lang = parseLang(flags.lang);
      const plan = await runPlan(join(EXAMPLES, 'vingaker', 'scenario.json'), {
        out: join(flags.out, 'vingaker'),
        timeLimit: '20',
        seed: '1',
        quiet: flags.quiet ?? false,
        lang: flags.lang,
      });
      const bids = [
        'nordbox-vans.json',
        'bygden-existing-transport.json',
        'regionbuss-bus-line.json',
        'biblioteksbudet-library-run.json',
      ];
      const comparison = await runCompare(
        join(EXAMPLES, 'vingaker', 'scenario.json'),
        bids.map((b) => join(EXAMPLES, 'bids', b)),
        {
          weights: join(EXAMPLES, 'bids', 'scoring.json'),
          out: join(flags.out, 'bids'),
          timeLimit: '5',
          quiet: flags.quiet ?? false,
          lang: flags.lang,
        },
      );
      const arjeplog = await runArjeplogDemo(flags.out, flags.quiet ?? false, lang);
      const m = t(lang).cli;
      process.stdout.write(
        `\n${m.vingakerReport(plan.report)}\n${m.bidComparison(comparison.report)}\n\n${arjeplog.lines.join('\n')}\n${m.arjeplogReport(arjeplog.report)}\n`,
      );
    });
}
