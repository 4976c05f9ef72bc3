import type { ComparisonResult, Plan, PlanMessageCode, Scenario } from '@paketbygd/model';
import { entryLabel, type Worded } from './comparison-words';
import { html, type SafeHtml } from './html';
import { currentLang, t, withLang, type Lang } from './i18n';
import { Names } from './lookup';
import { wordPlanMessage } from './plan-messages';

/** Where a warning belongs in a report, and how much it matters (lower is more important). */
export interface RankedWarning {
  text: string;
  rank: number;
  /** The id of the report section whose result the warning qualifies. */
  section: string;
}

/**
 * Warnings in the order a reader should meet them: those that change what a result means
 * (disqualified, abnormally low, unfilled boxes, a target missed, the budget) before those that
 * qualify a detail. Each rule also names the section whose figures the warning qualifies.
 */
const RULES: { pattern: RegExp; rank: number; section: string }[] = [
  { pattern: /disqualified|no entry meets every mandatory/i, rank: 0, section: 'checks' },
  { pattern: /abnormally low/i, rank: 1, section: 'checks' },
  { pattern: /relative scoring/i, rank: 2, section: 'scoring-model' },
  { pattern: /budget/i, rank: 3, section: 'key-figures' },
  { pattern: /no van can fill|not filled|unfilled/i, rank: 4, section: 'boxes' },
  { pattern: /short of the target|coverage after/i, rank: 5, section: 'key-figures' },
  { pattern: /not served|unserved|unreachable/i, rank: 6, section: 'unserved' },
  { pattern: /times a week, fewer than/i, rank: 7, section: 'carriers' },
  { pattern: /nearest box is full/i, rank: 8, section: 'boxes' },
  { pattern: /^travel:|nearest road/i, rank: 9, section: 'map' },
  { pattern: /costs are the bid's prices/i, rank: 11, section: 'key-figures' },
];

/** The planner's coded warnings on the same scale as RULES (the budget's 3 is the report's own). */
const CODE_RANKS: Partial<Record<PlanMessageCode, { rank: number; section: string }>> = {
  placement_infeasible: { rank: 3, section: 'placement' },
  no_candidate_sites: { rank: 4, section: 'boxes' },
  max_boxes_zero: { rank: 4, section: 'boxes' },
  box_unfilled: { rank: 4, section: 'boxes' },
  coverage_short: { rank: 5, section: 'key-figures' },
  unreachable_today: { rank: 6, section: 'key-figures' },
  van_route_violation: { rank: 6, section: 'vans' },
  fewer_deliveries: { rank: 7, section: 'carriers' },
  detours_together_too_long: { rank: 7, section: 'carriers' },
  loads_before_parcels: { rank: 7, section: 'carriers' },
  nearest_box_full: { rank: 8, section: 'boxes' },
  travel_point: { rank: 9, section: 'map' },
  route_geometry_failed: { rank: 9, section: 'map' },
  route_without_co2: { rank: 10, section: 'carriers' },
};

/** A warning already worded in the report's language (or known to be English), with its rank. */
export interface WarningItem extends RankedWarning {
  /** Written in English whatever the report's language (a sentence from elsewhere). */
  english: boolean;
  /** In a comparison: the label of the entry whose plan it is about. */
  entry?: string;
}

export function rankWarning(text: string): { rank: number; section: string } {
  const rule = RULES.find((r) => r.pattern.test(text));
  return rule ? { rank: rule.rank, section: rule.section } : { rank: 10, section: 'general' };
}

/** An English sentence ranked by the rules above. */
function itemOf(w: string | WarningItem): WarningItem {
  return typeof w === 'string' ? { text: w, ...rankWarning(w), english: true } : w;
}

/** A plan's warnings in the report's language, ranked by their codes (a plan without codes: its English sentences). */
export function planWarningItems(plan: Pick<Plan, 'warnings' | 'messages'>, names: Names): WarningItem[] {
  if (!plan.messages) return plan.warnings.map(itemOf);
  return plan.messages.warnings.map((m) => ({
    text: wordPlanMessage(m, names),
    ...(CODE_RANKS[m.code] ?? rankWarning(m.text)),
    english: false,
  }));
}

/** A plan's warnings as lines of text in a language, most important first (the CLI prints them). */
export function planWarningTexts(scenario: Scenario, plan: Plan, lang: Lang): string[] {
  return withLang(lang, () =>
    rankWarnings(planWarningItems(plan, new Names(scenario, plan))).map((w) => w.text),
  );
}

/**
 * The comparison's warnings: each entry's plan warnings worded from their codes in the report's
 * language, under the entry's label; the rest (the comparison's own) as the comparison wrote them.
 */
export function comparisonWarningItems(
  scenario: Scenario,
  comparison: ComparisonResult,
): (string | WarningItem)[] {
  const names = new Names(scenario);
  const worded = new Set<string>();
  const items: WarningItem[] = [];
  for (const e of comparison.entries) {
    if (!e.planWarnings) continue;
    const plan = {
      warnings: e.planWarnings.map((m) => m.text),
      messages: { warnings: e.planWarnings, assumptions: [] },
    };
    for (const item of planWarningItems(plan, names)) items.push({ ...item, entry: e.label });
    for (const m of e.planWarnings) worded.add(`${e.label}: ${m.text}`);
  }
  return [...comparison.warnings.filter((w) => !worded.has(w)), ...items];
}

/**
 * A comparison's warnings in a language, most important first, each with the label of the entry
 * it is about and the language it is written in (the web page's Compare tab lists them so).
 */
export function comparisonWarningTexts(
  scenario: Scenario,
  comparison: ComparisonResult,
  lang: Lang,
): (Worded & { entry?: string })[] {
  const names = new Map(comparison.entries.map((e) => [e.label, entryLabel(e, lang)]));
  return withLang(lang, () =>
    rankWarnings(comparisonWarningItems(scenario, comparison)).map((w) => ({
      text: w.text,
      lang: w.english ? 'en' : lang,
      ...(w.entry !== undefined ? { entry: names.get(w.entry) ?? w.entry } : {}),
    })),
  );
}

/** Most important first; equally important ones keep their order. */
export function rankWarnings(list: readonly (string | WarningItem)[]): WarningItem[] {
  return list
    .map((w, i) => ({ ...itemOf(w), i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ i: _, ...item }) => item);
}

/** `lang="en"` on an English sentence in a report of another language, for screen readers. */
function langOf(w: WarningItem): SafeHtml {
  return w.english && currentLang() !== 'en' ? html` lang="en"` : html``;
}

/** The warnings that qualify one section's result, shown at the head of that section. */
export function renderSectionWarnings(list: readonly (string | WarningItem)[], section: string): SafeHtml {
  const own = rankWarnings(list).filter((w) => w.section === section);
  if (own.length === 0) return html``;
  return html`<ul class="section-warnings" role="note">${own.map((w) => html`<li${langOf(w)}>⚠ ${w.text}</li>`)}</ul>`;
}

/**
 * The warnings box at the top of a report, most important first. A comparison's planner prefixes
 * each entry's warnings with the entry's label ("Bidder AB: coverage after is …"); those are
 * grouped under the label, each group ranked, the groups in the order of their most important
 * warning, and the warnings about the comparison itself (such as the relative model's) first.
 */
export function renderWarnings(
  list: readonly (string | WarningItem)[],
  entryLabels: readonly string[] = [],
  options: { folded?: boolean; entryName?: (label: string) => string } = {},
): SafeHtml {
  if (list.length === 0) return html``;
  const labels = [...entryLabels].sort((a, b) => b.length - a.length);
  const general: (string | WarningItem)[] = [];
  const byEntry = new Map<string, (string | WarningItem)[]>();
  for (const w of list) {
    // A worded warning names its entry; an English sentence carries the entry's label in front.
    if (typeof w !== 'string') {
      if (w.entry === undefined) general.push(w);
      else byEntry.set(w.entry, [...(byEntry.get(w.entry) ?? []), w]);
      continue;
    }
    const label = labels.find((l) => w.startsWith(`${l}: `));
    if (label === undefined) general.push(w);
    else byEntry.set(label, [...(byEntry.get(label) ?? []), w.slice(label.length + 2)]);
  }
  const groups = entryLabels
    .filter((l) => byEntry.has(l))
    .map((l, i) => ({ label: l, i, ranked: rankWarnings(byEntry.get(l) ?? []) }))
    .sort((a, b) => (a.ranked[0]?.rank ?? 99) - (b.ranked[0]?.rank ?? 99) || a.i - b.i);
  const grouped = groups.map(
    (g) =>
      html`<li><strong>${options.entryName?.(g.label) ?? g.label}</strong><ul>${g.ranked.map((w) => html`<li data-rank="${w.rank}"${langOf(w)}>${w.text}</li>`)}</ul></li>`,
  );
  const top = rankWarnings(general).map((w) => html`<li data-rank="${w.rank}"${langOf(w)}>${w.text}</li>`);
  const items = html`<ul>${top}${grouped}</ul>`;
  // A long list of the plans' remarks is folded, so that it cannot bury the verdict and the tables.
  return options.folded
    ? html`<details class="warnings" role="note"><summary><h2 id="warnings-title">${t().common.warnings(list.length)}</h2></summary>${items}</details>`
    : html`<section class="warnings" role="note" aria-labelledby="warnings-title"><h2 id="warnings-title">${t().common.warnings(list.length)}</h2>${items}</section>`;
}
