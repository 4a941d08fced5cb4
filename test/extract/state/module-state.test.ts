import { describe, expect, it } from 'vitest';
import { getStateFacts } from './walk-source.js';

describe('module-level mutable state', () => {
  it('records an exported Map cache and a counter object changed in place, not the functions around them', () => {
    const facts = getStateFacts(`
/** Process-local price cache (productId -> price in cents). */
export const priceCache = new Map<string, number>();

const stats = { hits: 0, misses: 0 };

export function cachedPrice(productId: string): number | undefined {
  const value = priceCache.get(productId);
  if (value === undefined) stats.misses++;
  else stats.hits++;
  return value;
}
`);
    expect(facts).toEqual([
      { kind: 'mutable-export', name: 'priceCache', line: 3, detail: 'exported new Map' },
      { kind: 'mutable-export', name: 'stats', line: 5, detail: 'module-level object' },
    ]);
  });

  it('records a let that the module reassigns, and leaves constants and requires alone', () => {
    const facts = getStateFacts(`
var express = require('express');
const ROLES = ['admin', 'support'];
const SUPPORTED_CURRENCIES = new Set(['EUR', 'USD', 'GBP']);
let cachedToken: string | null = null;
let tokenExpiresAt = 0;
export let retryBudget = 3;

export async function getToken(fetchToken: () => Promise<string>): Promise<string> {
  if (cachedToken && Date.now() < tokenExpiresAt) return cachedToken;
  cachedToken = await fetchToken();
  tokenExpiresAt = Date.now() + 55 * 60 * 1000;
  return cachedToken;
}
`);
    expect(facts).toEqual([
      { kind: 'mutable-export', name: 'cachedToken', line: 5, detail: 'module-level let' },
      { kind: 'mutable-export', name: 'tokenExpiresAt', line: 6, detail: 'module-level let' },
    ]);
  });

  it('records LRU caches, empty registries, arrays pushed to, and static collection fields', () => {
    const facts = getStateFacts(`
import { LRUCache } from 'lru-cache';

const sessions = new LRUCache<string, object>({ max: 10_000, ttl: 15 * 60 * 1000 });
const handlers: Record<string, () => void> = {};
const auditTrail = [] as string[];
const KNOWN_EVENTS = ['created', 'deleted'];

export class FeatureFlags {
  static readonly overrides = new Map<string, boolean>();
  static readonly defaults = new Map([['beta', false]]);
}

export function remember(entry: string) {
  auditTrail.push(entry);
}
export { sessions };
`);
    expect(facts).toEqual([
      { kind: 'mutable-export', name: 'sessions', line: 4, detail: 'exported new LRUCache' },
      { kind: 'mutable-export', name: 'handlers', line: 5, detail: 'module-level object' },
      { kind: 'mutable-export', name: 'auditTrail', line: 6, detail: 'module-level array' },
      { kind: 'mutable-export', name: 'FeatureFlags.overrides', line: 10, detail: 'exported new Map' },
    ]);
  });
});
