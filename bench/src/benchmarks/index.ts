import type { Benchmark } from '../lib/types';
import { importBench } from './import';
import { p7Embedded } from './p7-embedded';
import { p8FrontEnd } from './p8-front-end';

/**
 * Every benchmark, in the order `pnpm bench` runs them. Each lives in its own file and
 * exports one Benchmark; add new ones here.
 */
export const BENCHMARKS: Benchmark[] = [p7Embedded, p8FrontEnd, importBench];
