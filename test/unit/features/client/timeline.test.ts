import { describe, expect, it } from 'vitest';
import { timelineConfig } from '$features/client/timeline-chart';
import { evaluatedPoints, tierChanges } from '$features/client/timeline';
import type { TimelinePoint } from '$worker/history-service';

const vip = { id: 'vip', name: { en: 'VIP', 'zh-CN': 'VIP客户' }, colour: '#aa0000' };
const core = { id: 'core', name: { en: 'Core', 'zh-CN': '核心客户' }, colour: '#00aa00' };

/** A point of a timeline; `tier` null: not evaluated then. */
function point(
  id: string,
  tier: TimelinePoint['tier'],
  score: number | null,
  change: TimelinePoint['change'] = null,
): TimelinePoint {
  return {
    evaluationId: id,
    asOf: `2026-${id}-01`,
    takenAt: `2026-${id}-01T09:00:00.000Z`,
    tier,
    score,
    rank: tier ? 3 : null,
    clients: 60,
    change,
  };
}

// Core in January, VIP in February, not evaluated in March (archived), Core in April and May.
const points: TimelinePoint[] = [
  point('01', core, 61),
  point('02', vip, 78, { direction: 'up', reasons: [{ kind: 'revenue', percent: 40 }] }),
  point('03', null, null),
  point('04', core, 60),
  point('05', vip, 81, { direction: 'up', reasons: [{ kind: 'pinned' }] }),
];

describe('a client timeline', () => {
  it('keeps the points at which the client was evaluated', () => {
    expect(evaluatedPoints(points).map((p) => p.evaluationId)).toEqual(['01', '02', '04', '05']);
    expect(evaluatedPoints([point('01', null, null)])).toEqual([]);
  });

  it('lists each change newest first, from the tier just before it', () => {
    const changes = tierChanges(points);
    expect(changes.map((c) => [c.asOf, c.from.id, c.to.id, c.direction])).toEqual([
      ['2026-05-01', 'core', 'vip', 'up'],
      ['2026-02-01', 'core', 'vip', 'up'],
    ]);
    expect(changes[0]!.reasons).toEqual([{ kind: 'pinned' }]);
  });

  it('names no change after a gap (the worker compares neighbours only)', () => {
    expect(tierChanges([point('03', null, null), point('04', vip, 80, null)])).toEqual([]);
  });
});

describe('the timeline chart', () => {
  const colours = { text: '#000', muted: '#777', grid: '#ddd', surface: '#fff', font: 'sans' };
  const config = timelineConfig({ colours }, points, {
    date: (d) => d,
    tier: (t) => t.name.en,
    score: (x) => String(Math.floor(x)),
    scoreAxis: 'Score',
    notEvaluated: 'not evaluated',
  });

  it('draws a point per evaluation in its tier’s colour, with a gap where there was none', () => {
    expect(config.data.labels).toEqual(points.map((p) => p.asOf));
    const [line] = config.data.datasets;
    expect(line?.data).toEqual([61, 78, null, 60, 81]);
    expect(line?.pointBackgroundColor).toEqual([
      core.colour,
      vip.colour,
      colours.muted,
      core.colour,
      vip.colour,
    ]);
    expect(config.options?.scales).toMatchObject({ y: { min: 0, max: 100 } });
  });
});
