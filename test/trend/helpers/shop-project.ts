/**
 * A small Express + Knex shop with three domains (orders, billing, shipping), written as a
 * team would: repositories over Knex, services, routers. The scenarios below are the commits
 * the gate and the history are tested on.
 */
export const SHOP_FILES: Record<string, string> = {
  'package.json': `${JSON.stringify(
    {
      name: 'shop-api',
      version: '1.4.0',
      private: true,
      type: 'module',
      scripts: { start: 'node dist/server.js', build: 'tsc -p .' },
      dependencies: { express: '4.19.2', knex: '3.1.0', pg: '8.11.5' },
      devDependencies: { '@types/express': '4.17.21', typescript: '5.4.5' },
    },
    null,
    2,
  )}\n`,
  'tsconfig.json': `${JSON.stringify(
    { compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, outDir: 'dist' }, include: ['src'] },
    null,
    2,
  )}\n`,
  '.gitignore': 'node_modules\ndist\nreports\n',
  'src/config/database.ts': `import knex from 'knex';

export const db = knex({
  client: 'pg',
  connection: process.env.DATABASE_URL,
  pool: { min: 0, max: 10 },
});
`,
  'src/orders/order.model.ts': `export type OrderStatus = 'placed' | 'paid' | 'shipped' | 'cancelled';

export interface Order {
  id: string;
  customerId: string;
  totalCents: number;
  status: OrderStatus;
}
`,
  'src/orders/order.repository.ts': `import { db } from '../config/database.js';
import type { Order } from './order.model.js';

export async function findOrder(id: string): Promise<Order | undefined> {
  return db<Order>('orders').where({ id }).first();
}

export async function insertOrder(order: Order): Promise<void> {
  await db('orders').insert(order);
}

export async function markOrderPaid(id: string): Promise<void> {
  await db('orders').where({ id }).update({ status: 'paid' });
}
`,
  'src/orders/order.service.ts': `import { randomUUID } from 'node:crypto';
import { issueInvoice } from '../billing/invoice.service.js';
import type { Order } from './order.model.js';
import { insertOrder } from './order.repository.js';

export async function placeOrder(customerId: string, totalCents: number): Promise<Order> {
  const order: Order = { id: randomUUID(), customerId, totalCents, status: 'placed' };
  await insertOrder(order);
  await issueInvoice(order.id, totalCents);
  return order;
}
`,
  'src/orders/order.router.ts': `import { Router } from 'express';
import { findOrder } from './order.repository.js';
import { placeOrder } from './order.service.js';

export const orderRouter = Router();

orderRouter.post('/orders', async (req, res) => {
  const order = await placeOrder(req.body.customerId, req.body.totalCents);
  res.status(201).json(order);
});

orderRouter.get('/orders/:id', async (req, res) => {
  const order = await findOrder(req.params.id);
  if (!order) return res.sendStatus(404);
  res.json(order);
});
`,
  'src/billing/invoice.model.ts': `export interface Invoice {
  id: string;
  orderId: string;
  amountCents: number;
  paidAt: Date | null;
}
`,
  'src/billing/invoice.repository.ts': `import { db } from '../config/database.js';
import type { Invoice } from './invoice.model.js';

export async function insertInvoice(invoice: Invoice): Promise<void> {
  await db('invoices').insert(invoice);
}

export async function findInvoice(id: string): Promise<Invoice | undefined> {
  return db<Invoice>('invoices').where({ id }).first();
}

export async function setInvoicePaid(id: string, paidAt: Date): Promise<void> {
  await db('invoices').where({ id }).update({ paidAt });
}
`,
  'src/billing/invoice.service.ts': `import { randomUUID } from 'node:crypto';
import type { Invoice } from './invoice.model.js';
import { findInvoice, insertInvoice, setInvoicePaid } from './invoice.repository.js';

export async function issueInvoice(orderId: string, amountCents: number): Promise<Invoice> {
  const invoice: Invoice = { id: randomUUID(), orderId, amountCents, paidAt: null };
  await insertInvoice(invoice);
  return invoice;
}

export async function payInvoice(id: string): Promise<Invoice | undefined> {
  await setInvoicePaid(id, new Date());
  return findInvoice(id);
}
`,
  'src/billing/invoice.router.ts': `import { Router } from 'express';
import { payInvoice } from './invoice.service.js';

export const invoiceRouter = Router();

invoiceRouter.post('/invoices/:id/payment', async (req, res) => {
  const invoice = await payInvoice(req.params.id);
  if (!invoice) return res.sendStatus(404);
  res.json(invoice);
});
`,
  'src/shipping/shipment.model.ts': `export interface Shipment {
  id: string;
  orderId: string;
  carrier: 'dhl' | 'ups' | 'postnl';
  trackingCode: string | null;
}
`,
  'src/shipping/shipment.repository.ts': `import { db } from '../config/database.js';
import type { Shipment } from './shipment.model.js';

export async function insertShipment(shipment: Shipment): Promise<void> {
  await db('shipments').insert(shipment);
}

export async function setTrackingCode(id: string, trackingCode: string): Promise<void> {
  await db('shipments').where({ id }).update({ trackingCode });
}
`,
  'src/shipping/shipment.service.ts': `import { randomUUID } from 'node:crypto';
import type { Shipment } from './shipment.model.js';
import { insertShipment, setTrackingCode } from './shipment.repository.js';

export async function createShipment(orderId: string, carrier: Shipment['carrier']): Promise<Shipment> {
  const shipment: Shipment = { id: randomUUID(), orderId, carrier, trackingCode: null };
  await insertShipment(shipment);
  return shipment;
}

export async function registerTracking(id: string, trackingCode: string): Promise<void> {
  await setTrackingCode(id, trackingCode);
}
`,
  'src/shipping/shipment.router.ts': `import { Router } from 'express';
import { createShipment, registerTracking } from './shipment.service.js';

export const shipmentRouter = Router();

shipmentRouter.post('/shipments', async (req, res) => {
  res.status(201).json(await createShipment(req.body.orderId, req.body.carrier));
});

shipmentRouter.put('/shipments/:id/tracking', async (req, res) => {
  await registerTracking(req.params.id, req.body.trackingCode);
  res.sendStatus(204);
});
`,
};

/** Shipping starts reading orders and marking them shipped itself: a new cross-service edge and a write to orders. */
export const SHIPPING_WRITES_ORDERS: Record<string, string> = {
  'src/shipping/shipment.repository.ts': `import { db } from '../config/database.js';
import type { Shipment } from './shipment.model.js';

export async function insertShipment(shipment: Shipment): Promise<void> {
  await db('shipments').insert(shipment);
}

export async function setTrackingCode(id: string, trackingCode: string): Promise<void> {
  await db('shipments').where({ id }).update({ trackingCode });
}

// TODO(shipping): orders should expose this; we write their table until then
export async function markOrderShipped(orderId: string): Promise<void> {
  await db('orders').where({ id: orderId }).update({ status: 'shipped' });
}
`,
  'src/shipping/shipment.service.ts': `import { randomUUID } from 'node:crypto';
import { findOrder } from '../orders/order.repository.js';
import type { Shipment } from './shipment.model.js';
import { insertShipment, markOrderShipped, setTrackingCode } from './shipment.repository.js';

export async function createShipment(orderId: string, carrier: Shipment['carrier']): Promise<Shipment> {
  const order = await findOrder(orderId);
  if (!order || order.status !== 'paid') throw new Error(\`order \${orderId} is not ready to ship\`);
  const shipment: Shipment = { id: randomUUID(), orderId, carrier, trackingCode: null };
  await insertShipment(shipment);
  await markOrderShipped(orderId);
  return shipment;
}

export async function registerTracking(id: string, trackingCode: string): Promise<void> {
  await setTrackingCode(id, trackingCode);
}
`,
};

/** Billing marks the order paid by calling into orders: with placeOrder → issueInvoice, the two services form a cycle. */
export const BILLING_CALLS_ORDERS: Record<string, string> = {
  'src/billing/invoice.service.ts': `import { randomUUID } from 'node:crypto';
import { markOrderPaid } from '../orders/order.repository.js';
import type { Invoice } from './invoice.model.js';
import { findInvoice, insertInvoice, setInvoicePaid } from './invoice.repository.js';

export async function issueInvoice(orderId: string, amountCents: number): Promise<Invoice> {
  const invoice: Invoice = { id: randomUUID(), orderId, amountCents, paidAt: null };
  await insertInvoice(invoice);
  return invoice;
}

export async function payInvoice(id: string): Promise<Invoice | undefined> {
  await setInvoicePaid(id, new Date());
  const invoice = await findInvoice(id);
  if (invoice) await markOrderPaid(invoice.orderId);
  return invoice;
}
`,
};
