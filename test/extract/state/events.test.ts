import { describe, expect, it } from 'vitest';
import { getStateFacts } from './walk-source.js';

describe('in-process events', () => {
  it('records NestJS EventEmitter2 publishers and @OnEvent subscribers by topic', () => {
    const facts = getStateFacts(`
import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { OrderPlacedEvent } from '../events/order-placed.event';

@Injectable()
export class CheckoutService {
  constructor(private readonly eventEmitter: EventEmitter2) {}

  async placeOrder(orderId: string) {
    this.eventEmitter.emit('order.placed', new OrderPlacedEvent(orderId));
    await this.eventEmitter.emitAsync(OrderPlacedEvent.name, new OrderPlacedEvent(orderId));
  }

  @OnEvent(['payment.captured', 'payment.refunded'], { async: true })
  handlePayment() {}
}
`);
    expect(facts).toEqual([
      { kind: 'event-publish', name: 'order.placed', line: 11, detail: 'eventEmitter.emit' },
      { kind: 'event-publish', name: 'OrderPlacedEvent', line: 12, detail: 'eventEmitter.emitAsync', reference: true },
      { kind: 'event-subscribe', name: 'payment.captured', line: 15, detail: '@OnEvent' },
      { kind: 'event-subscribe', name: 'payment.refunded', line: 15, detail: '@OnEvent' },
    ]);
  });

  it('resolves topics written as constants of the file, marks imported constants (settled by value when linked) and names the emitter the file made', () => {
    const facts = getStateFacts(`
import { EventEmitter } from 'node:events';
import { InventoryEvents } from './inventory.events';

export const OrderEvents = { PLACED: 'order.placed', CANCELLED: 'order.cancelled' } as const;
const STOCK_LOW = 'stock.low';

export const bus = new EventEmitter();

bus.on(OrderEvents.CANCELLED, (order) => releaseStock(order));
bus.on(InventoryEvents.RESTOCKED, onRestock);
bus.emit(STOCK_LOW, { sku: 'A-1' });

export function publish(topic: string, payload: unknown) {
  bus.emit(topic, payload);
}
`);
    expect(facts).toEqual([
      { kind: 'event-subscribe', name: 'order.cancelled', line: 10, detail: 'bus.on', channel: 'src/example.ts#bus' },
      { kind: 'event-subscribe', name: 'InventoryEvents.RESTOCKED', line: 11, detail: 'bus.on', reference: true, channel: 'src/example.ts#bus' },
      { kind: 'event-publish', name: 'stock.low', line: 12, detail: 'bus.emit', channel: 'src/example.ts#bus' },
    ]);
  });

  it("resolves a topic an event class names itself with (static readonly eventName = '…')", () => {
    const facts = getStateFacts(`
import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';

export class PaymentSucceededEvent {
  static readonly eventName = 'payment.succeeded';
}

@Injectable()
export class PaymentsListener {
  constructor(private readonly events: EventEmitter2) {}
  settle() { this.events.emit(PaymentSucceededEvent.eventName, new PaymentSucceededEvent()); }
  @OnEvent(PaymentSucceededEvent.eventName)
  onSucceeded() {}
}
`);
    expect(facts.map(({ kind, name }) => `${kind} ${name}`)).toEqual(['event-publish payment.succeeded', 'event-subscribe payment.succeeded']);
  });

  it('ignores sockets, HTTP servers, streams and lifecycle events', () => {
    const facts = getStateFacts(`
import { Server } from 'socket.io';

export function attach(io: Server, server: import('http').Server, emitter: import('events').EventEmitter) {
  io.on('connection', (socket) => {
    socket.emit('welcome', { at: Date.now() });
    socket.on('chat.message', (text) => io.to('lobby').emit('chat.message', text));
  });
  server.on('close', () => emitter.emit('error', new Error('closed')));
  process.on('SIGTERM', () => process.exit(0));
  emitter.on('end', () => undefined);
}
`);
    expect(facts).toEqual([]);
  });

  it('records NestJS CQRS events published on the event bus and their handlers', () => {
    const facts = getStateFacts(`
import { EventBus, EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { InvoiceIssuedEvent, InvoicePaidEvent } from './invoice.events';

export class InvoiceService {
  constructor(private readonly eventBus: EventBus) {}
  issue(id: string) {
    this.eventBus.publish(new InvoiceIssuedEvent(id));
    this.eventBus.publishAll([new InvoicePaidEvent(id)]);
  }
}

@EventsHandler(InvoiceIssuedEvent, InvoicePaidEvent)
export class InvoiceProjection implements IEventHandler<InvoiceIssuedEvent> {
  handle() {}
}
`);
    expect(facts).toEqual([
      { kind: 'event-publish', name: 'InvoiceIssuedEvent', line: 8, detail: 'eventBus.publish', reference: true },
      { kind: 'event-publish', name: 'InvoicePaidEvent', line: 9, detail: 'eventBus.publishAll', reference: true },
      { kind: 'event-subscribe', name: 'InvoiceIssuedEvent', line: 13, detail: '@EventsHandler', reference: true },
      { kind: 'event-subscribe', name: 'InvoicePaidEvent', line: 13, detail: '@EventsHandler', reference: true },
    ]);
  });
});
