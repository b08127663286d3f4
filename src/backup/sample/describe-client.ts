import { itemAt } from '$lib/arrays';
import type { Random } from '$lib/random';
import * as words from './word-lists';

export interface ClientIdentity {
  chinese: boolean;
  name: string;
  company: string;
  email: string;
  phone: string;
  industry: string;
  region: string;
}

/** A prime stride through the name grid: distinct names for the first few hundred clients. */
const NAME_STRIDE = 7919;

/** Who the client is: about a third have Chinese names, some are individuals with no company. */
export function describeClient(random: Random, index: number): ClientIdentity {
  const chinese = random.chance(0.3);
  const individual = random.chance(0.15);
  if (chinese) {
    const grid = words.CHINESE_SURNAMES.length * words.CHINESE_GIVEN.length;
    const cell = (index * NAME_STRIDE) % grid;
    const [surname, surnamePinyin] = itemAt(
      words.CHINESE_SURNAMES,
      cell % words.CHINESE_SURNAMES.length,
    );
    const [given, givenPinyin] = itemAt(
      words.CHINESE_GIVEN,
      Math.floor(cell / words.CHINESE_SURNAMES.length),
    );
    const company = individual
      ? ''
      : random.pick(words.CHINESE_COMPANY_FIRST) + random.pick(words.CHINESE_COMPANY_LAST);
    return {
      chinese,
      name: surname + given,
      company,
      email: `${givenPinyin}.${surnamePinyin}${index}@example.cn`,
      phone: `+86 1${random.int(30, 89)} ${random.int(1000, 9999)} ${random.int(1000, 9999)}`,
      industry: random.pick(words.CHINESE_INDUSTRIES),
      region: random.pick(words.CHINESE_REGIONS),
    };
  }
  const grid = words.ENGLISH_FIRST.length * words.ENGLISH_LAST.length;
  const cell = (index * NAME_STRIDE) % grid;
  const first = itemAt(words.ENGLISH_FIRST, cell % words.ENGLISH_FIRST.length);
  const last = itemAt(words.ENGLISH_LAST, Math.floor(cell / words.ENGLISH_FIRST.length));
  const company = individual
    ? ''
    : `${random.pick(words.ENGLISH_COMPANY_FIRST)} ${random.pick(words.ENGLISH_COMPANY_LAST)}`;
  return {
    chinese,
    name: `${first} ${last}`,
    company,
    email: `${first}.${last}${index}@example.com`.toLowerCase(),
    phone: `+44 7${random.int(100, 999)} ${random.int(100000, 999999)}`,
    industry: random.pick(words.ENGLISH_INDUSTRIES),
    region: random.pick(words.ENGLISH_REGIONS),
  };
}
