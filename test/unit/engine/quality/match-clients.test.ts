import { describe, expect, it } from 'vitest';
import { ClientMatcher } from '$engine/index';

const stored = new ClientMatcher([
  { id: 'c1', name: 'Acme Ltd', email: 'info@acme.example', phone: '+44 20 7946 0958' },
  { id: 'c2', name: 'Blue Sky GmbH', email: '', phone: '' },
  { id: 'c3', name: 'Zhang Wei', email: 'wei@example.cn', phone: '+86 138 0013 8000' },
  { id: 'c4', name: 'ZHANG WEI', email: '', phone: '' },
]);

describe('matching imported clients', () => {
  it('matches by id first', () => {
    expect(stored.match({ id: 'c2', name: 'Acme', email: 'info@acme.example' })).toEqual({
      rule: 'id',
      clientIds: ['c2'],
    });
  });

  it('then by e-mail, however typed', () => {
    expect(stored.match({ id: 'x', name: 'Someone', email: 'INFO@acme.example ' })).toEqual({
      rule: 'email',
      clientIds: ['c1'],
    });
  });

  it('then by phone digits with the country code', () => {
    expect(stored.match({ name: 'Someone', phone: '0044 (20) 7946-0958' })).toEqual({
      rule: 'phone',
      clientIds: ['c1'],
    });
  });

  it('then by normalised name', () => {
    expect(stored.match({ name: 'BLUE SKY' })).toEqual({ rule: 'name', clientIds: ['c2'] });
    expect(stored.match({ name: 'ＡＣＭＥ Limited' })).toEqual({ rule: 'name', clientIds: ['c1'] });
  });

  it('says when a rule finds several clients, and when none matches', () => {
    expect(stored.match({ name: 'zhang  wei' })).toEqual({ rule: 'name', clientIds: ['c3', 'c4'] });
    expect(stored.byName('Zhang-Wei')).toEqual(['c3', 'c4']);
    expect(stored.match({ id: 'new', name: 'Nobody', email: 'n@example.com' })).toBeNull();
    expect(stored.byName('')).toEqual([]);
  });
});
