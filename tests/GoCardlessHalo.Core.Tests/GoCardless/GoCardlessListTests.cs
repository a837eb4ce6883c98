// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo.Core.Tests.GoCardless;

/// <summary>Lists and reads against the emulator: paging, filters, linked payments, field mapping.</summary>
public sealed class GoCardlessListTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public GoCardlessListTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.ResetAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Customers_stream_across_pages_newest_first_with_one_request_per_page()
    {
        await _emulator.GenerateAsync(customers: 1234, payments: 0);
        _emulator.ClearRequestCounts();
        using var client = _emulator.Client();

        var customers = await client.ListCustomersAsync().ToListAsync();

        Assert.Equal(1234, customers.Count);
        Assert.Equal(1234, customers.Select(c => c.Id).Distinct().Count());
        Assert.True(customers.Zip(customers.Skip(1)).All(p => p.First.CreatedAt >= p.Second.CreatedAt));
        Assert.Equal(3, _emulator.Count("GET /gocardless/customers"));
    }

    [Fact]
    public async Task Smaller_pages_cost_more_requests_and_return_the_same_customers()
    {
        await _emulator.GenerateAsync(customers: 250, payments: 0);
        using var client = _emulator.Client();
        var all = await client.ListCustomersAsync().ToListAsync();
        _emulator.ClearRequestCounts();

        var paged = await client.ListCustomersAsync(new CustomerFilter { PageSize = 100 }).ToListAsync();

        Assert.Equal(all.Select(c => c.Id), paged.Select(c => c.Id));
        Assert.Equal(3, _emulator.Count("GET /gocardless/customers"));
    }

    [Fact]
    public async Task Created_at_bounds_select_exactly_the_customers_inside_them()
    {
        await _emulator.GenerateAsync(customers: 300, payments: 0);
        using var client = _emulator.Client();
        var all = await client.ListCustomersAsync().ToListAsync();
        var from = all[200].CreatedAt;
        var to = all[50].CreatedAt;

        var window = await client.ListCustomersAsync(new CustomerFilter { CreatedAfter = from, CreatedOnOrBefore = to, PageSize = 40 }).ToListAsync();

        Assert.Equal(all.Where(c => c.CreatedAt > from && c.CreatedAt <= to).Select(c => c.Id), window.Select(c => c.Id));
        Assert.Equal(150, window.Count);
    }

    [Fact]
    public async Task Payments_filtered_by_customer_are_exactly_those_under_the_customers_mandates()
    {
        await _emulator.GenerateAsync(customers: 20, payments: 400);
        using var client = _emulator.Client();
        var mandates = await client.ListMandatesAsync().ToListAsync();
        var all = await client.ListPaymentsAsync().ToListAsync();
        var customer = mandates.Single(m => m.Id == all[0].MandateId).CustomerId!;
        var ofCustomer = mandates.Where(m => m.CustomerId == customer).Select(m => m.Id).ToHashSet();

        var filtered = await client.ListPaymentsAsync(new PaymentFilter { Customer = customer, PageSize = 7 }).ToListAsync();

        Assert.NotEmpty(filtered);
        Assert.Equal(all.Where(p => ofCustomer.Contains(p.MandateId!)).Select(p => p.Id), filtered.Select(p => p.Id));
    }

    [Fact]
    public async Task Payments_filtered_by_status_and_mandates_by_status_list()
    {
        await _emulator.GenerateAsync(customers: 60, payments: 500);
        using var client = _emulator.Client();
        var payments = await client.ListPaymentsAsync().ToListAsync();
        var mandates = await client.ListMandatesAsync().ToListAsync();

        var failed = await client.ListPaymentsAsync(new PaymentFilter { Status = PaymentStatus.Failed }).ToListAsync();
        var notActive = await client.ListMandatesAsync(new MandateFilter { Statuses = new[] { MandateStatus.Cancelled, MandateStatus.Failed } }).ToListAsync();

        Assert.Equal(payments.Where(p => p.Status == PaymentStatus.Failed).Select(p => p.Id), failed.Select(p => p.Id));
        Assert.Equal(mandates.Where(m => m.Status is MandateStatus.Cancelled or MandateStatus.Failed).Select(m => m.Id), notActive.Select(m => m.Id));
        Assert.NotEmpty(failed);
    }

    [Fact]
    public async Task Bank_accounts_filter_by_customer_and_link_back_to_it()
    {
        await _emulator.GenerateAsync(customers: 10, payments: 0);
        using var client = _emulator.Client();
        var customer = (await client.ListCustomerBankAccountsAsync().FirstAsync()).CustomerId!;

        var accounts = await client.ListCustomerBankAccountsAsync(new CustomerBankAccountFilter { Customer = customer }).ToListAsync();

        var account = Assert.Single(accounts);
        Assert.Equal(customer, account.CustomerId);
        Assert.True(account.Enabled);
        Assert.Matches("^[0-9]{2}$", account.AccountNumberEnding);
    }

    [Fact]
    public async Task Payment_events_carry_their_linked_payment()
    {
        await _emulator.GenerateAsync(customers: 10, payments: 120);
        using var client = _emulator.Client();

        var events = await client.ListEventsAsync(new EventFilter { ResourceType = "payments", PageSize = 50 }).ToListAsync();

        Assert.True(events.Count > 120);
        Assert.All(events, e =>
        {
            Assert.Equal("payments", e.ResourceType);
            Assert.Equal(e.PaymentId, e.Payment!.Id);
        });
        Assert.Contains(events, e => e.Action == "paid_out" && e.Details.Origin == "gocardless" && e.Details.Cause == "payment_paid_out");
    }

    [Fact]
    public async Task A_seeded_customer_and_payment_read_back_with_every_field()
    {
        await _emulator.PostAdminAsync("gocardless/seed", new
        {
            customers = new[]
            {
                new
                {
                    id = "CU00003068FG73", created_at = "2015-03-26T18:06:37.820Z", email = "frank.osborne@example.com",
                    given_name = "Frank", family_name = "Osborne", company_name = "Osborne Dental Ltd", address_line1 = "27 Acer Road",
                    country_code = "GB", metadata = new Dictionary<string, string> { ["Contract Type"] = "Managed", ["account_ref"] = "ACC-7" },
                },
            },
            mandates = new[] { new { id = "MD00001PEYCSQF", created_at = "2015-03-27T09:00:00.000Z", scheme = "bacs", status = "active", links = new { customer = "CU00003068FG73" } } },
            payments = new[] { new { id = "PM00008KWW97PE", created_at = "2015-04-14T09:34:09.141Z", charge_date = "2015-04-17", amount = 5_000_000_000L, currency = "GBP", status = "paid_out", links = new { mandate = "MD00001PEYCSQF", payout = "PO123" } } },
        });
        using var client = _emulator.Client();

        var customer = await client.GetCustomerAsync("CU00003068FG73");
        var payment = await client.GetPaymentAsync("PM00008KWW97PE");

        Assert.Equal(new DateTimeOffset(2015, 3, 26, 18, 6, 37, 820, TimeSpan.Zero), customer.CreatedAt);
        Assert.Equal("Osborne Dental Ltd", customer.CompanyName);
        Assert.Equal("Frank Osborne", customer.DisplayName);
        Assert.Equal("Managed", customer.Metadata["Contract Type"]);
        Assert.Null(customer.AddressLine3);
        Assert.Equal(5_000_000_000L, payment.Amount);
        Assert.Equal(new DateTime(2015, 4, 17), payment.ChargeDate);
        Assert.Equal("MD00001PEYCSQF", payment.MandateId);
        Assert.Equal("PO123", payment.PayoutId);
        Assert.Equal("paid_out", payment.Status);
    }

    [Fact]
    public async Task Token_validation_returns_the_creditor()
    {
        using var client = _emulator.Client();

        var creditor = await client.ValidateTokenAsync();

        Assert.NotNull(creditor);
        Assert.StartsWith("CR", creditor!.Id);
        Assert.Equal("Emulated Creditor Ltd", creditor.Name);
        Assert.Equal(1000, client.RateLimit!.Limit);
    }
}
