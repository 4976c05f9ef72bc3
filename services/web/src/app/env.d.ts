/// <reference lib="dom" />
/// <reference lib="dom.iterable" />

declare module '*.css';
