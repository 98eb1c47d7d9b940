/**
 * Logistic regression fitted by Newton's method with an L2 penalty: few features, a few
 * thousand rows, converges in a handful of steps. Labels may be soft (0–1) and rows weighted,
 * so that every question counts the same however many candidate sentences it has.
 */
export interface TrainingRow {
  x: number[];
  /** Target between 0 and 1. */
  y: number;
  weight: number;
}

export interface LogisticModel {
  bias: number;
  coefficients: number[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, z))));

export function predict(model: LogisticModel, x: number[]): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += model.coefficients[i]! * x[i]!;
  return sigmoid(z);
}

/** Solves A·v = b by Gaussian elimination with partial pivoting (A is small and, with the penalty, positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = m[r]![col]! / p;
      if (factor === 0) continue;
      for (let c = col; c <= n; c++) m[r]![c]! -= factor * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / (row[i]! || 1e-12));
}

/** Fits the model; `l2` penalises the coefficients (not the bias). */
export function fitLogistic(rows: TrainingRow[], features: number, options: { l2?: number; iterations?: number } = {}): LogisticModel {
  const l2 = options.l2 ?? 1;
  const size = features + 1; // bias last
  let beta = new Array<number>(size).fill(0);
  for (let iteration = 0; iteration < (options.iterations ?? 25); iteration++) {
    const gradient = new Array<number>(size).fill(0);
    const hessian = Array.from({ length: size }, () => new Array<number>(size).fill(0));
    for (const row of rows) {
      const x = [...row.x, 1];
      let z = 0;
      for (let i = 0; i < size; i++) z += beta[i]! * x[i]!;
      const p = sigmoid(z);
      const w = row.weight;
      for (let i = 0; i < size; i++) {
        gradient[i]! += w * (p - row.y) * x[i]!;
        const xi = w * p * (1 - p) * x[i]!;
        if (xi === 0) continue;
        for (let j = 0; j < size; j++) hessian[i]![j]! += xi * x[j]!;
      }
    }
    for (let i = 0; i < features; i++) {
      gradient[i]! += l2 * beta[i]!;
      hessian[i]![i]! += l2;
    }
    hessian[features]![features]! += 1e-6;
    const step = solve(hessian, gradient);
    beta = beta.map((b, i) => b - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  return { bias: beta[features]!, coefficients: beta.slice(0, features) };
}
