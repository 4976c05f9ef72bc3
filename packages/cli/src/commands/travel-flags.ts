import { Option, type Command } from 'commander';
import { TravelSettings, ValidationError, issuesToProblems, type Scenario } from '@paketbygd/model';

export interface TravelFlags {
  travel?: 'osrm' | 'roadgraph' | 'straightline';
  osrmUrl?: string;
  osm?: string;
}

export function addTravelFlags(
  command: Command,
  travelHelp = "travel backend instead of the scenario's",
): Command {
  return command
    .addOption(new Option('--travel <backend>', travelHelp).choices(['osrm', 'roadgraph', 'straightline']))
    .option('--osrm-url <url>', 'OSRM server for --travel osrm')
    .option('--osm <file>', 'OpenStreetMap extract (.osm.pbf, .osm, .osm.gz) for --travel roadgraph');
}

/** The scenario with the command line's travel settings, checked like the file's own. */
export function withTravelFlags(scenario: Scenario, flags: TravelFlags): Scenario {
  if (!flags.travel && !flags.osrmUrl && !flags.osm) return scenario;
  return { ...scenario, travel: travelSettingsFromFlags(flags, scenario.travel) };
}

/** Travel settings from the command line over `base` (by default straight lines), checked like a file's. */
export function travelSettingsFromFlags(
  flags: TravelFlags,
  base: TravelSettings = { backend: 'straightline' },
): TravelSettings {
  const settings = {
    ...base,
    ...(flags.travel ? { backend: flags.travel } : {}),
    ...(flags.osrmUrl ? { osrmUrl: flags.osrmUrl } : {}),
    ...(flags.osm ? { osmFile: flags.osm } : {}),
  };
  const parsed = TravelSettings.safeParse(settings);
  if (!parsed.success) {
    throw new ValidationError(
      'the travel options',
      issuesToProblems(parsed.error.issues).map((p) => ({
        ...p,
        path: p.path === 'osrmUrl' ? '--osrm-url' : p.path === 'osmFile' ? '--osm' : p.path,
      })),
    );
  }
  return parsed.data;
}
