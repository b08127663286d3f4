import { describe, expect, it } from 'vitest';
import {
  addContact,
  contactDrafts,
  contactErrors,
  contactsOf,
  removeContact,
} from '$features/client/contact-persons';
import { clientSchema } from '$schema/client';

const t = (key: string): string => key;
const person = (name: string, primary = false) => ({
  name,
  role: '',
  email: '',
  phone: '',
  primary,
});

describe('contact persons in the profile form', () => {
  it('the first one added is the primary one, the next ones not', () => {
    const one = addContact([]);
    expect(one).toEqual([person('', true)]);
    expect(addContact(one).map((p) => p.primary)).toEqual([true, false]);
  });

  it('removing the primary one makes the first one left primary', () => {
    const people = [person('Ann', true), person('Bo'), person('Cy')];
    expect(removeContact(people, 0).map((p) => [p.name, p.primary])).toEqual([
      ['Bo', true],
      ['Cy', false],
    ]);
    expect(removeContact(people, 2).map((p) => p.primary)).toEqual([true, false]);
    expect(removeContact([person('Ann', true)], 0)).toEqual([]);
  });

  it('none is stored as absent, as on a client saved before there were any', () => {
    expect(contactsOf([])).toBeUndefined();
    expect(contactDrafts(undefined)).toEqual([]);
    expect(contactsOf([{ ...person(' Ann ', true), email: ' a@b.co ' }])).toEqual([
      { ...person('Ann', true), email: 'a@b.co' },
    ]);
  });

  it('says what is wrong with which person, and with the list as a whole', () => {
    const client = {
      id: 'c',
      name: 'Client',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      contacts: [{ ...person('', true) }, { ...person('Bo'), email: 'not-an-email' }],
    };
    const refused = clientSchema.safeParse(client);
    expect(refused.success).toBe(false);
    expect(contactErrors(refused.error!, t)).toEqual({
      '0.name': 'contacts.invalid.name',
      '1.email': 'contacts.invalid.email',
    });
    const twoPrimary = clientSchema.safeParse({
      ...client,
      contacts: [person('Ann', true), person('Bo', true)],
    });
    expect(contactErrors(twoPrimary.error!, t)).toEqual({
      '': 'contacts.invalid.primary',
    });
  });
});
