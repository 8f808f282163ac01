/**
 * The package ships ESM with an `exports` map this CommonJS build cannot read
 * types through (Node loads it with require(esm)); this declares the one
 * function the benchmark uses, as the package documents it.
 */
declare module 'linear-sum-assignment' {
  export function linearSumAssignment(
    input: number[][],
    options?: { maximaze?: boolean },
  ): { rowAssignments: Float64Array; columnAssignments: Float64Array; gain: number };
}
