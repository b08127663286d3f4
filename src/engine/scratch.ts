/**
 * Working buffers, kept between calls: a scoring run sorts a dozen columns, and
 * allocating these afresh each time (megabytes a run) costs a garbage collection or more
 * per run. Each is written before it is read and never handed to a caller.
 */
export class Scratch<T extends Int32Array | Uint32Array | Float64Array> {
  #buffer: T;
  readonly #make: (length: number) => T;
  constructor(make: (length: number) => T) {
    this.#make = make;
    this.#buffer = make(0);
  }
  /** A view of at least `length` entries (contents undefined). */
  take(length: number): T {
    if (this.#buffer.length < length) this.#buffer = this.#make(length);
    return this.#buffer.subarray(0, length) as T; // subarray keeps the array type
  }
}
