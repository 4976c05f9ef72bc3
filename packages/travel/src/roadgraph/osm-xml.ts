import { SaxesParser } from 'saxes';
import { TravelError } from '../errors';
import type { OsmSink } from './osm-sink';

/** Reads OSM XML (.osm, already gunzipped); malformed XML is an error naming the line. */
export function readOsmXml(text: string, sink: OsmSink, file = 'OSM XML'): void {
  const parser = new SaxesParser();
  let node: { id: number; lon: number; lat: number; tags: Record<string, string> | undefined } | undefined;
  let way: { id: number; refs: number[]; tags: Record<string, string> } | undefined;
  let sawOsm = false;
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    switch (tag.name) {
      case 'osm':
        sawOsm = true;
        break;
      case 'node':
        node = { id: Number(a.id), lon: Number(a.lon), lat: Number(a.lat), tags: undefined };
        break;
      case 'way':
        way = { id: Number(a.id), refs: [], tags: {} };
        break;
      case 'nd':
        way?.refs.push(Number(a.ref));
        break;
      case 'tag':
        if (a.k === undefined || a.v === undefined) break;
        if (way) way.tags[a.k] = a.v;
        else if (node) (node.tags ??= {})[a.k] = a.v;
        break;
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'node' && node) {
      if (Number.isFinite(node.lon) && Number.isFinite(node.lat))
        sink.node(node.id, node.lon, node.lat, node.tags);
      node = undefined;
    } else if (tag.name === 'way' && way) {
      sink.way(way.id, way.refs, way.tags);
      way = undefined;
    }
  });
  try {
    parser.write(text).close();
  } catch (error) {
    throw new TravelError(
      'MapData',
      `${file}: is not well-formed OSM XML (${(error as Error).message})`,
      undefined,
      { cause: error },
    );
  }
  if (!sawOsm) throw new TravelError('MapData', `${file}: has no <osm> element; is it an OSM XML file?`);
}
