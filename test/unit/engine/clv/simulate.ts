import type { BgNbdParams, GammaGammaParams, GroupedTransactions } from '$engine/index';
import { createRandom, type Random } from '$lib/random';

/** Gamma(shape, 1) deviate (Marsaglia and Tsang; shape < 1 by the boost u^(1/shape)). */
function gamma(random: Random, shape: number): number {
  if (shape < 1) return gamma(random, shape + 1) * Math.pow(random.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = random.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    if (Math.log(random.next()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * A client base drawn from the BG/NBD and Gamma-Gamma models themselves (α and horizons
 * in days): first purchases spread over the `years` before `asOfDay`, then purchases at
 * rate λ ~ Gamma(r, α) until the client drops out (probability p ~ Beta(a, b) after each
 * repeat purchase), each worth Gamma(p, ν) with ν ~ Gamma(q, v), rounded to cents.
 */
export function simulateBase(
  clients: number,
  seed: number,
  {
    bgnbd,
    spend,
    asOfDay,
    years,
  }: {
    bgnbd: BgNbdParams;
    spend: GammaGammaParams;
    asOfDay: number;
    years: number;
  },
): GroupedTransactions {
  const random = createRandom(seed);
  const offsets = [0];
  const day: number[] = [];
  const amount: number[] = [];
  for (let c = 0; c < clients; c += 1) {
    const lambda = gamma(random, bgnbd.r) / bgnbd.alpha;
    const x = gamma(random, bgnbd.a);
    const dropout = x / (x + gamma(random, bgnbd.b));
    const nu = gamma(random, spend.q) / spend.v;
    const purchase = (t: number) => {
      day.push(Math.floor(t));
      amount.push(Math.round((gamma(random, spend.p) / nu) * 100) / 100);
    };
    let t = asOfDay + 1 - random.next() * 365 * years;
    purchase(t);
    for (;;) {
      t += -Math.log(1 - random.next()) / lambda;
      if (t >= asOfDay + 1) break;
      purchase(t);
      if (random.chance(dropout)) break;
    }
    offsets.push(day.length);
  }
  return { offsets, day, amount };
}
