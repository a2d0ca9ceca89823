import { choleskySolve } from './choleskySolve';

/** A fitted logistic model: logit p(y = 1 | x) = intercept + Σ coef_j·x_j. */
export interface LogisticFit {
  readonly intercept: number;
  readonly coef: readonly number[];
  readonly iterations: number;
  readonly converged: boolean;
}

const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-9;

/** Linear predictors η_i for coefficients beta = [intercept, coef…] over column-major features. */
export function linearPredictor(columns: readonly Float64Array[], beta: readonly number[], rows: number): Float64Array {
  const eta = new Float64Array(rows).fill(beta[0]);
  columns.forEach((column, j) => {
    const b = beta[j + 1];
    if (b !== 0) for (let i = 0; i < rows; i++) eta[i] += b * column[i];
  });
  return eta;
}

function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function penalisedLogLik(columns: readonly Float64Array[], y: ArrayLike<number>, beta: readonly number[], lambda: number): number {
  const eta = linearPredictor(columns, beta, y.length);
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += y[i] * eta[i] - softplus(eta[i]);
  for (let j = 1; j < beta.length; j++) sum -= (lambda / 2) * beta[j] * beta[j];
  return sum;
}

/** Gradient and Hessian (negated, so positive definite) of the penalised log-likelihood; the intercept is not penalised. */
function newtonSystem(columns: readonly Float64Array[], y: ArrayLike<number>, beta: readonly number[], lambda: number): { g: number[]; h: number[][] } {
  const n = y.length;
  const p = beta.length;
  const eta = linearPredictor(columns, beta, n);
  const row = new Float64Array(p);
  row[0] = 1;
  const g = new Array<number>(p).fill(0);
  const h = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < n; i++) {
    const prob = 1 / (1 + Math.exp(-eta[i]));
    const residual = y[i] - prob;
    const w = prob * (1 - prob);
    for (let j = 1; j < p; j++) row[j] = columns[j - 1][i];
    for (let j = 0; j < p; j++) {
      g[j] += row[j] * residual;
      const wj = w * row[j];
      const hj = h[j];
      for (let k = 0; k <= j; k++) hj[k] += wj * row[k];
    }
  }
  for (let j = 0; j < p; j++) {
    if (j > 0) g[j] -= lambda * beta[j];
    h[j][j] += (j > 0 ? lambda : 0) + 1e-10;
    for (let k = 0; k < j; k++) h[k][j] = h[j][k];
  }
  return { g, h };
}

/** L2-regularised logistic regression fitted by Newton's method (IRLS) with step halving; deterministic. */
export function fitLogistic(columns: readonly Float64Array[], y: ArrayLike<number>, lambda: number): LogisticFit {
  let beta = new Array<number>(columns.length + 1).fill(0);
  let current = penalisedLogLik(columns, y, beta, lambda);
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const { g, h } = newtonSystem(columns, y, beta, lambda);
    const delta = choleskySolve(h, g);
    if (delta === null) return { intercept: beta[0], coef: beta.slice(1), iterations: iteration, converged: false };
    let step = 1;
    let next = beta.map((b, j) => b + delta[j]);
    let value = penalisedLogLik(columns, y, next, lambda);
    while (value < current && step > 1e-6) {
      step /= 2;
      next = beta.map((b, j) => b + step * delta[j]);
      value = penalisedLogLik(columns, y, next, lambda);
    }
    const moved = Math.max(...delta.map((d) => Math.abs(step * d)));
    beta = next;
    current = value;
    if (moved < TOLERANCE) return { intercept: beta[0], coef: beta.slice(1), iterations: iteration, converged: true };
  }
  return { intercept: beta[0], coef: beta.slice(1), iterations: MAX_ITERATIONS, converged: false };
}
