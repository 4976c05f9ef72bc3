import type { ComparisonResult, JobPayload, Plan, Scenario } from '@paketbygd/model';
import { planToGeoJSON, travelModelOf } from '@paketbygd/planner';
import { renderComparisonReport, renderPlanReport, type Lang } from '@paketbygd/report';
import { Piscina } from 'piscina';

/** What a rendering thread gets: the stored job's input and result as the bytes Redis holds. */
export interface RenderTask {
  what: 'geojson' | 'report';
  data: Uint8Array;
  returnvalue: Uint8Array;
  /** The report's language (the report's default, English, when absent). */
  lang?: Lang;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The text a result endpoint answers: a plan as GeoJSON, or a plan's or comparison's HTML report. */
function render(task: RenderTask, payload: JobPayload, result: unknown): string {
  if (task.what === 'geojson')
    return JSON.stringify(planToGeoJSON(payload.input as Scenario, result as Plan));
  const lang = task.lang ? { lang: task.lang } : {};
  if (payload.kind === 'plan') {
    // The travel model as the CLI prints it: backend, detour factor and speeds.
    const travelModel = travelModelOf(payload.input.travel);
    return renderPlanReport({ scenario: payload.input, plan: result as Plan, travelModel, ...lang });
  }
  return renderComparisonReport({
    scenario: (payload.input as { scenario: Scenario }).scenario,
    comparison: result as ComparisonResult,
    ...lang,
  });
}

/**
 * Runs in a worker thread (see renderer.ts): parses the job's stored input and result, which may be
 * tens of MB, and renders them, so that the event loop only hands bytes over and sends bytes back.
 */
export function renderJob(task: RenderTask): ReturnType<typeof Piscina.move> {
  const payload = JSON.parse(decoder.decode(task.data)) as JobPayload;
  const result: unknown = JSON.parse(decoder.decode(task.returnvalue));
  const bytes = encoder.encode(render(task, payload, result));
  return Piscina.move(bytes);
}

export default renderJob;
