import {
  emailKey,
  hasChinese,
  nameKey,
  nameSimilarity,
  normaliseName,
  phoneKey,
  pinyinKey,
} from './match-keys';

/** What duplicate detection reads of a client. */
export interface DuplicateCandidate {
  id: string;
  name: string;
  email: string;
  phone: string;
}

/** Why two clients look like one: each reason adds its points (docs/quality.md). */
export const DUPLICATE_REASONS = ['email', 'phone', 'name', 'pinyin'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** Two clients that may be one, `a` < `b` by id, with the score and its reasons. */
export interface DuplicatePair {
  a: string;
  b: string;
  /** 0–100: the reasons' points added up, at most 100. */
  score: number;
  reasons: DuplicateReason[];
  /** Similarity of the normalised names, 0–1. */
  nameSimilarity: number;
}

/** Points each reason adds; a pair is listed from `DUPLICATE_THRESHOLD` on. */
export const DUPLICATE_POINTS = { email: 60, phone: 50, pinyin: 50, name: 60 } as const;
/**
 * Points taken off when both clients have an e-mail (a phone) and they differ: two people
 * who share a common name but not their addresses are two clients.
 */
export const CONFLICT_POINTS = { email: 30, phone: 20 } as const;
/** Names this similar or more count (their points: `DUPLICATE_POINTS.name` × similarity). */
export const NAME_SIMILARITY_MIN = 0.85;
export const DUPLICATE_THRESHOLD = 50;
/**
 * A blocking key shared by more clients than this is no evidence (a placeholder e-mail,
 * a switchboard number, a three-letter prefix every "Zhang" shares): its block is skipped,
 * so that the pairs compared stay near-linear in the number of clients.
 */
export const MAX_BLOCK = 25;
/** Code points of the compact name its prefix and suffix blocks use. */
const AFFIX = 3;

/** Romanises a Chinese name (pinyin), for names typed in characters once and letters once. */
export type Romanise = (name: string) => string;

interface Keyed {
  id: string;
  email: string;
  phone: string;
  name: string;
  compact: string;
  pinyin: string;
}

function keyed(client: DuplicateCandidate, romanise: Romanise | undefined): Keyed {
  const name = normaliseName(client.name);
  const compact = nameKey(client.name);
  // A name typed in letters is its own pinyin; one in characters is romanised.
  const pinyin = hasChinese(client.name)
    ? romanise
      ? pinyinKey(romanise(client.name))
      : ''
    : /^[a-z ]+$/.test(name)
      ? compact
      : '';
  return {
    id: client.id,
    email: emailKey(client.email),
    phone: phoneKey(client.phone),
    name,
    compact,
    pinyin,
  };
}

function blockKeys(c: Keyed): string[] {
  const keys: string[] = [];
  if (c.email !== '') keys.push(`e:${c.email}`);
  if (c.phone !== '') keys.push(`p:${c.phone}`);
  if (c.compact !== '') {
    const chars = [...c.compact];
    keys.push(`n:${c.compact}`, `<:${chars.slice(0, AFFIX).join('')}`);
    keys.push(`>:${chars.slice(-AFFIX).join('')}`);
  }
  if (c.pinyin !== '') keys.push(`y:${c.pinyin}`);
  return keys;
}

/** Scores one pair; null when it is below the threshold. */
function scorePair(x: Keyed, y: Keyed): DuplicatePair | null {
  const reasons: DuplicateReason[] = [];
  let score = 0;
  if (x.email !== '' && y.email !== '') {
    if (x.email === y.email) {
      reasons.push('email');
      score += DUPLICATE_POINTS.email;
    } else score -= CONFLICT_POINTS.email;
  }
  if (x.phone !== '' && y.phone !== '') {
    if (x.phone === y.phone) {
      reasons.push('phone');
      score += DUPLICATE_POINTS.phone;
    } else score -= CONFLICT_POINTS.phone;
  }
  const similarity =
    x.compact === y.compact && x.compact !== '' ? 1 : nameSimilarity(x.name, y.name);
  if (similarity >= NAME_SIMILARITY_MIN) {
    reasons.push('name');
    score += Math.round(DUPLICATE_POINTS.name * similarity);
  } else if (x.pinyin !== '' && x.pinyin === y.pinyin) {
    reasons.push('pinyin');
    score += DUPLICATE_POINTS.pinyin;
  }
  if (score < DUPLICATE_THRESHOLD) return null;
  const [a, b] = x.id < y.id ? [x.id, y.id] : [y.id, x.id];
  return { a, b, score: Math.min(100, score), reasons, nameSimilarity: similarity };
}

/**
 * Pairs of clients that are likely one client, best first (score, then ids). Only
 * clients sharing a blocking key are compared — the same e-mail, phone, compact name,
 * pinyin, or the first or last three characters of the compact name — and blocks over
 * `MAX_BLOCK` are skipped, so 50,000 clients compare in seconds rather than as 1.25
 * billion pairs.
 * @param romanise pinyin of a Chinese name; without it Chinese names are not romanised
 * @param stats counts the pairs compared (how well the blocking works)
 */
export function findDuplicates(
  clients: readonly DuplicateCandidate[],
  romanise?: Romanise,
  stats: { compared: number } = { compared: 0 },
): DuplicatePair[] {
  const all = clients.map((c) => keyed(c, romanise));
  const blocks = new Map<string, number[]>();
  all.forEach((c, i) => {
    for (const key of blockKeys(c)) {
      const block = blocks.get(key);
      if (block) block.push(i);
      else blocks.set(key, [i]);
    }
  });
  const seen = new Set<string>();
  const pairs: DuplicatePair[] = [];
  for (const block of blocks.values()) {
    if (block.length < 2 || block.length > MAX_BLOCK) continue;
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const x = all[block[i]!]!;
        const y = all[block[j]!]!;
        if (x.id === y.id) continue;
        const key = x.id < y.id ? `${x.id}\n${y.id}` : `${y.id}\n${x.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        stats.compared += 1;
        const pair = scorePair(x, y);
        if (pair) pairs.push(pair);
      }
    }
  }
  return pairs.sort(
    (p, q) => q.score - p.score || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : 1),
  );
}
