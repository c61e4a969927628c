import type { Benchmark } from '../lib/types';
import { importBench } from './import';
import { p1Framework } from './p1-framework';
import { p2Trpc } from './p2-trpc';
import { p3Orm } from './p3-orm';
import { p4Search } from './p4-search';
import { p5Pagination } from './p5-pagination';
import { p6Batching } from './p6-batching';
import { p7Embedded } from './p7-embedded';
import { p8FrontEnd } from './p8-front-end';

/**
 * Every benchmark, in the order `pnpm bench` runs them. Each lives in its own file and
 * exports one Benchmark; add new ones here.
 */
export const BENCHMARKS: Benchmark[] = [
  p1Framework,
  p2Trpc,
  p3Orm,
  p4Search,
  p5Pagination,
  p6Batching,
  p7Embedded,
  p8FrontEnd,
  importBench,
];
