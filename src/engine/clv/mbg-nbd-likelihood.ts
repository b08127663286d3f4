import type { BgNbdData } from './bg-nbd-likelihood';
import { digamma, logGamma } from './special-functions';

/**
 * Σ w · ln L of the MBG/NBD model (Batislam, Denizel & Filiztekin 2007, with the erratum
 * of Wagner & Hoppe 2008) over the distinct rows, at φ = ln(r, α, a, b). The parameters
 * mean what they mean in BG/NBD, but a client may also drop out at time 0, right after
 * the first purchase, so a one-time buyer long silent is probably gone. For one client
 * with x repeat purchases, last at t_x, observed for T:
 *
 *   ln L = A₁ + A₂ + ln(e^A₃ + e^A₄)
 *   A₁ = ln Γ(r + x) − ln Γ(r) + r ln α
 *   A₂ = ln Γ(a + b) + ln Γ(b + x + 1) − ln Γ(b) − ln Γ(a + b + x + 1)
 *   A₃ = −(r + x) ln(α + T)
 *   A₄ = ln a − ln(b + x) − (r + x) ln(α + t_x)
 *
 * (the form `lifetimes`' ModifiedBetaGeoFitter sums, A₃ + ln(1 + e^(A₄ − A₃))). Unlike
 * BG/NBD's, A₄ is there for x = 0 too. The rows are grouped as for BG/NBD
 * (`prepareBgNbdData`). When `derivative` is given it receives ∂ ln L / ∂(r, α, a, b).
 */
export function mbgLogLikelihoodAt(
  data: BgNbdData,
  phi: Float64Array,
  derivative?: Float64Array,
): number {
  const r = Math.exp(phi[0]!);
  const alpha = Math.exp(phi[1]!);
  const a = Math.exp(phi[2]!);
  const b = Math.exp(phi[3]!);
  const { frequency, weight, recencyAt, ageAt, ages, runs } = data;
  const logAge = new Float64Array(ages.length);
  const inverseAge = new Float64Array(ages.length);
  for (let d = 0; d < ages.length; d += 1) {
    logAge[d] = Math.log(alpha + ages[d]!);
    inverseAge[d] = 1 / (alpha + ages[d]!);
  }
  const logAlpha = Math.log(alpha);
  const logA = Math.log(a);
  const lgR = logGamma(r);
  const lgB = logGamma(b);
  const lgAB = logGamma(a + b);
  const psiR = derivative ? digamma(r) : 0;
  const psiB = derivative ? digamma(b) : 0;
  const psiAB = derivative ? digamma(a + b) : 0;
  let ll = 0;
  let dr = 0;
  let dAlpha = 0;
  let dA = 0;
  let dB = 0;
  for (let g = 0; g + 1 < runs.length; g += 1) {
    const start = runs[g]!;
    const end = runs[g + 1]!;
    const x = frequency[start]!;
    const rx = r + x;
    let runWeight = 0;
    for (let k = start; k < end; k += 1) runWeight += weight[k]!;
    const a1 = logGamma(rx) - lgR + r * logAlpha;
    const a2 = lgAB + logGamma(b + x + 1) - lgB - logGamma(a + b + x + 1);
    ll += runWeight * (a1 + a2);
    if (derivative) {
      const psiABX = digamma(a + b + x + 1);
      dr += runWeight * (digamma(rx) - psiR + logAlpha);
      dAlpha += (runWeight * r) / alpha;
      dA += runWeight * (psiAB - psiABX);
      dB += runWeight * (psiAB + digamma(b + x + 1) - psiB - psiABX);
    }
    const c4 = logA - Math.log(b + x);
    for (let k = start; k < end; k += 1) {
      const w = weight[k]!;
      const t = ageAt[k]!;
      const last = recencyAt[k]!;
      const a3 = -rx * logAge[t]!;
      const a4 = c4 - rx * logAge[last]!;
      // ln(e^A₃ + e^A₄) = max + ln(1 + e^−|A₃ − A₄|)
      const gap = Math.exp(-Math.abs(a3 - a4));
      ll += w * (Math.max(a3, a4) + Math.log1p(gap));
      if (derivative) {
        // Share of the A₄ term in the sum: the weight of its derivative.
        const p4 = a4 >= a3 ? 1 / (1 + gap) : gap / (1 + gap);
        const p3 = 1 - p4;
        dr -= w * (p3 * logAge[t]! + p4 * logAge[last]!);
        dAlpha -= w * rx * (p3 * inverseAge[t]! + p4 * inverseAge[last]!);
        dA += (w * p4) / a;
        dB -= (w * p4) / (b + x);
      }
    }
  }
  if (derivative) {
    derivative[0] = dr;
    derivative[1] = dAlpha;
    derivative[2] = dA;
    derivative[3] = dB;
  }
  return ll;
}
