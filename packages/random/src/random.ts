/**
 * Seeded random numbers, so that a seed gives the same answer on every run and machine (never
 * Math.random). Two generators behind one interface: xoshiro128** is the default; mulberry32 stays
 * because the placement search and the benchmark and example instances were drawn with it, and
 * switching would change their published figures.
 */
export interface Rng {
  /** A uniform 32-bit unsigned integer. */
  nextU32(): number;
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

const TWO_POW_32 = 4294967296;

/**
 * xoshiro128** (Blackman & Vigna 2018), seeded through splitmix32 so that any integer seed,
 * including 0, gives a well-mixed state. The default: 128 bits of state, passes BigCrush.
 */
export class Xoshiro128 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
  }

  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  next(): number {
    return this.nextU32() / TWO_POW_32;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/** mulberry32 (Tommy Ettinger): 32 bits of state; kept for the figures drawn with it (see above). */
export class Mulberry32 implements Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  nextU32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  next(): number {
    return this.nextU32() / TWO_POW_32;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/** `new Rng(seed)`: the default generator, xoshiro128**. */
export const Rng: new (seed: number) => Rng = Xoshiro128;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
