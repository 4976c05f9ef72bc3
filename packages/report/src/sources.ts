import type { Plan, Source } from '@paketbygd/model';
import { html, type SafeHtml } from './html';

export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';

/** Only web links become anchors; anything else a user wrote stays text. */
function link(url: string): SafeHtml {
  return /^https?:\/\//i.test(url)
    ? html`<a href="${url}" rel="noopener noreferrer">${url}</a>`
    : html`<span>${url}</span>`;
}

export function renderSources(sources: readonly Source[]): SafeHtml {
  if (sources.length === 0) return html`<p>The scenario names no sources.</p>`;
  return html`<ul class="sources">
    ${sources.map(
      (s) =>
        html`<li>
          <strong>${s.title}</strong
          >${s.license ? html` (licence: ${s.license})` : ''}${s.note ? html`: ${s.note}` : ''}${s.url ? html`. ${link(s.url)}` : ''}
        </li>`,
    )}
  </ul>`;
}

export function renderAttribution(plan: Plan): SafeHtml {
  const usesOsm = plan.travel.backend === 'osrm' || plan.travel.backend === 'roadgraph';
  const lines: SafeHtml[] = [];
  if (plan.travel.attribution) lines.push(html`<li>${plan.travel.attribution}</li>`);
  if (usesOsm && !plan.travel.attribution?.includes('OpenStreetMap contributors')) {
    lines.push(
      html`<li>Road data ${OSM_ATTRIBUTION}, available under the Open Database License (ODbL).</li>`,
    );
  }
  // The planner's note says the same thing in its own words; it replaces the generic text.
  const backend =
    plan.travel.note ??
    (plan.travel.backend === 'straightline'
      ? 'straight-line distances times a detour factor (no road data)'
      : plan.travel.backend === 'osrm'
        ? 'OSRM on OpenStreetMap roads'
        : 'the embedded road graph built from OpenStreetMap');
  lines.push(html`<li>Travel distances and times (${plan.travel.backend}): ${backend}.</li>`);
  return html`<ul class="attribution">
    ${lines}
  </ul>`;
}
