// Copyright (c) GoCardlessHalo contributors. MIT licence.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { client, admin, reset, seed, requestCounts, smallWorld } from './emulator.mjs';

beforeEach(reset);

test('customers.all() follows meta.cursors.after across three pages, newest first', async () => {
  await admin('/gocardless/generate', { customers: 120, payments: 0, seed: 11 });
  const seen = [];
  for await (const customer of client().customers.all({ limit: 50 })) {
    seen.push(customer);
  }

  assert.equal(seen.length, 120);
  assert.equal(new Set(seen.map((c) => c.id)).size, 120);
  const times = seen.map((c) => Date.parse(c.created_at));
  assert.deepEqual(times, [...times].sort((a, b) => b - a));
  assert.equal((await requestCounts())['GET /gocardless/customers'], 3);
});

test('customers.find returns every field, with metadata custom fields and company_name', async () => {
  await seed(smallWorld);
  const customer = await client().customers.find('CU000AAA000001');

  assert.equal(customer.id, 'CU000AAA000001');
  assert.equal(customer.company_name, 'Northwind Traders Ltd');
  assert.equal(customer.created_at, '2025-01-10T09:00:00.000Z');
  assert.deepEqual(customer.metadata, { account_ref: 'ACC-00001', 'Contract Type': 'Managed Services' });
  assert.equal(customer.address_line3, null);
  assert.equal(customer.__response__.statusCode, 200);
});

test('customers.list honours created_at[gt] sent by the client as created_at%5Bgt%5D', async () => {
  await seed(smallWorld);
  const page = await client().customers.list({ created_at: { gt: '2025-02-01T00:00:00.000Z' } });

  assert.deepEqual(page.customers.map((c) => c.id), ['CU000AAA000002']);
  assert.equal(page.meta.cursors.after, null);
  assert.equal(page.meta.limit, 50);
});

test('an idempotent creation conflict is resolved by the client fetching the conflicting customer', async () => {
  const gc = client();
  const details = { given_name: 'Ada', family_name: 'Lovelace', email: 'ada@example.com', metadata: { account_ref: 'ACC-42' } };
  const first = await gc.customers.create(details, 'contract-idempotency-key');
  const second = await gc.customers.create(details, 'contract-idempotency-key');

  assert.match(first.id, /^CU[0-9A-Z]{12}$/);
  assert.equal(second.id, first.id);
  const counts = await requestCounts();
  assert.equal(counts['POST /gocardless/customers'], 2);
  assert.equal(counts['GET /gocardless/customers/{id}'], 1);
});
