/** Types of bench/optimiserProblem.js (shared by the bench and the optimiser's test). */
import type { HedgeProblem } from "../src/core/hedge/hedgeProblem";

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function rng(seed: number): () => number;
/** The hedge problem `npm run bench` times. */
export function optimiserBenchProblem(): HedgeProblem;
