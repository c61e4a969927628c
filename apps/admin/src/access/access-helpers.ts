import { buildOrgTree, type TOrgTreeNode, type TOrgUnit } from '@unionhall/domain';

/** A unit as a select option: indented under its parent so the tree shows in a flat list. */
export interface UnitOption {
  value: string;
  label: string;
}

/**
 * The units in tree order (parents before children, siblings sorted as on the Organization
 * page), each label indented by its depth below the shallowest unit listed.
 */
export function unitOptions(
  units: readonly TOrgUnit[],
  locale: string,
  include: (unit: TOrgUnit) => boolean = () => true,
): UnitOption[] {
  const options: UnitOption[] = [];
  const visit = (nodes: readonly TOrgTreeNode[], level: number) => {
    for (const node of nodes) {
      if (include(node)) {
        // Non-breaking spaces, because browsers collapse ordinary leading spaces in options.
        options.push({
          value: node.id,
          label: `${'\u00a0\u00a0'.repeat(level)}${node.name} (${node.code})`,
        });
      }
      visit(node.children, level + 1);
    }
  };
  visit(buildOrgTree(units, locale), 0);
  return options;
}

/** Whether the signed-in officer is this one; the session names them by email. */
export function isSelf(officerEmail: string, myEmail: string | undefined): boolean {
  return myEmail !== undefined && officerEmail.toLowerCase() === myEmail.toLowerCase();
}
