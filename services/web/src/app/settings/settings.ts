import { storeApiKey, storedApiKey } from '../api/key-storage';
import type { PlanMap } from '../map/plan-map';
import { $ } from '../ui/dom';

const TILE_KEY = 'paketbygd.tileUrl';

/** Settings: the API key (this tab only) and an optional tile URL (kept on this browser). */
export function initSettings(map: PlanMap): void {
  const keyInput = $<HTMLInputElement>('api-key');
  keyInput.value = storedApiKey();
  keyInput.addEventListener('input', () => storeApiKey(keyInput.value));
  const tileInput = $<HTMLInputElement>('tile-url');
  try {
    tileInput.value = localStorage.getItem(TILE_KEY) ?? '';
  } catch {
    // no storage
  }
  map.setTileUrl(tileInput.value);
  tileInput.addEventListener('change', () => {
    try {
      localStorage.setItem(TILE_KEY, tileInput.value);
    } catch {
      // no storage
    }
    map.setTileUrl(tileInput.value);
  });
}
