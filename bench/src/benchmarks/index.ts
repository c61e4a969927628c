import type { Benchmark } from '../lib/types';
import { p1Framework } from './p1-framework';
import { p2Trpc } from './p2-trpc';

/**
 * Every benchmark, in the order `pnpm bench` runs them. Each lives in its own file and
 * exports one Benchmark; add new ones here.
 */
export const BENCHMARKS: Benchmark[] = [p1Framework, p2Trpc];
