/** A small seeded random generator (mulberry32): the same seed gives the same draws, so soak runs repeat. */
export class Rng {
  private a: number;

  constructor(seed: number) {
    this.a = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** True with probability p (0 never draws, so a run without rates keeps its sequence). */
  chance(p: number | undefined): boolean {
    if (!p || p <= 0) return false;
    return this.next() < p;
  }

  /** An integer in [0, max]. */
  upTo(max: number): number {
    return max <= 0 ? 0 : Math.floor(this.next() * (max + 1));
  }
}
