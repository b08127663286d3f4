import type { Playbook } from '$schema/playbook';
import { DEFAULT_CADENCE_DAYS, playbookRole, type PlaybookRole } from '$schema/playbook-cadence';

/** A tier's playbook as its form holds it: text in every field. */
export interface PlaybookDraft {
  tierId: string;
  strategy: string;
  cadenceDays: string;
  /** One action a line. */
  actions: string;
}

/** The method's default strategy and actions for a tier's place, in the user's language. */
export type DefaultPlaybookText = (role: PlaybookRole) => { strategy: string; actions: string[] };

/** The method's defaults in the language of `t`, from the dictionaries. */
export function defaultPlaybookText(
  t: (key: `playbooks.default.${PlaybookRole}.${'strategy' | 'actions'}`) => string,
): DefaultPlaybookText {
  return (role) => ({
    strategy: t(`playbooks.default.${role}.strategy`),
    actions: t(`playbooks.default.${role}.actions`).split('\n'),
  });
}

/**
 * A draft per tier level: its saved playbook, else the method's default for its place; a
 * strategy or actions the playbook does not hold are the defaults, in the user's language.
 */
export function playbookDrafts(
  levels: readonly { id: string }[],
  saved: readonly Playbook[] | undefined,
  defaults: DefaultPlaybookText,
): PlaybookDraft[] {
  return levels.map((level, i) => {
    const book = saved?.find((b) => b.tierId === level.id);
    const role = playbookRole(i, levels.length);
    const text = defaults(role);
    return {
      tierId: level.id,
      strategy: book?.strategy ?? text.strategy,
      cadenceDays: String(book?.cadenceDays ?? DEFAULT_CADENCE_DAYS[role]),
      actions: (book?.actions ?? text.actions).join('\n'),
    };
  });
}

/** A draft's actions: one a non-empty line, trimmed. */
const actionLines = (actions: string): string[] =>
  actions
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * The drafts as playbook input for the schema: the cadence as a number (NaN when it is
 * not written as one, which the schema refuses), the actions one a non-empty line. A
 * strategy or actions left as the method's defaults are not kept, so that they go on
 * following the user's language instead of staying in the one they were saved in.
 */
export function playbooksFromDrafts(
  drafts: readonly PlaybookDraft[],
  defaults: DefaultPlaybookText,
): unknown[] {
  return drafts.map((draft, i) => {
    const text = defaults(playbookRole(i, drafts.length));
    const actions = actionLines(draft.actions);
    const sameActions = actions.join('\n') === actionLines(text.actions.join('\n')).join('\n');
    return {
      tierId: draft.tierId,
      strategy: draft.strategy.trim() === text.strategy.trim() ? undefined : draft.strategy,
      cadenceDays: /^\s*\d+\s*$/.test(draft.cadenceDays) ? Number(draft.cadenceDays) : NaN,
      actions: sameActions ? undefined : actions,
    };
  });
}
