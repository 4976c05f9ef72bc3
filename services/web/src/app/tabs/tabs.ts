import { planMap } from '../state/services';
import { $ } from '../ui/dom';

const TABS = ['scenario', 'plan', 'compare'] as const;
export type Tab = (typeof TABS)[number];

/** Shows a tab's panel; the selected tab is the only one in the tab order. */
export function selectTab(tab: Tab, focus = false): void {
  for (const t of TABS) {
    const button = $(`tab-${t}`);
    const on = t === tab;
    button.setAttribute('aria-selected', String(on));
    button.tabIndex = on ? 0 : -1;
    $(`panel-${t}`).hidden = !on;
    if (on && focus) button.focus();
  }
  document.querySelector('.layout')!.classList.toggle('wide', tab === 'compare');
  // The table of the map's features goes with the map (hidden on Compare).
  $('map-features').hidden = tab === 'compare' || $('map-features').dataset.filled !== 'true';
  document.body.dataset.tab = tab;
  if (tab !== 'compare') requestAnimationFrame(() => planMap.refresh());
}

/** Tabs follow the ARIA tab pattern: click, arrow keys, Home and End. */
export function initTabs(): void {
  TABS.forEach((t, i) => {
    const button = $(`tab-${t}`);
    button.addEventListener('click', () => selectTab(t));
    button.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (e.key === 'Home') selectTab(TABS[0], true);
      else if (e.key === 'End') selectTab(TABS[TABS.length - 1]!, true);
      else if (step) selectTab(TABS[(i + step + TABS.length) % TABS.length]!, true);
      else return;
      e.preventDefault();
    });
  });
}
