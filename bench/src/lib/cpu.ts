// CPU time spent by a process, and by the PostgreSQL backends serving one database, read from
// /proc (Linux). On a machine shared with other work, latency moves with the neighbours' load;
// CPU time per request moves much less, so it shows where the work goes.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU seconds of a process so far, or null where /proc is not readable. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at ") ".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const user = Number(fields[11]);
    const system = Number(fields[12]);
    return Number.isFinite(user + system) ? (user + system) / clockTicks() : null;
  } catch {
    return null;
  }
}

/** CPU seconds so far of each backend connected to `database`, by pid. */
export async function backendCpu(adminUrl: string, database: string): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const result = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    const cpu = new Map<number, number>();
    for (const { pid } of result.rows) {
      const seconds = processCpuSeconds(pid);
      if (seconds !== null) cpu.set(pid, seconds);
    }
    return cpu;
  } finally {
    await client.end();
  }
}

/**
 * CPU seconds the backends spent between two snapshots. Backends that started meanwhile count
 * from zero; any that ended meanwhile are missed (pools keep theirs open during a run).
 */
export function backendCpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}
