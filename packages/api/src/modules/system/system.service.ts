import type { PrismaClient } from '@unionhall/db';
import type { TJobsOverview } from '@unionhall/domain';
import type { Scope } from '../../access';
import type { AuditWriter } from '../../audit';
import { UnionhallError } from '../../errors';
import type { JobRunner } from '../../jobs/runner';

/**
 * Background work belongs to the whole installation, not to a unit: only a grant at the
 * root of the tree sees it. Anyone else is told there is nothing here.
 */
export async function assertCoversRoot(prisma: PrismaClient, scope: Scope): Promise<void> {
  const roots = await prisma.orgUnit.findMany({
    where: { parentId: null },
    select: { path: true },
  });
  if (roots.length === 0 || !roots.every((root) => scope.covers(root.path))) {
    throw new UnionhallError('NOT_FOUND', 'background work is managed at the root only');
  }
}

export async function jobsOverview(jobs: JobRunner): Promise<TJobsOverview> {
  const [counts, failed] = await Promise.all([jobs.counts(), jobs.listFailed(100)]);
  return { mode: jobs.mode, counts, failed };
}

export async function retryJob(
  jobs: JobRunner,
  deps: { prisma: PrismaClient; audit: AuditWriter },
  id: string,
): Promise<{ retried: true }> {
  if (!(await jobs.retry(id))) throw new UnionhallError('NOT_FOUND', `failed job ${id} not found`);
  await deps.prisma.$transaction((tx) =>
    deps.audit(tx, {
      action: 'system.job.retry',
      targetType: 'job',
      targetId: id,
      outcome: 'SUCCESS',
    }),
  );
  return { retried: true };
}
