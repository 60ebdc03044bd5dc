/**
 * What a process remembers having seen in the database (a marker, an answer it wrote), as a hint only: it keeps up
 * to `capacity` keys and then forgets them all at once, which costs a few extra round trips and never a wrong result.
 */
export class ForgetfulSet {
  readonly #keys = new Set<string>();

  constructor(private readonly capacity: number) {}

  has(key: string): boolean {
    return this.#keys.has(key);
  }

  add(key: string): void {
    if (this.#keys.has(key)) return;
    if (this.#keys.size >= this.capacity) this.#keys.clear();
    this.#keys.add(key);
  }
}
