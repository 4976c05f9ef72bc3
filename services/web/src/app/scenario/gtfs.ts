import type { Scenario } from '@paketbygd/model';
import type { TransportsAnswer } from '../api/client';
import { num } from '../i18n/format';
import { pw } from '../i18n/page-words';
import { state } from '../state/state';
import { api } from '../state/services';
import { $ } from '../ui/dom';
import { esc } from '../ui/html';
import { errorProblems, showProblems } from '../ui/problems';
import { base64Of, checkGtfsFile, GTFS_MAX_BYTES } from './gtfs-file';
import { editedScenario } from './form';
import { loadScenario } from './load';

type Transport = Scenario['transportRoutes'][number];

/** The dates read as a range, "2023-01-02 – 2023-01-08" (ISO dates read the same in both languages). */
const datesText = (dates: string[]) =>
  dates.length > 1 ? `${dates[0]} – ${dates.at(-1)}` : (dates[0] ?? '–');

/** Which timetable was read and how it was chosen, in the page's language. */
function timetableText({ how, isoWeek, dates }: TransportsAnswer['datesChosen']): string {
  const word = pw().gtfsChosen[how];
  return word ? word(isoWeek, datesText(dates)) : datesText(dates);
}

const megabytes = (bytes: number) => `${num(bytes / 1024 / 1024, 1)}\u00a0MB`;

/** The transports the feed added: name, kind, stops, departures. */
function renderAdded(added: Transport[]): void {
  const table = $<HTMLTableElement>('gtfs-table');
  const h = pw().gtfsHead;
  const kind = (k: string) => pw().gtfsKinds[k] ?? k.replace(/_/g, ' ');
  table.innerHTML = `<caption>${esc(pw().gtfsCaption)}</caption>
    <thead><tr><th scope="col">${esc(h[0])}</th><th scope="col">${esc(h[1])}</th><th scope="col" class="num">${esc(h[2])}</th><th scope="col" class="num">${esc(h[3])}</th></tr></thead>
    <tbody>${added
      .map(
        (t) =>
          `<tr data-transport="${esc(t.id)}"><th scope="row">${esc(t.name ?? t.id)}</th><td>${esc(kind(t.kind))}</td><td class="num">${num(t.stops.length)}</td><td class="num">${num(t.departures?.length ?? t.days.length)}</td></tr>`,
      )
      .join('')}</tbody>`;
  table.hidden = added.length === 0;
}

/** What the last feed added and which timetable was read, in the page's language (again after a switch). */
export function showGtfsAdded(): void {
  if (!state.gtfs) return;
  const { answer, added } = state.gtfs;
  $('gtfs-status').textContent = pw().gtfsAdded(
    answer.transports,
    answer.lines,
    timetableText(answer.datesChosen),
  );
  renderAdded(added);
}

/** Refuses a file that is too large or not a zip, with a message naming it; true when it may go. */
async function acceptable(file: File): Promise<boolean> {
  const problem = await checkGtfsFile(file);
  if (!problem) return true;
  const message =
    problem.kind === 'too-large'
      ? pw().gtfsTooLarge(file.name, megabytes(file.size), megabytes(GTFS_MAX_BYTES))
      : pw().gtfsNotZip(file.name);
  $('gtfs-status').textContent = '';
  showProblems($('gtfs-problems'), pw().gtfsRefused(file.name), [{ path: file.name, message }]);
  return false;
}

/** Sends the feed with the edited scenario; the answer's scenario is loaded, its new transports listed. */
async function uploadFeed(file: File): Promise<void> {
  showProblems($('gtfs-problems'), '', []);
  if (!state.raw) {
    $('gtfs-status').textContent = pw().gtfsNoScenario;
    return;
  }
  if (!(await acceptable(file))) return;
  $('gtfs-status').textContent = pw().gtfsReading(file.name);
  try {
    const week = $<HTMLInputElement>('gtfs-week').value.trim() || undefined;
    const answer = await api.transports(editedScenario(), await base64Of(file), week);
    loadScenario(answer.scenario, `${state.source} + ${file.name}`);
    // The answer's timetable transports are all this feed's: an earlier feed's were replaced.
    const added = (state.scenario?.transportRoutes ?? []).filter((t) => t.gtfs !== undefined);
    state.gtfs = { answer, added };
    showGtfsAdded();
  } catch (error) {
    $('gtfs-status').textContent = '';
    showProblems($('gtfs-problems'), pw().gtfsRefused(file.name), errorProblems(error));
  }
}

export function initGtfsUpload(): void {
  $<HTMLInputElement>('upload-gtfs').addEventListener('change', async (e) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) await uploadFeed(file);
    input.value = '';
  });
}
