import { describe, expect, it } from 'vitest';
import { nameServices } from '../../src/cluster/name-services.js';

describe('service names', () => {
  it('name a service by its most specific folder word, not by a layer every service shares', () => {
    const billing = ['src/billing/invoice.service.ts', 'src/billing/invoice.controller.ts', 'src/billing/payment.service.ts'];
    const catalog = ['src/catalog/product.service.ts', 'src/catalog/product.controller.ts'];
    expect(nameServices([billing, catalog], [...billing, ...catalog])).toEqual(['billing', 'catalog']);
  });

  it('name a service after the module folder that holds most of it, though its file names repeat another word', () => {
    const playground = [
      'lib/features/playground/playground-service.ts',
      'lib/features/playground/playground.ts',
      ...['evaluator', 'evaluator-client', 'evaluator-strategy', 'evaluator-helpers'].map((name) => `lib/features/playground/feature-evaluator/${name}.ts`),
    ];
    const schemas = ['playground-request', 'playground-response', 'playground-feature', 'playground-segment'].map((name) => `lib/openapi/spec/${name}-schema.ts`);
    const environments = ['project-environments-store', 'project-environments-service'].map((name) => `lib/features/project-environments/${name}.ts`);
    const files = [...playground, ...schemas, ...environments];
    expect(nameServices([playground, schemas, environments], files)).toEqual(['playground', 'openapi', 'project-environment']);
  });

  it('keep a compound domain word whole: gift-cards/ is gift-card, order-edits/ is order-edit', () => {
    const giftCards = ['api/routes/admin/gift-cards/index.ts', 'api/routes/admin/gift-cards/create-gift-card.ts', 'services/gift-card.ts'];
    const orderEdits = ['api/routes/admin/order-edits/index.ts', 'api/routes/admin/order-edits/confirm-order-edit.ts', 'services/order-edit.ts'];
    const orders = ['api/routes/admin/orders/index.ts', 'services/order.ts', 'models/order.ts', 'models/card.ts'];
    expect(nameServices([giftCards, orderEdits, orders], [...giftCards, ...orderEdits, ...orders])).toEqual(['gift-card', 'order-edit', 'order']);
  });

  it('never take a verb of a file name or a route parameter for the domain', () => {
    const orders = [
      'api/routes/admin/orders/cancel-order.ts',
      'api/routes/admin/orders/cancel-swap.ts',
      'api/routes/admin/orders/cancel-claim.ts',
      'api/routes/admin/orders/[id]/route.ts',
      'api/routes/admin/orders/capture-payment.ts',
    ];
    const products = ['api/routes/admin/products/[id]/options/[option_id]/route.ts', 'api/routes/admin/products/route.ts', 'services/product.ts'];
    const swaps = ['services/swap.ts', 'services/claim.ts', 'services/payment.ts', 'models/swap.ts', 'models/claim.ts', 'models/payment.ts'];
    const names = nameServices([orders, products, swaps], [...orders, ...products, ...swaps]);
    expect(names[0]).toBe('order');
    expect(names[1]).toBe('product');
    expect(names.join(' ')).not.toMatch(/cancel|capture|\[|\bid\b/);
  });

  it('make names unique with a second word', () => {
    const a = ['src/user/profile.service.ts', 'src/user/profile.controller.ts'];
    const b = ['src/user/session.service.ts', 'src/user/session.controller.ts'];
    expect(nameServices([a, b], [...a, ...b])).toEqual(['profile', 'session']);
    const c = ['src/user/a.ts', 'src/user/b.ts'];
    const d = ['src/user/c.ts', 'src/user/d.ts'];
    const names = nameServices([c, d], [...c, ...d]);
    expect(new Set(names).size).toBe(2);
    expect(names[0]).toBe('user');
  });

  it('keep singular words that end in s whole, and make plurals singular', () => {
    const cache = ['src/redis/redis.client.ts', 'src/redis/redis-lock.ts'];
    const aliases = ['src/aliases/alias.service.ts', 'src/aliases/aliases.controller.ts'];
    const users = ['src/users/users.service.ts', 'src/users/user.entity.ts'];
    expect(nameServices([cache, aliases, users], [...cache, ...aliases, ...users])).toEqual(['redis', 'alias', 'user']);
  });
});

