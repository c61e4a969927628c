import type { TOrgTreeNode } from '@unionhall/domain';
import { useTranslation } from 'react-i18next';

interface Props {
  nodes: readonly TOrgTreeNode[];
  /** Open every level (while searching); otherwise only the first level starts open. */
  openAll: boolean;
  highlight: string;
  depth?: number;
}

/** The units as nested lists; units with sub-units fold with a native <details>. */
export function UnitList({ nodes, openAll, highlight, depth = 0 }: Props) {
  return (
    <ul className={depth === 0 ? 'units' : 'units units--nested'}>
      {nodes.map((node) => (
        <UnitItem key={node.id} node={node} openAll={openAll} highlight={highlight} depth={depth} />
      ))}
    </ul>
  );
}

function UnitItem({
  node,
  openAll,
  highlight,
  depth,
}: Omit<Props, 'nodes'> & { node: TOrgTreeNode; depth: number }) {
  const { t } = useTranslation();
  const summary = (
    <span className="unit__line">
      <span className="unit__name">
        <Highlighted text={node.name} query={highlight} />
      </span>
      <span className="uh-badge">{t(`common:unitKind.${node.kind}`)}</span>
    </span>
  );
  if (node.children.length === 0) {
    return (
      <li className="unit">
        <div className="unit__row">{summary}</div>
      </li>
    );
  }
  return (
    <li className="unit">
      <details className="unit__details" open={openAll || depth === 0}>
        <summary className="unit__row unit__row--summary">
          {summary}
          <span className="unit__count">{t('home.subunits', { count: node.children.length })}</span>
        </summary>
        <UnitList nodes={node.children} openAll={openAll} highlight={highlight} depth={depth + 1} />
      </details>
    </li>
  );
}

function Highlighted({ text, query }: { text: string; query: string }) {
  const needle = query.trim().toLocaleLowerCase();
  const at = needle ? text.toLocaleLowerCase().indexOf(needle) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + needle.length)}</mark>
      {text.slice(at + needle.length)}
    </>
  );
}
