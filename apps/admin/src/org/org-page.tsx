import { useQuery } from '@tanstack/react-query';
import { buildOrgTree, type TOrgTreeNode } from '@unionhall/domain';
import { Alert, Button, currentLocale, readApiError } from '@unionhall/ui';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../auth/permissions';
import { useTRPC } from '../trpc';
import { CreateUnitDialog } from './create-unit-dialog';
import { MoveUnitDialog } from './move-unit-dialog';
import { indexTree } from './org-helpers';
import { OrgTree, type TOrgAction } from './org-tree';
import { RenameUnitDialog } from './rename-unit-dialog';
import './org.css';

/** Units this deep or shallower start expanded: the federation and its unions. */
const OPEN_DEPTH = 1;

/** The Organization page: the unit tree and the create / rename / move dialogs. */
export function OrgPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const list = useQuery(trpc.officer.org.list.queryOptions());
  const locale = currentLocale(i18n);
  const roots = useMemo(() => buildOrgTree(list.data ?? [], locale), [list.data, locale]);
  const byId = useMemo(() => indexTree(roots), [roots]);
  const { canAnywhere, canOn } = usePermissions();
  const canManage = useCallback(
    (node: TOrgTreeNode) => canOn('org.manage', node, byId),
    [canOn, byId],
  );

  // Only the user's own toggles are stored; everything else follows OPEN_DEPTH.
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const [dialog, setDialog] = useState<{ action: TOrgAction; unitId: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const isExpanded = useCallback(
    (node: TOrgTreeNode) => toggled[node.id] ?? node.depth <= OPEN_DEPTH,
    [toggled],
  );
  const onToggle = useCallback(
    (node: TOrgTreeNode) => setToggled((current) => ({ ...current, [node.id]: !isExpanded(node) })),
    [isExpanded],
  );
  const setAll = (open: boolean) =>
    setToggled(
      Object.fromEntries(
        [...byId.values()].filter((n) => n.children.length > 0).map((n) => [n.id, open]),
      ),
    );

  const onAction = useCallback((action: TOrgAction, node: TOrgTreeNode) => {
    setNotice(null);
    setDialog({ action, unitId: node.id });
  }, []);
  const closeDialog = () => setDialog(null);
  const done = (message: string) => {
    if (dialog?.action === 'create')
      setToggled((current) => ({ ...current, [dialog.unitId]: true }));
    setDialog(null);
    setNotice(message);
  };

  // The dialog always gets the latest copy of its unit, so a conflict refetch updates it.
  const dialogUnit = dialog ? byId.get(dialog.unitId) : undefined;
  const loadError = list.error ? readApiError(list.error, t('common:errors.network')) : null;

  return (
    <section className="page" aria-labelledby="org-title">
      <header className="page__header">
        <div>
          <h1 id="org-title">{t('org.title')}</h1>
          <p className="page__intro">{t('org.intro')}</p>
        </div>
        {byId.size > 0 ? (
          <div className="page__tools">
            <span className="page__count">{t('org.count', { count: byId.size })}</span>
            <Button size="sm" variant="ghost" onClick={() => setAll(true)}>
              {t('common:actions.expandAll')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setAll(false)}>
              {t('common:actions.collapseAll')}
            </Button>
          </div>
        ) : null}
      </header>

      {notice ? (
        <Alert
          tone="success"
          action={
            <Button size="sm" variant="ghost" onClick={() => setNotice(null)}>
              {t('org.dismiss')}
            </Button>
          }
        >
          {notice}
        </Alert>
      ) : null}

      {loadError ? (
        <Alert
          tone="error"
          title={t('org.loadError')}
          action={
            <Button size="sm" onClick={() => void list.refetch()}>
              {t('common:actions.retry')}
            </Button>
          }
        >
          {loadError.message}
        </Alert>
      ) : null}

      {list.isPending ? (
        <p role="status" className="page__status">
          {t('common:status.loading')}
        </p>
      ) : null}

      {list.isSuccess && roots.length === 0 ? (
        <p className="page__status">{t('org.empty')}</p>
      ) : null}

      {roots.length > 0 ? (
        <OrgTree
          roots={roots}
          isExpanded={isExpanded}
          onToggle={onToggle}
          onAction={onAction}
          canMoveRoots={roots.filter((root) => root.kind === 'FEDERATION').length > 1}
          canManage={canManage}
          canReadAudit={canAnywhere('audit.read')}
        />
      ) : null}

      {dialog && dialogUnit && dialog.action === 'create' ? (
        <CreateUnitDialog parent={dialogUnit} onClose={closeDialog} onDone={done} />
      ) : null}
      {dialog && dialogUnit && dialog.action === 'rename' ? (
        <RenameUnitDialog unit={dialogUnit} onClose={closeDialog} onDone={done} />
      ) : null}
      {dialog && dialogUnit && dialog.action === 'move' ? (
        <MoveUnitDialog
          unit={dialogUnit}
          roots={roots}
          currentParent={dialogUnit.parentId ? byId.get(dialogUnit.parentId) : undefined}
          onClose={closeDialog}
          onDone={done}
        />
      ) : null}
    </section>
  );
}
