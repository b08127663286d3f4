import { fromEpochDay, noonTimestamp, toEpochDay } from '$lib/dates';
import { createRandom, randomUuid, seedFrom, type Random } from '$lib/random';
import { NEED_TYPES, type Client } from '$schema/client';
import type { ClientBundle } from '$schema/client-bundle';
import type { ClientId } from '$schema/common';
import type { Complaint } from '$schema/complaint';
import type { Feedback } from '$schema/feedback';
import type { Interaction } from '$schema/interaction';
import type { Transaction } from '$schema/transaction';
import { planDataset, type ClientPlan, type DatasetOptions } from './plan-dataset';
import { describeClient, type ClientIdentity } from './describe-client';
import * as words from './word-lists';

/** Independent random streams per client, so any client can be generated on its own. */
const ID_STREAM = 0x1d;
const RECORD_STREAM = 0x2e;

/** The id of client `index`: known without generating the client, for referrals. */
function clientId(seed: number, index: number): ClientId {
  return randomUuid(createRandom(seedFrom(seed ^ ID_STREAM, index))) as ClientId; // generated ids are valid ids
}

/**
 * Ids for one client's records that sort by client, then by creation: UUID-shaped, the
 * first twelve hex digits the client's index and the record's number, the rest random. The
 * large base is written in the order it is generated, and IndexedDB writes rows in key
 * order about twice as fast as in random order (src/db/bulk-write.ts).
 */
function recordIds(random: Random, clientIndex: number): () => string {
  let made = 0;
  return () => {
    const prefix =
      clientIndex.toString(16).padStart(7, '0') + (made++).toString(16).padStart(5, '0');
    return `${prefix.slice(0, 8)}-${prefix.slice(8, 12)}${randomUuid(random).slice(13)}`;
  };
}

/**
 * Generates a realistic client base, one client at a time (so a million transactions
 * never sit in memory at once unless the caller keeps them). Deterministic: the same
 * options give the same records, ids included.
 */
export function* generateDataset(options: DatasetOptions): Generator<ClientBundle> {
  const asOfDay = toEpochDay(options.asOf);
  const plans = planDataset(options, asOfDay);
  for (const plan of plans) {
    yield generateClient(options, plan, asOfDay);
  }
}

function generateClient(options: DatasetOptions, plan: ClientPlan, asOfDay: number): ClientBundle {
  const random = createRandom(seedFrom(options.seed ^ RECORD_STREAM, plan.index));
  const id = clientId(options.seed, plan.index);
  const identity = describeClient(random, plan.index);
  // Satisfaction drives feedback and complaints; clients who left were less happy.
  const satisfaction = Math.min(
    1,
    Math.max(0, (plan.churned ? 0.5 : 0.75) + random.normal() * 0.15),
  );
  const newId = recordIds(random, plan.index);
  const transactions = generateTransactions(random, newId, plan, asOfDay, id, identity);
  const lastActivityDay = Math.min(asOfDay, plan.endDay + 45);
  const interactions = generateInteractions(
    random,
    newId,
    plan,
    asOfDay,
    lastActivityDay,
    id,
    identity,
  );
  const feedback = plan.prospect
    ? []
    : generateFeedback(random, newId, plan, id, identity, satisfaction);
  const complaints = plan.prospect
    ? []
    : generateComplaints(random, newId, plan, asOfDay, id, identity, satisfaction);
  const referrer =
    plan.index > options.clients / 5 && random.chance(0.15)
      ? clientId(options.seed, Math.floor(random.next() * plan.index * 0.8))
      : undefined;
  const client: Client = {
    id,
    name: identity.name,
    company: identity.company,
    email: identity.email,
    phone: identity.phone,
    industry: identity.industry,
    region: identity.region,
    size: random.pick(['solo', 'small', 'small', 'medium', 'large'] as const),
    source: referrer ? 'referral' : random.pick(words.SOURCES),
    tags: pickTags(random),
    notes: '',
    archived: false,
    createdAt: noonTimestamp(fromEpochDay(plan.acquiredDay - 10)),
    updatedAt: noonTimestamp(fromEpochDay(lastActivityDay)),
    ...(referrer ? { referredById: referrer } : {}),
    ...ratings(random),
  };
  return { client, transactions, interactions, feedback, complaints };
}

/** Ratings a user has filled in; unrated ones are left out entirely, as a form would. */
function ratings(random: Random): Partial<Client> {
  const out: Partial<Client> = {};
  if (random.chance(0.88)) out.needType = random.pick(NEED_TYPES);
  for (const key of ['needStrength', 'needUrgency'] as const) {
    if (random.chance(0.85)) out[key] = random.int(1, 5);
  }
  for (const key of ['budget', 'growthRoom', 'influence'] as const) {
    if (random.chance(0.8)) out[key] = random.int(1, 5);
  }
  return out;
}

function pickTags(random: Random): string[] {
  const tags = new Set<string>();
  const count = random.int(0, 3);
  for (let k = 0; k < count; k += 1) tags.add(random.pick(words.TAGS));
  return [...tags];
}

function generateTransactions(
  random: Random,
  newId: () => string,
  plan: ClientPlan,
  asOfDay: number,
  clientId: ClientId,
  identity: ClientIdentity,
): Transaction[] {
  const days: number[] = [];
  for (let k = 0; k < plan.transactionCount; k += 1) {
    days.push(k === 0 ? plan.acquiredDay : random.int(plan.acquiredDay, plan.endDay));
  }
  days.sort((a, b) => a - b);
  const typicalAmount = Math.exp(random.normal() * 0.8) * 1500;
  const hourly = random.chance(0.5);
  const hourlyRate = random.pick([60, 75, 90, 120, 150]);
  const costShare = random.between(0.15, 0.55);
  const termDays = random.pick([14, 30, 30]);
  const punctuality = random.between(0.55, 0.98);
  const items = identity.chinese ? words.CHINESE_WORK_ITEMS : words.WORK_ITEMS;
  return days.map((day, k): Transaction => {
    const date = fromEpochDay(day);
    const stamp = noonTimestamp(date);
    const reference = `INV-${String(plan.index + 1).padStart(5, '0')}-${k + 1}`;
    if (k > 0 && random.chance(0.012)) {
      const refund = -Math.round(typicalAmount * random.between(0.1, 0.5));
      return {
        id: newId(),
        clientId,
        date,
        amount: refund,
        reference,
        description: identity.chinese ? '退款' : 'Refund',
        paidDate: date,
        createdAt: stamp,
        updatedAt: stamp,
      };
    }
    const raw = typicalAmount * Math.exp(random.normal() * 0.35);
    const hours = hourly ? Math.max(1, Math.round((raw / hourlyRate) * 2) / 2) : undefined;
    const amount = hours !== undefined ? hours * hourlyRate : Math.max(50, Math.round(raw));
    const dueDay = day + termDays;
    const paidDay = random.chance(punctuality)
      ? day + random.int(0, termDays)
      : dueDay + 1 + Math.round(-Math.log(1 - random.next()) * 15);
    const paid = paidDay <= asOfDay ? fromEpochDay(paidDay) : undefined;
    return {
      id: newId(),
      clientId,
      date,
      amount,
      ...(hours !== undefined ? { hours } : { cost: Math.round(amount * costShare) }),
      dueDate: fromEpochDay(dueDay),
      ...(paid ? { paidDate: paid } : {}),
      reference,
      description: random.pick(items),
      createdAt: stamp,
      updatedAt: paid ? noonTimestamp(paid) : stamp,
    };
  });
}

function generateInteractions(
  random: Random,
  newId: () => string,
  plan: ClientPlan,
  asOfDay: number,
  lastDay: number,
  clientId: ClientId,
  identity: ClientIdentity,
): Interaction[] {
  const firstDay = Math.max(plan.acquiredDay - 20, plan.prospect ? asOfDay - 120 : -Infinity);
  const count = plan.prospect
    ? random.int(1, 4)
    : Math.round(plan.transactionCount * 0.8) + random.int(0, 2);
  const summaries = identity.chinese ? words.CHINESE_SUMMARIES : words.ENGLISH_SUMMARIES;
  const days = Array.from({ length: count }, () =>
    random.int(firstDay, Math.max(firstDay, lastDay)),
  );
  days.sort((a, b) => a - b);
  return days.map((day, k): Interaction => {
    const kind = random.pick([
      'email',
      'email',
      'email',
      'call',
      'call',
      'meeting',
      'note',
    ] as const);
    const stamp = noonTimestamp(fromEpochDay(day));
    // The latest contact of a live relationship usually sets the next one.
    const followUp = k === count - 1 && !plan.churned && random.chance(0.7);
    return {
      id: newId(),
      clientId,
      date: fromEpochDay(day),
      kind,
      summary: random.pick(summaries[kind]),
      ...(followUp ? { followUpDate: fromEpochDay(day + random.int(7, 45)) } : {}),
      createdAt: stamp,
      updatedAt: stamp,
    };
  });
}

function generateFeedback(
  random: Random,
  newId: () => string,
  plan: ClientPlan,
  clientId: ClientId,
  identity: ClientIdentity,
  satisfaction: number,
): Feedback[] {
  const scale = random.chance(0.6) ? 'csat' : 'nps';
  const years = Math.max(1, Math.round((plan.endDay - plan.acquiredDay) / 365));
  const out: Feedback[] = [];
  const comments = identity.chinese ? words.FEEDBACK_COMMENTS.zh : words.FEEDBACK_COMMENTS.en;
  for (let year = 0; year < years; year += 1) {
    if (!random.chance(0.6)) continue;
    const day = Math.min(plan.endDay, plan.acquiredDay + 60 + year * 365 + random.int(0, 120));
    const stamp = noonTimestamp(fromEpochDay(day));
    const score =
      scale === 'csat'
        ? Math.min(5, Math.max(1, Math.round(1 + 4 * satisfaction + random.normal() * 0.5)))
        : Math.min(10, Math.max(0, Math.round(10 * satisfaction + random.normal())));
    out.push({
      id: newId(),
      clientId,
      date: fromEpochDay(day),
      scale,
      score,
      comment: random.pick(comments),
      createdAt: stamp,
      updatedAt: stamp,
    });
  }
  return out;
}

function generateComplaints(
  random: Random,
  newId: () => string,
  plan: ClientPlan,
  asOfDay: number,
  clientId: ClientId,
  identity: ClientIdentity,
  satisfaction: number,
): Complaint[] {
  if (!random.chance(0.2 * (1 - satisfaction))) return [];
  const texts = identity.chinese ? words.COMPLAINT_TEXTS.zh : words.COMPLAINT_TEXTS.en;
  return Array.from({ length: random.int(1, 2) }, (): Complaint => {
    const openedDay = random.int(plan.acquiredDay, plan.endDay);
    const resolvedDay = openedDay + random.int(2, 25);
    const resolved = random.chance(0.75) && resolvedDay <= asOfDay;
    const stamp = noonTimestamp(fromEpochDay(openedDay));
    return {
      id: newId(),
      clientId,
      openedAt: fromEpochDay(openedDay),
      severity: random.pick(['low', 'medium', 'medium', 'high'] as const),
      description: random.pick(texts),
      resolution: resolved ? (identity.chinese ? '已协商解决' : 'Agreed a fix') : '',
      ...(resolved ? { resolvedAt: fromEpochDay(resolvedDay) } : {}),
      createdAt: stamp,
      updatedAt: resolved ? noonTimestamp(fromEpochDay(resolvedDay)) : stamp,
    };
  });
}
