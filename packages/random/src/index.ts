export { Mulberry32, Rng, Xoshiro128 } from './random';
