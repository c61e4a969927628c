import type { Benchmark } from '../lib/types';
import { p4Search } from './p4-search';
import { p5Pagination } from './p5-pagination';

/**
 * Every benchmark, in the order `pnpm bench` runs them. Each lives in its own file and
 * exports one Benchmark; add new ones here.
 */
export const BENCHMARKS: Benchmark[] = [p4Search, p5Pagination];
