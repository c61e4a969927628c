import { ANONYMOUS, type Actor } from '../context';
import type { Auth } from './auth';

/** Who the request's session cookie belongs to; anonymous without a valid session. */
export async function resolveActor(auth: Auth, headers: Headers): Promise<Actor> {
  const session = await auth.api.getSession({ headers });
  if (!session || session.user.disabledAt) return ANONYMOUS;
  return { type: session.user.kind === 'OFFICER' ? 'OFFICER' : 'MEMBER', id: session.user.id };
}
