import { describe, expect, it } from 'vitest';
import { queryFromUrl, urlFromQuery } from '$features/clients/list-url';
import { DEFAULT_QUERY, type ClientQuery } from '$worker/client-list';

const tiers = ['vip', 'core', 'ordinary', 'potential'];

describe('the Clients view query in the URL', () => {
  it('round-trips every filter, the sort and the search', () => {
    const query: ClientQuery = {
      sort: 'clv12m',
      descending: true,
      tier: 0,
      abc: 1,
      segment: 2,
      lifecycle: 3,
      tag: 'design',
      churnOnly: true,
      overdueOnly: true,
      archived: true,
      search: '李 & co',
    };
    const search = urlFromQuery(query, tiers);
    expect(search).toContain('tier=vip');
    expect(search).toContain('abc=B');
    expect(search).toContain('overdue=1');
    expect(queryFromUrl(new URLSearchParams(search), tiers)).toEqual(query);
  });

  it('the default list has a bare URL, and unknown values fall back to the default', () => {
    expect(urlFromQuery(DEFAULT_QUERY, tiers)).toBe('');
    const params = new URLSearchParams('sort=shoe&tier=gold&abc=Z&stage=asleep&dir=up');
    expect(queryFromUrl(params, tiers)).toEqual(DEFAULT_QUERY);
  });
});
