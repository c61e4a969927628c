import type { Prisma, PrismaClient } from '@unionhall/db';
import { UnionhallError, type TMemberDuplicates, type TDuplicateReason } from '@unionhall/domain';
import { assertInScope, type Scope } from '../../access';
import { MEMBER_SUMMARY_SELECT, toSummary } from './membership.service';

/** More candidates than this is a shared office phone, not a duplicate: the rest are counted. */
const MAX_CANDIDATES = 50;

/**
 * Records that may be the same person as member `id`: the same ID document (by its keyed
 * hash), phone, email, or name and birth date. Merged records are history, not candidates.
 * The caller sees the candidates inside their scope; those outside are only counted, so an
 * officer knows to ask the other union without learning who the person is there.
 */
export async function findDuplicates(
  prisma: PrismaClient,
  scope: Scope,
  id: string,
): Promise<TMemberDuplicates> {
  const member = await prisma.member.findUnique({
    where: { id },
    select: {
      id: true,
      orgUnitPath: true,
      idHash: true,
      phone: true,
      email: true,
      name: true,
      birthDate: true,
    },
  });
  if (!member) throw new UnionhallError('NOT_FOUND', `member ${id} not found`);
  assertInScope(scope, member.orgUnitPath, `member ${id}`);

  const matches: Prisma.MemberWhereInput[] = [];
  if (member.idHash) matches.push({ idHash: member.idHash });
  if (member.phone) matches.push({ phone: member.phone });
  if (member.email) matches.push({ email: member.email });
  if (member.birthDate) matches.push({ name: member.name, birthDate: member.birthDate });
  if (matches.length === 0) return { candidates: [], outsideScope: 0 };

  const alike: Prisma.MemberWhereInput = {
    id: { not: member.id },
    status: { not: 'MERGED' },
    OR: matches,
  };
  const inScope: Prisma.MemberWhereInput = {
    OR: scope.roots.map((root) => ({ orgUnitPath: { startsWith: root } })),
  };
  const [rows, outsideScope] = await Promise.all([
    prisma.member.findMany({
      where: { AND: [alike, inScope] },
      select: {
        ...MEMBER_SUMMARY_SELECT,
        idHash: true,
        email: true,
        birthDate: true,
      },
      orderBy: [{ appliedAt: 'asc' }, { id: 'asc' }],
      take: MAX_CANDIDATES,
    }),
    prisma.member.count({ where: { AND: [alike, { NOT: inScope }] } }),
  ]);

  const sameDay = (a: Date | null, b: Date | null) =>
    a !== null && b !== null && a.getTime() === b.getTime();
  return {
    candidates: rows.map(({ idHash, email, birthDate, ...summary }) => {
      const reasons: TDuplicateReason[] = [];
      if (member.idHash && idHash === member.idHash) reasons.push('ID');
      if (member.phone && summary.phone === member.phone) reasons.push('PHONE');
      if (member.email && email === member.email) reasons.push('EMAIL');
      if (summary.name === member.name && sameDay(birthDate, member.birthDate)) {
        reasons.push('NAME_BIRTH_DATE');
      }
      return { member: toSummary(summary), reasons };
    }),
    outsideScope,
  };
}
