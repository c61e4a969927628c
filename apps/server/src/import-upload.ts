import { TRPCError } from '@trpc/server';
import {
  appRouter,
  createCallerFactory,
  httpErrorResponse,
  ImportUpload,
  type Context,
} from '@unionhall/api';
import { MAX_IMPORT_UPLOAD_BYTES, ZImportMapping } from '@unionhall/domain';
import type { Context as HonoContext } from 'hono';
import { z } from 'zod';

const createCaller = createCallerFactory(appRouter);

/** The query string's `mapping` (JSON): optional for a preview, required for a commit. */
const ZPreviewQuery = z.object({ mapping: ZImportMapping.optional() });
const ZCommitQuery = z.object({ mapping: ZImportMapping });

function jsonParam(raw: string | undefined): unknown {
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    // Not JSON: the schema refuses the text as it stands.
    return raw;
  }
}

function errorResponse(error: unknown, ctx: Context): Response {
  const { status, body } = httpErrorResponse(error, ctx.locale);
  return Response.json(body, { status });
}

/**
 * POST …/preview and …/commit with the file as the request body: the console's way to import a
 * file of any size, read as it arrives rather than as base64 inside JSON. The request runs the
 * very procedures `officer.memberImport.preview` and `.commit` (a server-side caller with the
 * request's actor), so it passes the same policy — 401 without a session or token, 403
 * without `member.manage`, a DENIED audit row for each refusal — and the same input checks,
 * scope and errors; the procedure reads the body only once its policy has passed.
 */
export function memberImportUpload(createContext: (c: HonoContext) => Promise<Context>) {
  return async (c: HonoContext): Promise<Response> => {
    const ctx = await createContext(c);
    const caller = createCaller(ctx);
    const upload = new ImportUpload(c.req.raw.body, MAX_IMPORT_UPLOAD_BYTES);
    const fileName = c.req.query('fileName') ?? '';
    const mapping = jsonParam(c.req.query('mapping'));
    try {
      if (c.req.param('step') === 'commit') {
        const query = ZCommitQuery.safeParse({ mapping });
        if (!query.success) throw new TRPCError({ code: 'BAD_REQUEST', cause: query.error });
        return Response.json(
          await caller.officer.memberImport.commit({ upload, fileName, ...query.data }),
        );
      }
      const query = ZPreviewQuery.safeParse({ mapping });
      if (!query.success) throw new TRPCError({ code: 'BAD_REQUEST', cause: query.error });
      return Response.json(
        await caller.officer.memberImport.preview({
          upload,
          fileName,
          ...(query.data.mapping ? { mapping: query.data.mapping } : {}),
        }),
      );
    } catch (error) {
      return errorResponse(error, ctx);
    }
  };
}
