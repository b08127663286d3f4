import { describe, expect, it } from 'vitest';
import { findDuplicates, type DuplicateCandidate } from '$engine/index';

const client = (id: string, name: string, email = '', phone = ''): DuplicateCandidate => ({
  id,
  name,
  email,
  phone,
});

/** A stand-in romanisation for two names (the worker uses pinyin-pro). */
const romanise = (name: string): string => ({ 张伟: 'zhāng wěi', 李娜: 'lǐ nà' })[name] ?? '';

describe('duplicate detection', () => {
  it('pairs the same e-mail, however typed, with its reason and score', () => {
    const pairs = findDuplicates([
      client('1', 'Ann Lee', 'ann@example.com'),
      client('2', 'A. Lee', ' ANN@example.com'),
      client('3', 'Bob Stone', 'bob@example.com'),
    ]);
    expect(pairs).toEqual([
      { a: '1', b: '2', score: 60, reasons: ['email'], nameSimilarity: expect.any(Number) },
    ]);
  });

  it('pairs the same phone number written with and without its country code prefix forms', () => {
    const pairs = findDuplicates([
      client('1', 'Studio North', '', '+86 138 0013 8000'),
      client('2', 'Atelier South', '', '0086-13800138000'),
    ]);
    expect(pairs.map((p) => [p.reasons, p.score])).toEqual([[['phone'], 50]]);
  });

  it('pairs names equal once normalised, and near names, scored by similarity', () => {
    const pairs = findDuplicates([
      client('1', 'Acme Ltd'),
      client('2', 'ACME Limited'),
      client('3', 'John Smithson'),
      client('4', 'Jon Smithson'),
      client('5', 'Completely Different'),
    ]);
    expect(pairs.map((p) => [p.a, p.b, p.reasons, p.score])).toEqual([
      ['1', '2', ['name'], 60],
      ['3', '4', ['name'], 55],
    ]);
  });

  it('adds the reasons up, to at most 100', () => {
    const [pair] = findDuplicates([
      client('1', 'Acme Ltd', 'a@acme.com', '+1 555 0100 200'),
      client('2', 'Acme', 'A@acme.com', '001 555 0100 200'),
    ]);
    expect(pair?.reasons).toEqual(['email', 'phone', 'name']);
    expect(pair?.score).toBe(100);
  });

  it('pairs a Chinese name with the same name in pinyin', () => {
    const pairs = findDuplicates(
      [
        client('1', '张伟'),
        client('2', 'Zhang Wei'),
        client('3', '李娜'),
        client('4', 'Wang Fang'),
      ],
      romanise,
    );
    expect(pairs.map((p) => [p.a, p.b, p.reasons, p.score])).toEqual([['1', '2', ['pinyin'], 50]]);
  });

  it('does not romanise without a romanisation, and lists nothing below the threshold', () => {
    expect(findDuplicates([client('1', '张伟'), client('2', 'Zhang Wei')])).toEqual([]);
    expect(findDuplicates([client('1', 'Ann'), client('2', 'Anna Karenina')])).toEqual([]);
  });

  it('takes points off for different e-mails or phones: a shared common name is not enough', () => {
    const pairs = findDuplicates([
      client('1', 'John Smith', 'john@one.example', '+1 555 0100 001'),
      client('2', 'John Smith', 'john@two.example'),
      client('3', 'John Smith', '', '+1 555 0100 999'),
    ]);
    // 1–2: 60 − 30 (e-mails differ); 1–3: 60 − 20 (phones differ); 2–3: nothing to conflict.
    expect(pairs.map((p) => [p.a, p.b, p.score])).toEqual([['2', '3', 60]]);
  });

  it('ignores a key shared by more than a block’s worth of clients (a placeholder e-mail)', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      client(`c${i}`, `Client number ${i * 7919}`, 'none@example.com'),
    );
    expect(findDuplicates(many)).toEqual([]);
  });

  it('finds a planted pair among 50,000 clients by blocking, not by comparing every pair', () => {
    const clients = Array.from({ length: 50_000 }, (_, i) =>
      client(
        `c${i}`,
        `Client ${i.toString(36)} Holdings`,
        `c${i}@example.com`,
        `+1 555 ${100000 + i}`,
      ),
    );
    clients.push(client('dup-a', 'Client 1a2 Holdings Ltd'));
    const stats = { compared: 0 };
    const pairs = findDuplicates(clients, undefined, stats);
    // At most a block's worth of pairs per client and key, not 1.25 billion.
    expect(stats.compared).toBeLessThan(clients.length * 5 * 25);
    const planted = pairs.filter((p) => p.a === 'dup-a' || p.b === 'dup-a');
    expect(planted.map((p) => p.reasons)).toContainEqual(['name']);
  });
});
