/**
 * Calendar dates as the app stores them: ISO `YYYY-MM-DD` strings with no time zone (an
 * invoice dated 5 March is dated 5 March wherever it is opened). Arithmetic goes through
 * epoch days (whole days since 1970-01-01, UTC), so no daylight-saving hour ever shifts
 * a date.
 */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is `YYYY-MM-DD` and names a real calendar day (no 31 February). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.toISOString().slice(0, 10) === text;
}

/** Whole days since 1970-01-01 for an ISO date. Assumes a valid date (see `isIsoDate`). */
export function toEpochDay(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
}

export function fromEpochDay(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** `later - earlier` in whole days (negative when `later` is before `earlier`). */
export function daysBetween(earlier: IsoDate, later: IsoDate): number {
  return toEpochDay(later) - toEpochDay(earlier);
}

/** An ISO timestamp at noon UTC of a calendar day: used for records made on a known day. */
export function noonTimestamp(date: IsoDate): string {
  return `${date}T12:00:00.000Z`;
}

/** The calendar day a moment falls on in the local time zone (what a user means by "today"). */
export function localDate(moment: Date): IsoDate {
  return fromEpochDay(
    Math.floor((moment.getTime() - moment.getTimezoneOffset() * 60_000) / MS_PER_DAY),
  );
}
