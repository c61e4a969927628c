import type { TMemberSegmentsCatalog } from './member-segments.zh-CN';

/** The member list's tag filter and saved segments (`memberSegments` of `admin`), English. */
export const memberSegmentsEn = {
  tag: 'Tag',
  allTags: 'All tags',
  tagOption: '{{tag}} ({{count}})',
  label: 'Member segments',
  picker: 'Saved segments',
  choose: 'Choose a segment',
  none: 'No saved segments yet',
  apply: 'Show segment',
  delete: 'Delete segment',
  save: 'Save this search as a segment',
  saveTitle: 'Save as a segment',
  saveIntro:
    'A segment keeps the current filters so you can come back to them; announcements will be able to target it later.',
  name: 'Segment name',
  nameRequired: 'Enter a name for the segment.',
  unit: 'Belongs to',
  unitHint: 'Officers who can see this unit’s members can see the segment.',
  saved: 'Saved the segment “{{name}}”.',
  saveSubmit: 'Save segment',
  rename: 'Rename segment',
  renameTitle: 'Rename segment',
  renameIntro: 'Segment names are unique within a unit.',
  renameSubmit: 'Save name',
  renamed: 'Renamed the segment to “{{name}}”.',
  deleteTitle: 'Delete segment',
  deleteBody: 'Delete the segment “{{name}}”? Member records are not affected.',
  deleted: 'Deleted the segment “{{name}}”.',
  deleteConflict: 'Someone changed this segment meanwhile. Reload and try again.',
  applied: 'Showing the segment “{{name}}”.',
} satisfies TMemberSegmentsCatalog;
