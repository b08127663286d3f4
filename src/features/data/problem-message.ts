import type { ImportProblem } from '$worker/backup-service';
import type { MessageKey } from '$i18n/en';
import type { I18n } from '$i18n/i18n.svelte';

const TABLE_LABELS: Record<string, MessageKey> = {
  clients: 'data.table.clients',
  transactions: 'data.table.transactions',
  interactions: 'data.table.interactions',
  feedback: 'data.table.feedback',
  complaints: 'data.table.complaints',
  settings: 'backup.table.settings',
  models: 'backup.table.models',
  evaluations: 'backup.table.evaluations',
};

/** A refused import in the user's words: `problem.<code>` with table names translated. */
export function problemMessage(i18n: I18n, problem: ImportProblem): string {
  const params = { ...problem.params };
  const table = params['table'];
  if (typeof table === 'string' && TABLE_LABELS[table]) {
    params['table'] = i18n.t(TABLE_LABELS[table]);
  }
  return i18n.t(`problem.${problem.code}`, params);
}

export function tableLabel(i18n: I18n, table: string): string {
  const key = TABLE_LABELS[table];
  return key ? i18n.t(key) : table;
}
