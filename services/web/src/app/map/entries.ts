import type L from 'leaflet';
import { w } from '../i18n/lang';
import type { PlaceLabel } from './layers/labels';

/** What the map shows, one kind per row group of the list beside it. */
export type EntryKind =
  | 'box'
  | 'van-route'
  | 'carrier-route'
  | 'pickup-point'
  | 'hub'
  | 'demand'
  | 'candidate-site'
  | 'transport-route';

export const KIND_ORDER: EntryKind[] = [
  'box',
  'van-route',
  'carrier-route',
  'pickup-point',
  'hub',
  'demand',
  'candidate-site',
  'transport-route',
];

/** A kind of map feature by name, in the page's language. */
export function kindLabel(kind: EntryKind): string {
  return w().kinds[kind] ?? kind;
}

/** One thing on the map that the keyboard can reach through the list (and points also by Tab). */
export interface MapEntry {
  kind: EntryKind;
  name: string;
  detail: string;
  layer: L.Layer & { openPopup(): unknown; getElement?(): Element | undefined };
}

/** Where the layers draw: the map's feature group, and the list of what is named on it. */
export interface Drawing {
  layers: L.FeatureGroup;
  register(entry: MapEntry, focusable: boolean): void;
  /** The place names drawn, placed clear of each other and of the symbols after every zoom. */
  labels: PlaceLabel[];
}

/** The pane of the villages and candidate sites: drawn under the markers, tabbed to after them. */
export const POINTS_PANE = 'pk-points';
