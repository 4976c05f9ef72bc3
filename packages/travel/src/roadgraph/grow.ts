type TypedArray = Float64Array | Int32Array | Uint8Array | Float32Array;
type Ctor<T extends TypedArray> = { new (length: number): T };

/** An append-only typed array that doubles when full. */
export class Grow<T extends TypedArray> {
  data: T;
  length = 0;
  constructor(
    private readonly ctor: Ctor<T>,
    capacity = 1024,
  ) {
    this.data = new ctor(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new this.ctor(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  /** A right-sized copy. */
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}
