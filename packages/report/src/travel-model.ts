import { ROAD_DETOUR_FACTOR, type Plan, type Scenario, type TravelModelSummary } from '@paketbygd/model';
import { formatKm, formatNumber, NBSP } from './format';
import { html, type SafeHtml } from './html';
import { t } from './i18n';

/**
 * The travel model a plan was computed with: as the report's input gives it, else from the plan
 * and the scenario (the detour factor the straight-line backend uses by default is the model's
 * ROAD_DETOUR_FACTOR; speeds are then not known to the report and not printed).
 */
export function travelModelFor(
  given: TravelModelSummary | undefined,
  plan: Pick<Plan, 'travel'>,
  scenario: Pick<Scenario, 'travel'>,
): TravelModelSummary {
  return (
    given ?? {
      backend: plan.travel.backend,
      detourFactor: scenario.travel.detourFactor ?? ROAD_DETOUR_FACTOR,
    }
  );
}

/** One line that says how distances and times were computed: backend, detour factor, speeds. */
export function travelModelText(model: TravelModelSummary): string {
  const m = t().travel;
  const parts = [m.line(model.backend, m.backend[model.backend] ?? model.backend)];
  const details: string[] = [];
  if (model.backend === 'straightline' && model.detourFactor !== undefined)
    details.push(m.detour(formatNumber(model.detourFactor, 3)));
  // Road backends have no detour factor or speed bands: their distances and speeds are the roads'.
  if (model.backend === 'roadgraph') details.push(m.roadgraphSpeeds);
  if (model.backend === 'osrm') details.push(m.osrmSpeeds);
  if (model.speedBands?.length) {
    details.push(
      m.speeds(
        model.speedBands
          .map((b) =>
            m.band(
              `${formatNumber(b.speedKmh)}${NBSP}km/h`,
              b.upToM === null ? undefined : formatKm(b.upToM, 0),
            ),
          )
          .join(', '),
      ),
    );
  }
  if (model.source) details.push(m.source(model.source));
  return details.length > 0 ? `${parts[0]!.replace(/\.$/, '')}; ${details.join('; ')}.` : parts[0]!;
}

export function renderTravelModel(model: TravelModelSummary | undefined): SafeHtml {
  if (!model) return html``;
  return html`<p class="travel-model" data-backend="${model.backend}">${travelModelText(model)}</p>`;
}
