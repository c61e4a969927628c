import type { PrismaClient } from '@unionhall/db';
import type { TRole } from '@unionhall/domain';
import type { Auth } from './auth';
import { createMember, createOfficer, grantRole } from './identities';

/** Printed at start so anyone trying the demo can sign in. Demo installations only. */
export const DEMO_OFFICER_PASSWORD = 'Unionhall-demo-2026';

export const DEMO_OFFICERS: { email: string; name: string; role: TRole; unitCode: string }[] = [
  { email: 'admin@binjiang.demo', name: '王敏', role: 'FEDERATION_ADMIN', unitCode: 'BJ-FTU' },
  { email: 'chair.edu@binjiang.demo', name: '李华', role: 'UNIT_CHAIR', unitCode: 'BJ-EDU' },
  { email: 'auditor@binjiang.demo', name: '陈静', role: 'AUDITOR', unitCode: 'BJ-FTU' },
];

/** The phone number is a test number (中国移动's documentation example); codes go to the dev outbox. */
export const DEMO_MEMBERS = [
  { email: 'member@binjiang.demo', name: '张伟', phoneNumber: '+8613800138000' },
];

const MARKER = 'demo_identities_loaded_at';

/** Creates the demo officers and members once, after the demo org tree exists. */
export async function seedDemoIdentities(
  auth: Auth,
  prisma: PrismaClient,
): Promise<{ seeded: boolean }> {
  if (await prisma.appMeta.findUnique({ where: { key: MARKER } })) {
    // Installations seeded before members had phone numbers get the demo number once.
    for (const member of DEMO_MEMBERS) {
      const taken = await prisma.authUser.findUnique({
        where: { phoneNumber: member.phoneNumber },
      });
      if (taken) continue;
      await prisma.authUser.updateMany({
        where: { email: member.email, phoneNumber: null },
        data: { phoneNumber: member.phoneNumber, phoneNumberVerified: true },
      });
    }
    return { seeded: false };
  }
  for (const officer of DEMO_OFFICERS) {
    const unit = await prisma.orgUnit.findUnique({ where: { code: officer.unitCode } });
    if (!unit) continue;
    const user = await createOfficer(auth, { ...officer, password: DEMO_OFFICER_PASSWORD });
    await grantRole(prisma, { userId: user.id, orgUnitId: unit.id, role: officer.role });
  }
  for (const member of DEMO_MEMBERS) await createMember(auth, member);
  await prisma.appMeta.create({ data: { key: MARKER, value: new Date().toISOString() } });
  return { seeded: true };
}
