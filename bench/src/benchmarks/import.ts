import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MEMBER_IMPORT_UPLOAD_PATH } from '@unionhall/domain';
import pg from 'pg';
import { writeMemberCsv } from '../lib/member-csv';
import { startProcess } from '../lib/processes';
import { createScratchDatabase } from '../lib/scratch-db';
import type { BenchContext, BenchResult, Benchmark } from '../lib/types';

const server = fileURLToPath(new URL('../servers/product-server.ts', import.meta.url));

const MAPPING = {
  name: 0,
  idNumber: 1,
  phone: 2,
  email: 3,
  unitCode: 4,
  employer: 5,
  jobTitle: 6,
  joinedAt: 7,
};

/** A field of /proc/<pid>/status in bytes (VmRSS now, VmHWM the peak since the last reset). */
function procMemory(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

interface ImportRun {
  rows: number;
  fileBytes: number;
  seconds: number;
  rowsPerSecond: number;
  /** RSS of the server process just before the upload. */
  rssBefore: number;
  /** Highest RSS of the server process during the import. */
  peakRss: number;
  /** Highest heap in use after a collection (sampled every HEAP_PROBE_MS) during the import. */
  peakHeap: number;
  /** The same before the upload. */
  heapBefore: number;
  imported: number;
}

async function importOnce(ctx: BenchContext, rows: number, work: string): Promise<ImportRun> {
  const scratch = await createScratchDatabase(ctx.postgresAdminUrl, `import_${rows}`);
  const running = await startProcess(server, {
    BENCH_DATABASE_URL: scratch.url,
    BENCH_OFFICER: '1',
    BENCH_HEAP_PROBE: String(HEAP_PROBE_MS),
  });
  try {
    const { port, cookie, pid } = JSON.parse(running.ready) as {
      port: number;
      cookie: string;
      pid: number;
    };
    const file = join(work, `members-${rows}.csv`);
    const fileBytes = await writeMemberCsv(file, 0, rows);
    // Let the start-up garbage go, then reset the peak so it covers the import alone.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const base = `http://127.0.0.1:${port}`;
    const heapProbe = async (reset: boolean) => {
      const answer: unknown = await (
        await fetch(`${base}/__bench/heap${reset ? '?reset' : ''}`)
      ).json();
      return Number(Reflect.get(Object(answer), 'maxHeapUsed'));
    };
    await new Promise((resolve) => setTimeout(resolve, HEAP_PROBE_MS + 200));
    const heapBefore = await heapProbe(true);
    const rssBefore = procMemory(pid, 'VmRSS');
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    const started = performance.now();
    // As the console sends it: the file itself as the body, here streamed from disk.
    const query = new URLSearchParams({
      fileName: 'members.csv',
      mapping: JSON.stringify(MAPPING),
    });
    const response = await fetch(`${base}${MEMBER_IMPORT_UPLOAD_PATH}/commit?${query}`, {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/octet-stream',
        'x-unionhall-locale': 'en',
      },
      body: Readable.toWeb(createReadStream(file)),
      duplex: 'half',
    });
    const answer: unknown = await response.json();
    const seconds = (performance.now() - started) / 1000;
    const peakRss = procMemory(pid, 'VmHWM');
    const peakHeap = await heapProbe(false);
    if (!response.ok) throw new Error(`import failed: ${JSON.stringify(answer).slice(0, 300)}`);
    const imported = Number(Reflect.get(Object(answer), 'imported'));

    // The rows are really there: count them in the database, not in the answer.
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    const counted = await client.query<{ count: string }>(
      `SELECT count(*) FROM member WHERE email LIKE '%@bench.example.org'`,
    );
    await client.end();
    const inDatabase = Number(counted.rows[0]?.count ?? 0);
    if (inDatabase !== rows || imported !== rows) {
      throw new Error(`${rows} rows: answer says ${imported} imported, database has ${inDatabase}`);
    }
    return {
      rows,
      fileBytes,
      seconds,
      rowsPerSecond: rows / seconds,
      rssBefore,
      peakRss,
      heapBefore,
      peakHeap,
      imported,
    };
  } finally {
    await running.stop();
    await scratch.drop();
  }
}

const MiB = 1024 * 1024;
/** How often the server collects garbage and notes its heap during an import. */
const HEAP_PROBE_MS = 2000;

/**
 * Import: member rows from a CSV file into PostgreSQL through the product's import as the
 * console calls it, at growing file sizes, with rows per second and the server's peak RSS.
 * A streaming import keeps the peak flat as the file grows.
 */
export const importBench: Benchmark = {
  id: 'import',
  title: 'member import from CSV on PostgreSQL: rows/s and peak memory as the file grows',
  async run(ctx): Promise<BenchResult> {
    const sizes = process.env.BENCH_IMPORT_SIZES
      ? process.env.BENCH_IMPORT_SIZES.split(',').map(Number)
      : ctx.quick
        ? [5_000, 10_000, 20_000]
        : [25_000, 50_000, 100_000];
    const work = mkdtempSync(join(tmpdir(), 'unionhall-bench-import-'));
    const runs: ImportRun[] = [];
    try {
      for (const rows of sizes) {
        const run = await importOnce(ctx, rows, work);
        ctx.log(
          `${rows.toLocaleString('en')} rows (${(run.fileBytes / MiB).toFixed(1)} MiB): ` +
            `${run.seconds.toFixed(1)} s, ${Math.round(run.rowsPerSecond)} rows/s, ` +
            `RSS ${(run.rssBefore / MiB).toFixed(0)} → peak ${(run.peakRss / MiB).toFixed(0)} MiB, ` +
            `live heap ${(run.heapBefore / MiB).toFixed(0)} → peak ${(run.peakHeap / MiB).toFixed(0)} MiB`,
        );
        runs.push(run);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    const metrics: Record<string, number> = {};
    for (const run of runs) {
      const key = `${String(run.rows / 1000).replace('.', '_')}k`;
      metrics[`import_${key}_rows_per_s`] = run.rowsPerSecond;
      metrics[`import_${key}_peak_rss_mib`] = run.peakRss / MiB;
      metrics[`import_${key}_rss_growth_mib`] = (run.peakRss - run.rssBefore) / MiB;
      metrics[`import_${key}_peak_heap_mib`] = run.peakHeap / MiB;
      metrics[`import_${key}_heap_growth_mib`] = (run.peakHeap - run.heapBefore) / MiB;
    }
    const first = runs[0];
    const last = runs.at(-1);
    const ratios: Record<string, number> = {};
    if (first && last && first !== last) {
      // Flat memory: the peak's growth over the idle server, largest file against smallest.
      ratios.import_rss_growth_largest_vs_smallest =
        (last.peakRss - last.rssBefore) / Math.max(1, first.peakRss - first.rssBefore);
      ratios.import_peak_heap_largest_vs_smallest = last.peakHeap / first.peakHeap;
      ratios.import_rows_per_s_largest_vs_smallest = last.rowsPerSecond / first.rowsPerSecond;
    }
    return {
      metrics,
      ratios,
      targets: [
        // "Memory must stay flat as the file grows": the live heap, largest file to smallest.
        {
          name: 'import_peak_heap_largest_vs_smallest',
          op: '<=',
          value: 1.25,
          label: 'flat',
        },
      ],
      notes: [
        `each size on a fresh PostgreSQL database and a fresh server, the file streamed to ` +
          `${MEMBER_IMPORT_UPLOAD_PATH}/commit as the console sends it; peak RSS = VmHWM of the ` +
          `server process (reset before the upload), growth = peak − RSS just before the upload ` +
          `(RSS includes garbage V8 has not collected yet); live heap = heapUsed right after a ` +
          `forced collection every ${HEAP_PROBE_MS / 1000} s`,
      ],
    };
  },
};
