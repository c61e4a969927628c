import {
  ZImportCommitInput,
  ZImportFileInput,
  ZImportPreview,
  ZImportResult,
  ZMemberExport,
  ZMemberExportInput,
} from '@unionhall/domain';
import { serviceDeps } from '../../audit';
import type { Context } from '../../context';
import type { Scope } from '../../access';
import { officerProcedure, router } from '../../trpc';
import { commitImport, exportMembers, previewImport } from './import.service';

function importDeps(ctx: Context & { scope: Scope }) {
  return {
    ...serviceDeps(ctx),
    cipher: ctx.cipher,
    scope: ctx.scope,
    actor: ctx.actor,
    locale: ctx.locale,
  };
}

/**
 * Member import from CSV or XLSX: a dry run, then the commit. Officers upload from the
 * console; an integrator's token with `member.manage` (an employer's HR system posting
 * joiners) calls the same procedures through @unionhall/client.
 */
export const officerMemberImportRouter = router({
  preview: officerProcedure('member.manage')
    .input(ZImportFileInput)
    .output(ZImportPreview)
    .mutation(({ ctx, input }) => previewImport(importDeps(ctx), input)),
  commit: officerProcedure('member.manage')
    .input(ZImportCommitInput)
    .output(ZImportResult)
    .mutation(({ ctx, input }) => commitImport(importDeps(ctx), input)),
});

/** The filtered member list as a file. A mutation because each export is audited. */
export const officerMemberExportRouter = router({
  csv: officerProcedure('member.manage')
    .input(ZMemberExportInput)
    .output(ZMemberExport)
    .mutation(({ ctx, input }) => exportMembers(importDeps(ctx), input)),
});
