// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>
/// Body of POST /__admin/gocardless/seed, in GoCardless's own resource shapes. Ids are kept as given; a
/// missing id or created_at is filled in. Without creditors a default creditor is created; without events,
/// a "created" event is written for every mandate and payment at its created_at.
/// </summary>
public sealed class GcSeed
{
    public List<GcCreditor> Creditors { get; set; } = new();

    public List<GcCustomer> Customers { get; set; } = new();

    public List<GcCustomerBankAccount> CustomerBankAccounts { get; set; } = new();

    public List<GcMandate> Mandates { get; set; } = new();

    public List<GcPayment> Payments { get; set; } = new();

    public List<GcEvent>? Events { get; set; }
}
