import { useMutation } from '@tanstack/react-query';
import type { TMemberListInput } from '@unionhall/domain';
import { Button, readApiError } from '@unionhall/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../auth/permissions';
import { useTRPC } from '../trpc';
import { downloadBase64 } from './download';

/**
 * The Members page's Import link and Export button, for officers holding member.manage.
 * Export takes the list's current filters; the server keeps it inside the officer's units.
 */
export function MembersTransfer({ filters }: { filters: Omit<TMemberListInput, 'cursor'> }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { canAnywhere } = usePermissions();
  const exportMutation = useMutation(
    trpc.officer.memberExport.csv.mutationOptions({
      onSuccess: (data) => downloadBase64(data.file, data.fileName, 'text/csv;charset=utf-8'),
    }),
  );
  if (!canAnywhere('member.manage')) return null;
  // The file is the list's members, not a page of them in the list's order.
  const { limit: _limit, order: _order, ...exportFilters } = filters;
  const error = exportMutation.error
    ? readApiError(exportMutation.error, t('common:errors.network'))
    : null;
  return (
    <div className="members-transfer">
      <div className="members-transfer__buttons">
        <Link className="uh-button uh-button--secondary" to="/members/import">
          {t('memberImport.importButton')}
        </Link>
        <Button
          aria-disabled={exportMutation.isPending}
          onClick={() => {
            if (!exportMutation.isPending) exportMutation.mutate(exportFilters);
          }}
        >
          {exportMutation.isPending ? t('memberImport.exporting') : t('memberImport.exportButton')}
        </Button>
      </div>
      <p role="status" className="page__status">
        {exportMutation.data
          ? exportMutation.data.truncated
            ? t('memberImport.exportTruncated', { count: exportMutation.data.count })
            : t('memberImport.exported', { count: exportMutation.data.count })
          : null}
        {error ? `${t('memberImport.exportError')}: ${error.message}` : null}
      </p>
    </div>
  );
}
