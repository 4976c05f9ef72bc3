import { html, type SafeHtml } from './html';
import { t } from './i18n';
import { renderSectionWarnings, type WarningItem } from './warnings';

/** A report's section: its anchor id, its title and what it shows. */
export type Section = [id: string, title: string, content: SafeHtml];

/** The table of contents under a report's title: one link a section. */
export function renderToc(sections: readonly Section[]): SafeHtml {
  return html`<nav class="toc" aria-label="${t().common.contents}">
        <ul>
          ${sections.map(([id, title]) => html`<li><a href="#${id}">${title}</a></li>`)}
        </ul>
      </nav>`;
}

/** The sections in order, each headed by the warnings that qualify its result. */
export function renderSections(
  sections: readonly Section[],
  warnings: readonly (string | WarningItem)[],
): SafeHtml {
  return html`${sections.map(
    ([id, title, content]) =>
      html`<section id="${id}" aria-labelledby="${id}-h">
          <h2 id="${id}-h">${title}</h2>
          ${renderSectionWarnings(warnings, id)}${content}
        </section>`,
  )}`;
}
