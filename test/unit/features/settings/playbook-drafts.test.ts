import { describe, expect, it } from 'vitest';
import { playbookDrafts, playbooksFromDrafts } from '$features/settings/playbook-drafts';
import { cadenceByTier, playbooksSchema } from '$schema/playbook';

const levels = [{ id: 'vip' }, { id: 'core' }, { id: 'ordinary' }, { id: 'low' }];
const defaults = (role: string) => ({ strategy: `${role} strategy`, actions: [`${role} 1`] });

describe('playbooks', () => {
  it("default to the method's cadences by the tier's place: 30, 60, 120 and 180 for the lowest", () => {
    expect(cadenceByTier(levels, undefined)).toEqual([30, 60, 120, 180]);
    expect(cadenceByTier([...levels.slice(0, 3), { id: 'x' }, { id: 'y' }], [])).toEqual([
      30, 60, 120, 120, 180,
    ]);
    expect(cadenceByTier(levels.slice(0, 2), undefined)).toEqual([30, 180]);
  });

  it('a saved playbook replaces the default of its tier only', () => {
    const saved = [{ tierId: 'core', strategy: 'Mine', cadenceDays: 20, actions: ['Call'] }];
    expect(cadenceByTier(levels, saved)).toEqual([30, 20, 120, 180]);
    const drafts = playbookDrafts(levels, saved, defaults);
    expect(drafts.map((d) => [d.tierId, d.strategy, d.cadenceDays, d.actions])).toEqual([
      ['vip', 'top strategy', '30', 'top 1'],
      ['core', 'Mine', '20', 'Call'],
      ['ordinary', 'middle strategy', '120', 'middle 1'],
      ['low', 'lowest strategy', '180', 'lowest 1'],
    ]);
  });

  it('drafts become playbooks the schema checks: actions one a line, cadence in whole days', () => {
    const drafts = playbookDrafts(levels, undefined, defaults);
    drafts[0]!.actions = ' Call \n\nVisit';
    const parsed = playbooksSchema.parse(playbooksFromDrafts(drafts, defaults));
    expect(parsed[0]?.actions).toEqual(['Call', 'Visit']);
    for (const bad of ['0', '30.5', 'monthly', '', '3651']) {
      drafts[1]!.cadenceDays = bad;
      const result = playbooksSchema.safeParse(playbooksFromDrafts(drafts, defaults));
      expect(result.error?.issues[0]?.path, bad).toEqual([1, 'cadenceDays']);
    }
  });

  it("keep no text left as the method's default, so it follows the user's language", () => {
    const drafts = playbookDrafts(levels, undefined, defaults);
    drafts[1]!.cadenceDays = '45';
    drafts[2]!.strategy = 'Mine';
    const saved = playbooksSchema.parse(playbooksFromDrafts(drafts, defaults));
    expect(saved[1]).toEqual({ tierId: 'core', cadenceDays: 45 });
    expect(saved[2]).toEqual({ tierId: 'ordinary', strategy: 'Mine', cadenceDays: 120 });

    // In another language the untouched texts are that language's defaults.
    const chinese = (role: string) => ({ strategy: `${role} 策略`, actions: [`${role} 一`] });
    const again = playbookDrafts(levels, saved, chinese);
    expect(again.map((d) => [d.strategy, d.actions])).toEqual([
      ['top 策略', 'top 一'],
      ['second 策略', 'second 一'],
      ['Mine', 'middle 一'],
      ['lowest 策略', 'lowest 一'],
    ]);
  });
});
