// `pnpm audit:verify`: recomputes the audit log's hash chain and says whether it is intact.
// Uses DATABASE_URL when set, else the embedded database in DATA_DIR (default .data).
import { join } from 'node:path';
import { defaultDataDir, openDatabase, verifyAuditChain } from '../src/index';

const url = process.env.DATABASE_URL;
const dataDir = process.env.DATA_DIR ? join(process.env.DATA_DIR, 'pglite') : defaultDataDir();
const db = url ? await openDatabase({ url }) : await openDatabase({ dataDir });
try {
  const report = await verifyAuditChain(db.prisma);
  if (report.ok) {
    console.log(`Audit chain intact: ${report.checked} events verified.`);
  } else {
    console.error(
      `Audit chain BROKEN at event ${report.brokenAt} (${report.reason}); ${report.checked} events before it verified.`,
    );
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
