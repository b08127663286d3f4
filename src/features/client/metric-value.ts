import type { MetricKey } from '$engine/index';
import type { I18n } from '$i18n/i18n.svelte';

const MONEY: ReadonlySet<MetricKey> = new Set<MetricKey>([
  'monetaryTotal',
  'averageOrderValue',
  'profit',
  'clv12m',
]);
const DAYS: ReadonlySet<MetricKey> = new Set<MetricKey>([
  'recencyDays',
  'tenureDays',
  'daysSinceContact',
  'meanDaysLate',
]);
const SHARES: ReadonlySet<MetricKey> = new Set<MetricKey>(['margin', 'onTimeShare']);

/** A measure's raw value in the user's words: money, days, a share, a rating… */
export function metricValue(
  metric: MetricKey,
  value: number,
  i18n: Pick<I18n, 't' | 'money' | 'number' | 'percent'>,
): string {
  if (Number.isNaN(value)) return i18n.t('client.noData');
  if (MONEY.has(metric)) return i18n.money(value);
  if (DAYS.has(metric)) return i18n.t('metric.days', { days: i18n.number(value) });
  if (SHARES.has(metric)) return i18n.percent(value);
  if (metric === 'spendTrend') return `${value > 0 ? '+' : ''}${i18n.percent(value)}`;
  if (metric === 'repurchaseRate') return i18n.t('metric.perYear', { rate: i18n.number(value, 1) });
  if (metric === 'satisfaction') return i18n.t('metric.outOf100', { score: i18n.number(value) });
  return i18n.number(value, 1);
}
