import type { KnownClients } from '$backup/csv/csv-plan';
import type { TierwiseDb } from '$db/database';
import { ClientMatcher, nameKey, type MatchRule } from '$engine/index';
import { clientIdSchema } from '$schema/common';
import type { Client } from '$schema/client';

/** What to do with an imported client that matches a stored one. */
export type MatchAction = 'create' | 'update' | 'skip';

/** One client of a clients file that matches stored clients, and by which rule. */
export interface CsvClientMatch {
  /** Its place among the file's accepted clients. */
  index: number;
  name: string;
  rule: MatchRule;
  /** The stored clients matched (several: the user says which one to update). */
  candidates: CandidateClient[];
}

/** A stored client offered as a match, with what tells two of one name apart. */
export interface CandidateClient {
  id: string;
  name: string;
  email: string;
  phone: string;
}

/** A client name in a transactions or contacts file that several stored clients share. */
export interface CsvAmbiguousName {
  /** The placeholder the file's rows carry until the user chooses (`AMBIGUOUS`). */
  key: string;
  name: string;
  rows: number;
  candidates: CandidateClient[];
}

/**
 * The user's answers: per matched client (by `index`) create, skip or update a chosen
 * stored client (`update:<id>`), the rest as `all` says (`update`: the first match); and
 * for each ambiguous name (by `key`) the stored client its rows belong to.
 */
export interface CsvDecisions {
  all: MatchAction;
  rows: Record<number, 'create' | 'skip' | `update:${string}`>;
  names: Record<string, string>;
}

export const DEFAULT_DECISIONS: CsvDecisions = { all: 'update', rows: {}, names: {} };

/** Marks a row's client as ambiguous until the user chooses: never a stored id. */
const AMBIGUOUS = '?ambiguous:';

/** The workspace's clients, read for one dry run. */
export class ClientMatching {
  readonly matcher: ClientMatcher;
  readonly #clients = new Map<string, Client>();
  /** Ambiguous names met so far, by placeholder. */
  readonly #ambiguous = new Map<string, { name: string; ids: string[] }>();

  constructor(clients: readonly Client[]) {
    for (const client of clients) this.#clients.set(client.id, client);
    this.matcher = new ClientMatcher(clients);
  }

  static async read(db: TierwiseDb): Promise<ClientMatching> {
    return new ClientMatching(await db.clients.toArray());
  }

  stored(id: string): Client | undefined {
    return this.#clients.get(id);
  }

  candidate(id: string): CandidateClient {
    const c = this.#clients.get(id);
    return { id, name: c?.name ?? id, email: c?.email ?? '', phone: c?.phone ?? '' };
  }

  /**
   * What the plan looks clients up in: ids, and names by their normalised key (`Acme Ltd`
   * finds `ACME`). A name several stored clients share gives a placeholder, not one of them.
   */
  known(): KnownClients {
    const matcher = this.matcher;
    const ambiguous = this.#ambiguous;
    class NameLookup extends Map<string, string> {
      override get(name: string): string | undefined {
        const ids = matcher.byName(name);
        if (ids.length <= 1) return ids[0];
        const key = `${AMBIGUOUS}${nameKey(name)}`.slice(0, 100);
        if (!ambiguous.has(key)) ambiguous.set(key, { name, ids });
        return key;
      }
    }
    return { ids: new Set(this.#clients.keys()), byName: new NameLookup() };
  }

  /** The ambiguous names the file's accepted rows carry, with how many rows each. */
  ambiguousNames(records: readonly { clientId: string }[]): CsvAmbiguousName[] {
    const rows = new Map<string, number>();
    for (const r of records) {
      if (r.clientId.startsWith(AMBIGUOUS)) rows.set(r.clientId, (rows.get(r.clientId) ?? 0) + 1);
    }
    return [...rows].map(([key, count]) => {
      const found = this.#ambiguous.get(key);
      return {
        key,
        name: found?.name ?? key,
        rows: count,
        candidates: (found?.ids ?? []).map((id) => this.candidate(id)),
      };
    });
  }

  /** The file's clients that match stored ones (id, e-mail, phone, then name). */
  matches(clients: readonly Client[]): CsvClientMatch[] {
    return clients.flatMap((client, index) => {
      const found = this.matcher.match(client);
      if (!found) return [];
      const candidates = found.clientIds.map((id) => this.candidate(id));
      return [{ index, name: client.name, rule: found.rule, candidates }];
    });
  }
}

/**
 * The file's clients split by the user's decisions: those to add (a created client whose
 * id a stored one has gets a new id) and the stored ones to update — the file's non-empty
 * fields over the stored client, tags added to its tags.
 */
export function decideClients(
  clients: readonly Client[],
  matches: readonly CsvClientMatch[],
  decisions: CsvDecisions,
  matching: Pick<ClientMatching, 'stored'>,
  newId: () => string,
  stamp: string,
): { added: Client[]; updated: Client[] } {
  const byIndex = new Map(matches.map((m) => [m.index, m]));
  const added: Client[] = [];
  const updated = new Map<string, Client>();
  clients.forEach((client, index) => {
    const match = byIndex.get(index);
    if (!match) {
      added.push(client);
      return;
    }
    const decision = decisions.rows[index] ?? decisions.all;
    if (decision === 'skip') return;
    if (decision === 'create') {
      added.push(
        matching.stored(client.id) ? { ...client, id: clientIdSchema.parse(newId()) } : client,
      );
      return;
    }
    const targetId = decision === 'update' ? match.candidates[0]?.id : decision.slice(7);
    const stored =
      targetId === undefined ? undefined : (updated.get(targetId) ?? matching.stored(targetId));
    if (!stored) return;
    updated.set(stored.id, updatedClient(stored, client, stamp));
  });
  return { added, updated: [...updated.values()] };
}

/** Text fields the file fills over the stored client when it gives them. */
const FILE_FIELDS = [
  'name',
  'company',
  'email',
  'phone',
  'industry',
  'region',
  'source',
  'notes',
] as const;

function updatedClient(stored: Client, file: Client, stamp: string): Client {
  const next: Client = { ...stored, updatedAt: stamp };
  for (const field of FILE_FIELDS) if (file[field] !== '') next[field] = file[field];
  next.tags = [...new Set([...stored.tags, ...file.tags])].slice(0, 50);
  if (file.hourlyRate !== undefined) next.hourlyRate = file.hourlyRate;
  if (file.contacts !== undefined) next.contacts = file.contacts;
  return next;
}

/**
 * Sets the stored client the user chose on every row of an ambiguous name.
 * @returns the first ambiguous name left unanswered, or null when every one is answered
 */
export function resolveNames(
  records: { clientId: string }[],
  ambiguous: readonly CsvAmbiguousName[],
  names: Readonly<Record<string, string>>,
): string | null {
  for (const name of ambiguous) {
    const chosen = names[name.key];
    if (chosen === undefined || !name.candidates.some((c) => c.id === chosen)) return name.name;
  }
  for (const record of records) {
    const chosen = names[record.clientId];
    if (chosen !== undefined) record.clientId = chosen;
  }
  return null;
}
