export { openFeed, type FeedSource, type ZipInMemory } from './source';
export { DEFAULT_FEED_LIMITS, type FeedLimits } from './limits';
export { GtfsError, describeSkipped, type SkippedRows } from './problems';
export { readGtfsFeed, type GtfsFeed, type ReadFeedOptions } from './feed';
export { isoWeekDates, singleDate, firstServiceDate, firstWholeWeekFrom, runsOn } from './calendar';
export {
  feedToTransports,
  type TransportsOptions,
  type TransportsResult,
  type StopMatch,
} from './transports';
export {
  DEFAULT_TRANSPORT_DEFAULTS,
  DEFAULT_MARGIN_M,
  ON_DEMAND_ROUTE_TYPES,
  type TransportDefaults,
} from './defaults';
export {
  datesChosenText,
  loadTransports,
  type DatesChosen,
  type LoadTransportsOptions,
  type LoadedTransports,
} from './load';
