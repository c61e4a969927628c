import type { TOrgTreeNode } from '@unionhall/domain';
import { Button } from '@unionhall/ui';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { allowedChildKinds } from './org-helpers';

export type TOrgAction = 'create' | 'rename' | 'move';

interface TreeProps {
  roots: readonly TOrgTreeNode[];
  isExpanded: (node: TOrgTreeNode) => boolean;
  onToggle: (node: TOrgTreeNode) => void;
  onAction: (action: TOrgAction, node: TOrgTreeNode) => void;
  /** Roots can only move under another root federation, so Move shows only when there is one. */
  canMoveRoots: boolean;
  /** Whether the officer's roles let them change this unit (org.manage over it). */
  canManage: (node: TOrgTreeNode) => boolean;
  /** Whether the officer may read the audit log, so the History links lead somewhere. */
  canReadAudit: boolean;
}

/**
 * The unit tree as nested lists. Each unit's row is a group named by its heading (the unit's
 * name), so it can be found by name and its buttons ("Rename", ...) within it.
 */
export function OrgTree({ roots, ...rest }: TreeProps) {
  const { t } = useTranslation();
  return (
    <ul className="tree" aria-label={t('org.treeLabel')}>
      {roots.map((node) => (
        <OrgTreeItem key={node.id} node={node} depth={0} {...rest} />
      ))}
    </ul>
  );
}

const HEADINGS = ['h2', 'h3', 'h4', 'h5', 'h6'] as const;

function OrgTreeItem({
  node,
  depth,
  ...rest
}: Omit<TreeProps, 'roots'> & { node: TOrgTreeNode; depth: number }) {
  const { t } = useTranslation();
  const headingId = useId();
  const childrenId = useId();
  const { isExpanded, onToggle, onAction, canMoveRoots, canManage, canReadAudit } = rest;
  const hasChildren = node.children.length > 0;
  const expanded = hasChildren && isExpanded(node);
  const Heading = HEADINGS[Math.min(depth, HEADINGS.length - 1)] ?? 'h6';
  const manage = canManage(node);
  const canAdd = manage && allowedChildKinds(node.kind).length > 0;
  const canMove = manage && (node.parentId !== null || canMoveRoots);

  return (
    <li className="tree__item">
      <div className="tree__row" role="group" aria-labelledby={headingId}>
        {hasChildren ? (
          <button
            type="button"
            className="tree__toggle"
            aria-expanded={expanded}
            aria-controls={expanded ? childrenId : undefined}
            aria-label={t('org.toggle', { name: node.name })}
            onClick={() => onToggle(node)}
          >
            <span aria-hidden="true" className="tree__chevron" />
          </button>
        ) : (
          <span className="tree__toggle tree__toggle--leaf" aria-hidden="true" />
        )}
        <div className="tree__info">
          <Heading id={headingId} className="tree__name">
            {node.name}
          </Heading>
          <p className="tree__meta">
            <span className="uh-badge">{t(`common:unitKind.${node.kind}`)}</span>{' '}
            <span className="uh-code">
              <span className="uh-visually-hidden">{t('org.code')} </span>
              {node.code}
            </span>
            {hasChildren ? (
              <span className="tree__count">
                {' '}
                · {t('org.childCount', { count: node.children.length })}
              </span>
            ) : null}
          </p>
        </div>
        <div className="tree__actions">
          {canAdd ? (
            <Button size="sm" aria-describedby={headingId} onClick={() => onAction('create', node)}>
              {t('org.add')}
            </Button>
          ) : null}
          {manage ? (
            <Button size="sm" aria-describedby={headingId} onClick={() => onAction('rename', node)}>
              {t('org.rename')}
            </Button>
          ) : null}
          {canMove ? (
            <Button size="sm" aria-describedby={headingId} onClick={() => onAction('move', node)}>
              {t('org.move')}
            </Button>
          ) : null}
          {canReadAudit ? (
            <Link
              className="uh-button uh-button--sm uh-button--ghost tree__history"
              to={{
                pathname: '/audit',
                search: `?${new URLSearchParams({ targetId: node.id }).toString()}`,
              }}
              aria-describedby={headingId}
            >
              {t('org.history')}
            </Link>
          ) : null}
        </div>
      </div>
      {expanded ? (
        <ul id={childrenId} className="tree__children">
          {node.children.map((child) => (
            <OrgTreeItem key={child.id} node={child} depth={depth + 1} {...rest} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
