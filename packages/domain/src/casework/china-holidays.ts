import type { TCalendarDay } from './working-calendar';

type Range = [from: string, to: string, name: string];

function expand(year: number, holidays: Range[], workdays: [date: string, name: string][]) {
  const days: TCalendarDay[] = [];
  for (const [from, to, name] of holidays) {
    for (let day = new Date(`${year}-${from}T00:00:00Z`); ; day.setUTCDate(day.getUTCDate() + 1)) {
      const date = day.toISOString().slice(0, 10);
      days.push({ date, kind: 'holiday', name });
      if (date === `${year}-${to}`) break;
    }
  }
  for (const [date, name] of workdays) {
    days.push({ date: `${year}-${date}`, kind: 'workday', name: `${name}调休上班` });
  }
  return days;
}

/**
 * The State Council's holiday schedules (国务院办公厅关于部分节假日安排的通知) for 2025 and 2026,
 * loaded as the initial working-day calendar. Later years are added as data by an officer when
 * the notice is published (usually in November of the year before).
 */
export const CHINA_STATUTORY_CALENDAR: readonly TCalendarDay[] = [
  ...expand(
    2025,
    [
      ['01-01', '01-01', '元旦'],
      ['01-28', '02-04', '春节'],
      ['04-04', '04-06', '清明节'],
      ['05-01', '05-05', '劳动节'],
      ['05-31', '06-02', '端午节'],
      ['10-01', '10-08', '国庆节、中秋节'],
    ],
    [
      ['01-26', '春节'],
      ['02-08', '春节'],
      ['04-27', '劳动节'],
      ['09-28', '国庆节'],
      ['10-11', '国庆节'],
    ],
  ),
  ...expand(
    2026,
    [
      ['01-01', '01-03', '元旦'],
      ['02-15', '02-23', '春节'],
      ['04-04', '04-06', '清明节'],
      ['05-01', '05-05', '劳动节'],
      ['06-19', '06-21', '端午节'],
      ['09-25', '09-27', '中秋节'],
      ['10-01', '10-07', '国庆节'],
    ],
    [
      ['01-04', '元旦'],
      ['02-14', '春节'],
      ['02-28', '春节'],
      ['05-09', '劳动节'],
      ['09-20', '国庆节'],
      ['10-10', '国庆节'],
    ],
  ),
];
