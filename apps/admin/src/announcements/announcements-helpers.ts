import type { TAnnouncementState, TAnnouncementSummary } from '@unionhall/domain';

export const STATE_TONE: Record<TAnnouncementState, string> = {
  DRAFT: 'uh-badge--neutral',
  SCHEDULED: 'uh-badge--warning',
  PUBLISHED: 'uh-badge--success',
  WITHDRAWN: 'uh-badge--danger',
};

/** The value a `datetime-local` input shows for a moment, in the browser's time zone. */
export function toDateTimeLocal(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** The moment a `datetime-local` value names (in the browser's time zone), or null. */
export function fromDateTimeLocal(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number);
  if ([year, month, day, hour, minute].some((part) => part === undefined)) return null;
  const date = new Date(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Who an announcement goes to, as the console words it. */
export function audienceOf(
  announcement: Pick<TAnnouncementSummary, 'audience' | 'orgUnitName' | 'segmentName'>,
): {
  key: 'audienceUnit' | 'audienceSegment' | 'audienceSegmentGone';
  unit: string;
  segment: string;
} {
  if (announcement.audience === 'UNIT') {
    return { key: 'audienceUnit', unit: announcement.orgUnitName, segment: '' };
  }
  return announcement.segmentName === null
    ? { key: 'audienceSegmentGone', unit: announcement.orgUnitName, segment: '' }
    : {
        key: 'audienceSegment',
        unit: announcement.orgUnitName,
        segment: announcement.segmentName,
      };
}

/** A file's size in whole kilobytes, at least 1. */
export function sizeInKb(bytes: number): number {
  return Math.max(1, Math.round(bytes / 1024));
}
