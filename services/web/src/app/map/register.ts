import type L from 'leaflet';
import { esc } from '../ui/html';
import { kindLabel, type MapEntry } from './entries';

/** Binds the tooltip (hover, focus) and popup (click, Enter, Space) and adds the feature to the map. */
export function registerEntry(layers: L.FeatureGroup, entry: MapEntry, focusable: boolean): void {
  const { layer, kind, name, detail } = entry;
  const title = `${kindLabel(kind)}: ${name}`;
  (layer as L.Layer).bindTooltip(`${esc(name)}${detail ? `: ${esc(detail)}` : ''}`);
  (layer as L.Layer).bindPopup(`<strong>${esc(title)}</strong>${detail ? `<br>${esc(detail)}` : ''}`, {
    autoPanPadding: [20, 20],
  });
  layer.addTo(layers);
  const el = layer.getElement?.();
  if (!el) return;
  // SVG paths with focus listeners are focusable in Chromium: say explicitly which are.
  el.setAttribute('tabindex', focusable ? '0' : '-1');
  if (!focusable) return;
  el.setAttribute('role', 'button');
  el.setAttribute('aria-label', `${title}${detail ? `, ${detail}` : ''}`);
  el.addEventListener('keydown', (e) => {
    // Enter is Leaflet's own (a click); Space opens the popup as on any button.
    if ((e as KeyboardEvent).key === ' ') {
      e.preventDefault();
      layer.openPopup();
    }
  });
}
