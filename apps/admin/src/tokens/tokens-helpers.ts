/** Coarsest unit first: the first that fits the distance names it. */
const STEPS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 60 * 60],
  ['month', 30 * 24 * 60 * 60],
  ['week', 7 * 24 * 60 * 60],
  ['day', 24 * 60 * 60],
  ['hour', 60 * 60],
  ['minute', 60],
];

/**
 * "3 minutes ago", "in 2 months", "刚刚"-style wording for a moment relative to `now`, in
 * the given language. Under a minute reads as "now".
 */
export function relativeTime(date: Date, now: Date, locale: string): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** The expiry choices the create dialog offers, in days; null: until revoked. */
export const EXPIRY_CHOICES = [30, 90, 365, null] as const;
export type TExpiryChoice = (typeof EXPIRY_CHOICES)[number];

export function expiryValue(choice: TExpiryChoice): string {
  return choice === null ? 'never' : String(choice);
}

export function parseExpiry(value: string): TExpiryChoice {
  return EXPIRY_CHOICES.find((choice) => expiryValue(choice) === value) ?? null;
}
