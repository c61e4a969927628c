/** What one benchmark reports. Every ratio is measured against a reference in the same run. */
export interface BenchResult {
  /** Raw figures: req/s, milliseconds, bytes, rows per second… Names carry their unit. */
  metrics: Record<string, number>;
  /** Comparisons within this run, e.g. hono_vs_node_rps = hono req/s ÷ node req/s. */
  ratios: Record<string, number>;
  /** The targets the issue sets, checked and printed (never asserted by tests). */
  targets?: Target[];
  /** Anything worth printing beside the figures (plans, notes). */
  notes?: string[];
}

export interface Target {
  /** A key of metrics or ratios. */
  name: string;
  op: '>=' | '<=';
  value: number;
  /** Printed next to the verdict, e.g. "stretch 0.40". */
  label?: string;
}

export interface BenchContext {
  /** PostgreSQL server URL for a scratch database (BENCH_DATABASE_URL, default local). */
  postgresAdminUrl: string;
  /** Smaller data and shorter load runs (BENCH_QUICK=1) for trying a benchmark out. */
  quick: boolean;
  /** Seconds per load run. */
  durationSeconds: number;
  log: (message: string) => void;
}

export interface Benchmark {
  /** Short id used by --only, e.g. "p1". */
  id: string;
  title: string;
  run: (ctx: BenchContext) => Promise<BenchResult>;
}
