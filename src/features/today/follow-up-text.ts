import type { FollowUp, FollowUpDue } from '$engine/index';
import type { I18n } from '$i18n/i18n.svelte';
import { fromEpochDay } from '$lib/dates';

type Words = Pick<I18n, 't' | 'date' | 'number' | 'money'>;

/** "Overdue 10 days" or "Due today", with the cycles missed when more than one. */
export function dueText(item: Pick<FollowUp, 'overdueDays' | 'missedCycles'>, i18n: Words): string {
  const due =
    item.overdueDays === 0
      ? i18n.t('today.due.today')
      : i18n.t('today.due.overdue', { count: i18n.number(item.overdueDays) });
  return item.missedCycles > 1
    ? i18n.t('today.due.missed', { due, count: i18n.number(item.missedCycles) })
    : due;
}

/** What the due day was counted from, and how often. */
export function baseText(item: FollowUpDue, i18n: Words): string {
  const days = i18n.number(item.cadenceDays);
  const every = item.ownCadence
    ? i18n.t('today.cadence.own', { days })
    : i18n.t('today.cadence.tier', { days });
  const date = i18n.date(fromEpochDay(item.baseDay));
  switch (item.base) {
    case 'never':
      return i18n.t('today.base.never', { every });
    case 'date':
      return i18n.t('today.base.date', { date: i18n.date(fromEpochDay(item.dueDay)) });
    case 'tierChange':
      return i18n.t('today.base.tierChange', { date, every });
    default:
      return i18n.t('today.base.touch', { date, every });
  }
}

/** Why it is where it is in the list: value × (1 + days overdue) × risk. */
export function priorityText(item: FollowUp, i18n: Words): string {
  return i18n.t('today.priority', {
    value: i18n.money(item.value),
    days: i18n.number(item.overdueDays),
    risk: i18n.number(item.risk, 2),
  });
}
