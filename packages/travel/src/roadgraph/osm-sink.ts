/** What an OSM reader hands on: nodes with their coordinates and (only if tagged) tags, then ways. */
export interface OsmSink {
  node(id: number, lon: number, lat: number, tags: Record<string, string> | undefined): void;
  way(id: number, refs: number[], tags: Record<string, string>): void;
}
