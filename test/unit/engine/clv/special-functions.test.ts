import { describe, expect, it } from 'vitest';
import { hyp2f1 } from '$engine/clv/hypergeometric';
import { digamma, logGamma } from '$engine/clv/special-functions';

/** |actual − expected| within `relative` of |expected|, or within `relative` when expected is 0. */
function expectClose(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    relative * Math.max(1, Math.abs(expected)),
  );
}

// Reference values computed with mpmath at 40 significant digits, rounded to doubles.
const LOG_GAMMA: [number, number][] = [
  [1e-10, 23.025850929882736],
  [1e-5, 11.512919692895826],
  [0.1, 2.252712651734206],
  [0.5, 0.5723649429247001],
  [1, 0],
  [1.5, -0.12078223763524522],
  [2, 0],
  [2.5, 0.2846828704729192],
  [3.7, 1.4280723266653879],
  [10, 12.801827480081469],
  [30.3, 72.2738905413649],
  [100, 359.1342053695754],
  [12345.678, 103959.91990554606],
  [1e6, 12815504.569147611],
  [1e10, 220258509288.81058],
];

const DIGAMMA: [number, number][] = [
  [1e-10, -10000000000.577215],
  [1e-5, -100000.57719921568],
  [0.1, -10.423754940411078],
  [0.5, -1.9635100260214235],
  [1, -0.5772156649015329],
  [1.5, 0.03648997397857652],
  [2, 0.42278433509846713],
  [2.5, 0.7031566406452432],
  [3.7, 1.1671535393615113],
  [9.99, 2.250700372831201],
  [10, 2.251752589066721],
  [30.3, 3.3945553040790912],
  [100, 4.600161852738087],
  [12345.678, 9.421020820741761],
  [1e6, 13.815510057964191],
];

describe('logGamma', () => {
  it.each(LOG_GAMMA)('ln Γ(%d) = %d', (x, expected) => {
    expectClose(logGamma(x), expected, 2e-15);
  });

  it('satisfies ln Γ(x + 1) = ln Γ(x) + ln x across scales', () => {
    for (const x of [1e-8, 0.003, 0.49, 0.51, 1.7, 6.5, 42, 1e4]) {
      expectClose(logGamma(x + 1), logGamma(x) + Math.log(x), 1e-14);
    }
  });

  it('is NaN outside (0, ∞)', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1.5)).toBeNaN();
    expect(logGamma(NaN)).toBeNaN();
  });
});

describe('digamma', () => {
  it.each(DIGAMMA)('ψ(%d) = %d', (x, expected) => {
    expectClose(digamma(x), expected, 2e-15);
  });

  it('is the derivative of logGamma', () => {
    for (const x of [0.05, 0.8, 3, 17.5, 250]) {
      const h = 1e-5 * x;
      const slope = (logGamma(x + h) - logGamma(x - h)) / (2 * h);
      expectClose(digamma(x), slope, 1e-8);
    }
  });

  it('is NaN outside (0, ∞)', () => {
    expect(digamma(0)).toBeNaN();
    expect(digamma(-2)).toBeNaN();
  });
});

describe('hyp2f1', () => {
  // a, b, c, z, ₂F₁ (mpmath, 40 digits). Among them: closed forms (−ln(1 − z)/z,
  // arcsin(√z)/√z), a case needing Euler's transformation (a + b − c = 4.6), negative z
  // (Pfaff), z close to 1, a terminating series, and CDNOW client 1's BG/NBD arguments.
  const CASES: [number, number, number, number, number][] = [
    [1, 1, 2, 0.5, 1.3862943611198906],
    [0.5, 0.5, 1.5, 0.25, 1.0471975511965979],
    [2.5, 3.2, 1.1, 0.9, 144545.0774928241],
    [1.5, 2, 3.3, -0.8, 0.5711521783058764],
    [0.3, 0.6, 1.7, 0.99, 1.2349707157203935],
    [-3, 2, 1.5, 0.7, -0.0752],
    [2.243, 4.426, 4.219, 39 / (4.414 + 38.86 + 39), 4.57531589764369],
    [0.75, 1.25, 2.5, 0.999, 2.6993774174880065],
    [10.5, 0.2, 12.1, 0.6, 1.1602129469048295],
    [1, 1, 2, -0.5, 0.8109302162163288],
  ];

  it.each(CASES)('₂F₁(%d, %d; %d; %d) = %d', (a, b, c, z, expected) => {
    expectClose(hyp2f1(a, b, c, z), expected, 1e-12);
  });

  it('matches (1 − z)^(−a) when b = c', () => {
    for (const a of [0.2, 1, 3.5]) {
      for (const z of [-0.9, -0.3, 0.1, 0.6, 0.95]) {
        expectClose(hyp2f1(a, 2.7, 2.7, z), Math.pow(1 - z, -a), 1e-13);
      }
    }
  });

  it('is 1 at z = 0 and NaN outside its domain', () => {
    expect(hyp2f1(2, 3, 4, 0)).toBe(1);
    expect(hyp2f1(2, 3, 4, 1)).toBeNaN();
    expect(hyp2f1(2, 3, 4, -1)).toBeNaN();
    expect(hyp2f1(2, 3, -2, 0.5)).toBeNaN();
  });
});
