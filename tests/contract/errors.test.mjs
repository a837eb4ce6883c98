// Copyright (c) GoCardlessHalo contributors. MIT licence.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  AuthenticationError, InvalidApiUsageError, RateLimitError, ValidationFailedError,
} from 'gocardless-nodejs';
import { client, admin, reset, seed, apiUrl, smallWorld } from './emulator.mjs';

beforeEach(reset);

test('404 for an unknown customer becomes InvalidApiUsageError with reason resource_not_found', async () => {
  await assert.rejects(client().customers.find('CU000000NOPE00'), (error) => {
    assert.ok(error instanceof InvalidApiUsageError);
    assert.equal(error.code, 404);
    assert.equal(error.errors[0].reason, 'resource_not_found');
    assert.match(error.requestId, /^[0-9a-f-]{36}$/);
    assert.match(error.documentationUrl, /^https:\/\/developer\.gocardless\.com\//);
    return true;
  });
});

test('401 for a wrong token becomes AuthenticationError', async () => {
  await assert.rejects(client('not-the-token').customers.list(), (error) => {
    assert.ok(error instanceof AuthenticationError);
    assert.equal(error.code, 401);
    assert.equal(error.errors[0].reason, 'unauthorized');
    return true;
  });
});

test('422 for four metadata keys becomes ValidationFailedError naming the field', async () => {
  const metadata = { a: '1', b: '2', c: '3', d: '4' };
  await assert.rejects(client().customers.create({ given_name: 'Too', family_name: 'Many', metadata }), (error) => {
    assert.ok(error instanceof ValidationFailedError);
    assert.equal(error.code, 422);
    assert.equal(error.errors[0].field, 'metadata');
    assert.equal(error.errors[0].request_pointer, '/customers/metadata');
    return true;
  });
});

test('429 once the per-minute budget is spent becomes RateLimitError, with the RateLimit headers present', async () => {
  await admin('/gocardless/rate-limit', { per_minute: 1 });
  const gc = client();
  await gc.customers.create({ given_name: 'First', family_name: 'Request' });

  // A POST, because the HTTP library under the client retries GETs on 429 by itself.
  await assert.rejects(gc.customers.create({ given_name: 'Second', family_name: 'Request' }), (error) => {
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.code, 429);
    assert.equal(error.errors[0].reason, 'rate_limit_exceeded');
    const headers = error.response.headers;
    assert.equal(headers['ratelimit-limit'], '1');
    assert.equal(headers['ratelimit-remaining'], '0');
    assert.ok(Date.parse(headers['ratelimit-reset']) > Date.now() - 1000);
    return true;
  });
});

test('limit above 500 is a 400 InvalidApiUsageError', async () => {
  await seed(smallWorld);
  await assert.rejects(client().payments.list({ limit: 501 }), (error) => {
    assert.ok(error instanceof InvalidApiUsageError);
    assert.equal(error.code, 400);
    return true;
  });
});

test('a request without GoCardless-Version is refused with 400 missing_version_header', async () => {
  const response = await fetch(`${apiUrl}/customers`, { headers: { Authorization: 'Bearer emulator-token' } });
  const body = await response.json();

  assert.equal(response.status, 400);
  assert.equal(body.error.type, 'invalid_api_usage');
  assert.equal(body.error.errors[0].reason, 'missing_version_header');
  assert.ok(response.headers.get('ratelimit-remaining'));
});
