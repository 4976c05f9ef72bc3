import type { Plan, Source } from '@paketbygd/model';
import { html, type SafeHtml } from './html';
import { t } from './i18n';

export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';

/** Only web links become anchors; anything else a user wrote stays text. */
function link(url: string): SafeHtml {
  return /^https?:\/\//i.test(url)
    ? html`<a href="${url}" rel="noopener noreferrer">${url}</a>`
    : html`<span>${url}</span>`;
}

export function renderSources(sources: readonly Source[]): SafeHtml {
  if (sources.length === 0) return html`<p>${t().common.noSources}</p>`;
  return html`<ul class="sources">
    ${sources.map(
      (s) =>
        html`<li>
          <strong>${s.title}</strong
          >${s.license ? html` (${t().common.licence}: ${s.license})` : ''}${s.note ? html`: ${s.note}` : ''}${s.url ? html`. ${link(s.url)}` : ''}
        </li>`,
    )}
  </ul>`;
}

export function renderAttribution(plan: Plan): SafeHtml {
  const usesOsm = plan.travel.backend === 'osrm' || plan.travel.backend === 'roadgraph';
  const lines: SafeHtml[] = [];
  if (plan.travel.attribution) lines.push(html`<li>${plan.travel.attribution}</li>`);
  if (usesOsm && !plan.travel.attribution?.includes('OpenStreetMap contributors')) {
    lines.push(html`<li>${t().common.roadData(OSM_ATTRIBUTION)}</li>`);
  }
  return html`<ul class="attribution">
    ${lines}
  </ul>`;
}
