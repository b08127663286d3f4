import { emailKey, nameKey, phoneKey } from './match-keys';

/** The rules an imported client is matched by, in the order they are tried. */
export const MATCH_RULES = ['id', 'email', 'phone', 'name'] as const;
export type MatchRule = (typeof MATCH_RULES)[number];

/** What matching reads of a client, stored or imported. */
export interface MatchableClient {
  id: string;
  name: string;
  email: string;
  phone: string;
}

/** The clients a row matched by the first rule that found any: one, or several (ambiguous). */
export interface ClientMatch {
  rule: MatchRule;
  clientIds: string[];
}

/**
 * The workspace's clients indexed by each match key, to match imported rows against:
 * by id, then e-mail, then phone, then normalised name (`match-keys.ts`). The first rule
 * that finds any client decides; more than one client found by it is ambiguous, and the
 * caller asks which one.
 */
export class ClientMatcher {
  readonly #byRule: Record<MatchRule, Map<string, string[]>> = {
    id: new Map(),
    email: new Map(),
    phone: new Map(),
    name: new Map(),
  };

  constructor(clients: Iterable<MatchableClient>) {
    for (const client of clients) {
      for (const rule of MATCH_RULES) {
        const key = keyOf(rule, client);
        if (key === '') continue;
        const ids = this.#byRule[rule].get(key);
        if (ids) ids.push(client.id);
        else this.#byRule[rule].set(key, [client.id]);
      }
    }
  }

  /** The stored clients `row` matches, or null when none does by any rule. */
  match(row: Partial<MatchableClient>): ClientMatch | null {
    for (const rule of MATCH_RULES) {
      const key = keyOf(rule, row);
      const ids = key === '' ? undefined : this.#byRule[rule].get(key);
      if (ids) return { rule, clientIds: [...ids] };
    }
    return null;
  }

  /** The stored clients whose normalised name is `name`'s (none, one, or several). */
  byName(name: string): string[] {
    const key = nameKey(name);
    return key === '' ? [] : [...(this.#byRule.name.get(key) ?? [])];
  }
}

function keyOf(rule: MatchRule, client: Partial<MatchableClient>): string {
  switch (rule) {
    case 'id':
      return client.id?.trim() ?? '';
    case 'email':
      return emailKey(client.email ?? '');
    case 'phone':
      return phoneKey(client.phone ?? '');
    case 'name':
      return nameKey(client.name ?? '');
  }
}
