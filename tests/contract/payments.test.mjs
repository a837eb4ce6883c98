// Copyright (c) GoCardlessHalo contributors. MIT licence.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { client, admin, reset, seed, smallWorld } from './emulator.mjs';

beforeEach(reset);

test('payments.list filtered by customer returns only that customer\'s payments', async () => {
  await seed(smallWorld);
  const page = await client().payments.list({ customer: 'CU000AAA000001' });

  assert.deepEqual(page.payments.map((p) => p.id), ['PM000AAA000002', 'PM000AAA000001']);
  assert.equal(page.payments[0].amount, 12000);
  assert.equal(page.payments[0].charge_date, '2025-04-04');
  assert.equal(page.payments[0].links.mandate, 'MD000AAA000001');
});

test('mandates.list filters by customer and by a comma-separated status list', async () => {
  await seed(smallWorld);
  const gc = client();
  const byCustomer = await gc.mandates.list({ customer: 'CU000AAA000002' });
  const byStatus = await gc.mandates.list({ status: ['active', 'failed'] });

  assert.deepEqual(byCustomer.mandates.map((m) => m.id), ['MD000AAA000002']);
  assert.equal(byCustomer.mandates[0].links.customer_bank_account, 'BA000AAA000002');
  assert.deepEqual(byStatus.mandates.map((m) => m.id), ['MD000AAA000001']);
});

test('events.list with resource_type=payments and include=payment returns the payments under linked', async () => {
  await seed(smallWorld);
  const page = await client().events.list({ resource_type: 'payments', include: 'payment' });

  assert.equal(page.events.length, 3);
  assert.ok(page.events.every((e) => e.resource_type === 'payments' && e.action === 'created'));
  const linked = new Map(page.linked.payments.map((p) => [p.id, p]));
  for (const event of page.events) {
    assert.equal(linked.get(event.links.payment).id, event.links.payment);
  }
  assert.equal(linked.get('PM000AAA000003').status, 'failed');
});

test('a state transition made in the emulator is visible to the client as events and payment status', async () => {
  await seed(smallWorld);
  const gc = client();
  const created = await gc.payments.create({ amount: 2500, currency: 'GBP', links: { mandate: 'MD000AAA000001' } });
  for (const status of ['submitted', 'confirmed', 'paid_out']) {
    await admin(`/gocardless/payments/${created.id}/transition`, { status });
  }

  const payment = await gc.payments.find(created.id);
  const events = await gc.events.list({ payment: created.id });
  assert.equal(payment.status, 'paid_out');
  assert.match(payment.links.payout, /^PO/);
  assert.deepEqual(events.events.map((e) => e.action), ['paid_out', 'confirmed', 'submitted', 'created']);
  assert.deepEqual(events.events[0].details.origin, 'gocardless');
  assert.equal(events.events[0].details.cause, 'payment_paid_out');
});

test('payments.cancel moves a pending payment to cancelled and refuses a second cancel with invalid_state', async () => {
  await seed(smallWorld);
  const gc = client();
  const created = await gc.payments.create({ amount: 999, currency: 'GBP', links: { mandate: 'MD000AAA000001' } });
  const cancelled = await gc.payments.cancel(created.id);

  assert.equal(cancelled.status, 'cancelled');
  await assert.rejects(gc.payments.cancel(created.id), (error) => {
    assert.equal(error.constructor.name, 'InvalidStateError');
    assert.equal(error.errors[0].reason, 'cancellation_failed');
    return true;
  });
});
