// Copyright (c) GoCardlessHalo contributors. MIT licence.
// Helpers shared by the contract tests: where the emulator is, its /__admin controls, and an official
// client pointed at it.
import { GoCardlessClient, Environments } from 'gocardless-nodejs';

/** Base URL of the running emulator (the tests append /gocardless and /__admin). */
export const emulatorUrl = (process.env.GC_EMULATOR_URL ?? 'http://127.0.0.1:5099').replace(/\/+$/, '');
export const apiUrl = `${emulatorUrl}/gocardless`;
export const token = process.env.GC_EMULATOR_TOKEN ?? 'emulator-token';

/** The official client, aimed at the emulator through its private base-URL field (settable at run time). */
export function client(accessToken = token) {
  const gc = new GoCardlessClient(accessToken, Environments.Sandbox);
  gc._api._baseUrl = apiUrl;
  return gc;
}

/** POSTs a JSON body to an /__admin control and returns the parsed answer (or null for 204). */
export async function admin(path, body) {
  const response = await fetch(`${emulatorUrl}/__admin${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`POST /__admin${path} answered ${response.status}: ${await response.text()}`);
  }
  return response.status === 204 ? null : response.json();
}

/** Clears all emulator state, request counts and faults. */
export const reset = () => admin('/reset');

/** Replaces the GoCardless state with resources in GoCardless's own shapes. */
export const seed = (state) => admin('/gocardless/seed', state);

/** Request counts by "METHOD /route". */
export async function requestCounts() {
  const response = await fetch(`${emulatorUrl}/__admin/requests`);
  return (await response.json()).byRoute;
}

/** A small, fixed data set: two customers (a company with custom fields and a person), their mandates and payments. */
export const smallWorld = {
  customers: [
    {
      id: 'CU000AAA000001', created_at: '2025-01-10T09:00:00.000Z', email: 'accounts@northwind.example',
      company_name: 'Northwind Traders Ltd', given_name: null, family_name: null, country_code: 'GB',
      metadata: { account_ref: 'ACC-00001', 'Contract Type': 'Managed Services' },
    },
    {
      id: 'CU000AAA000002', created_at: '2025-02-10T09:00:00.000Z', email: 'frank.osborne@example.com',
      given_name: 'Frank', family_name: 'Osborne', country_code: 'GB', metadata: {},
    },
  ],
  customer_bank_accounts: [
    { id: 'BA000AAA000001', created_at: '2025-01-10T09:01:00.000Z', account_holder_name: 'NORTHWIND TRADERS LTD', currency: 'GBP', links: { customer: 'CU000AAA000001' } },
    { id: 'BA000AAA000002', created_at: '2025-02-10T09:01:00.000Z', account_holder_name: 'FRANK OSBORNE', currency: 'GBP', links: { customer: 'CU000AAA000002' } },
  ],
  mandates: [
    { id: 'MD000AAA000001', created_at: '2025-01-10T09:02:00.000Z', scheme: 'bacs', status: 'active', links: { customer: 'CU000AAA000001', customer_bank_account: 'BA000AAA000001' } },
    { id: 'MD000AAA000002', created_at: '2025-02-10T09:02:00.000Z', scheme: 'bacs', status: 'cancelled', links: { customer: 'CU000AAA000002', customer_bank_account: 'BA000AAA000002' } },
  ],
  payments: [
    { id: 'PM000AAA000001', created_at: '2025-03-01T10:00:00.000Z', charge_date: '2025-03-06', amount: 12000, currency: 'GBP', status: 'paid_out', links: { mandate: 'MD000AAA000001' } },
    { id: 'PM000AAA000002', created_at: '2025-04-01T10:00:00.000Z', charge_date: '2025-04-04', amount: 12000, currency: 'GBP', status: 'confirmed', links: { mandate: 'MD000AAA000001' } },
    { id: 'PM000AAA000003', created_at: '2025-03-15T10:00:00.000Z', charge_date: '2025-03-20', amount: 4999, currency: 'GBP', status: 'failed', links: { mandate: 'MD000AAA000002' } },
  ],
};
