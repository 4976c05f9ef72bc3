// The public face of @paketbygd/data: readers of public data files and `init` (a kommun → a scenario).
export {};
export * from './gtfs/index';
