// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using static GoCardlessHalo.Emulator.GoCardless.PaymentStatuses;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>
/// Generates payments by walking each one along a lifecycle path through <see cref="PaymentStateMachine"/>
/// and stopping at the data set's "as of" moment, so statuses and event histories always agree.
/// </summary>
internal sealed class GcPaymentGenerator
{
    // Paths after creation, with weights out of 100. Recent payments stop early, so every status occurs.
    private static readonly (int Weight, string Start, string[] Steps)[] Paths =
    {
        (78, PendingSubmission, new[] { Submitted, Confirmed, PaidOut }),
        (7, PendingSubmission, new[] { Submitted, Failed }),
        (4, PendingSubmission, new[] { Submitted, Failed, PendingSubmission, Submitted, Confirmed, PaidOut }),
        (4, PendingSubmission, new[] { Cancelled }),
        (2, PendingSubmission, new[] { Submitted, Confirmed, PaidOut, ChargedBack }),
        (1, PendingSubmission, new[] { Submitted, Confirmed, PaidOut, Failed }),
        (1, PendingCustomerApproval, new[] { CustomerApprovalDenied }),
        (3, PendingCustomerApproval, new[] { PendingSubmission, Submitted, Confirmed, PaidOut }),
    };

    private static readonly string[] FailureCauses = { "insufficient_funds", "insufficient_funds", "refer_to_payer", "bank_account_closed", "mandate_cancelled" };

    private static readonly Dictionary<string, string> CurrencyByScheme =
        GcSampleData.Countries.GroupBy(c => c.Scheme).ToDictionary(g => g.Key, g => g.First().Currency);

    private readonly Random _rng;
    private readonly GcIds _ids;
    private readonly DateTimeOffset _asOf;
    private readonly string _creditor;
    private readonly Dictionary<(DateOnly, string), string> _payouts = new();
    private readonly Dictionary<GcEventDetails, GcEventDetails> _details = new();

    public GcPaymentGenerator(Random rng, GcIds ids, DateTimeOffset asOf, string creditor)
    {
        _rng = rng;
        _ids = ids;
        _asOf = asOf;
        _creditor = creditor;
    }

    public void Generate(int count, IReadOnlyList<(GcMandate Mandate, DateTimeOffset From, DateTimeOffset To)> mandates, GcSeed seed)
    {
        if (mandates.Count == 0)
        {
            return;
        }

        seed.Payments.Capacity = count;
        for (var n = 0; n < count; n++)
        {
            var (mandate, from, to) = GcDataGenerator.Pick(_rng, mandates);
            var createdAt = GcDataGenerator.Millis(from + TimeSpan.FromTicks((long)(_rng.NextDouble() * (to - from).Ticks)));
            seed.Payments.Add(Walk(n, mandate, createdAt, seed.Events!));
        }
    }

    private GcPayment Walk(int number, GcMandate mandate, DateTimeOffset createdAt, List<GcEvent> events)
    {
        var path = PickPath();
        var currency = CurrencyByScheme[mandate.Scheme ?? "bacs"];
        var payment = new GcPayment
        {
            Id = _ids.Next("PM"),
            CreatedAt = createdAt,
            ChargeDate = ChargeDateAfter(createdAt),
            Amount = GcDataGenerator.Pick(_rng, GcSampleData.Amounts) * (currency is "SEK" or "DKK" ? 10 : 1),
            Currency = currency,
            Description = GcDataGenerator.Pick(_rng, GcSampleData.PaymentDescriptions),
            Reference = _rng.NextDouble() < 0.3 ? $"INV{number:D6}" : null,
            Metadata = _rng.NextDouble() < 0.2 ? new Dictionary<string, string> { ["invoice_id"] = $"INV-{number:D6}" } : GcMetadata.Empty,
            Status = path.Start,
            Scheme = mandate.Scheme,
            Links = new GcPaymentLinks { Mandate = mandate.Id, Creditor = _creditor },
        };
        events.Add(Intern(GcEventFactory.PaymentCreated(_ids.Next("EV"), createdAt, payment)));
        var at = createdAt;
        foreach (var next in path.Steps)
        {
            var when = GcDataGenerator.Millis(StepTime(payment, next, at));
            if (when > _asOf)
            {
                break;
            }

            var move = PaymentStateMachine.Find(payment.Status, next)!;
            payment = payment with
            {
                Status = next,
                ChargeDate = move.Action == "resubmission_requested" ? ChargeDateAfter(when) : payment.ChargeDate,
                Links = next == PaidOut ? payment.Links with { Payout = Payout(payment) } : payment.Links,
            };
            var cause = next == Failed && move.From == Submitted ? GcDataGenerator.Pick(_rng, FailureCauses) : null;
            var written = Intern(GcEventFactory.PaymentTransition(_ids.Next("EV"), when, payment, move, cause));
            events.Add(written);
            if (move.SettlementAction is { } settlement && when.AddDays(1) <= _asOf)
            {
                events.Add(Intern(GcEventFactory.PaymentSettlement(_ids.Next("EV"), when.AddDays(1), payment, settlement, written.Id)));
            }

            at = when;
        }

        return payment;
    }

    private (string Start, string[] Steps) PickPath()
    {
        var roll = _rng.Next(100);
        foreach (var (weight, start, steps) in Paths)
        {
            roll -= weight;
            if (roll < 0)
            {
                return (start, steps);
            }
        }

        return (Paths[0].Start, Paths[0].Steps);
    }

    // When the next status is reached, relative to the charge date as the banks work.
    private DateTimeOffset StepTime(GcPayment payment, string next, DateTimeOffset previous)
    {
        var chargeDay = new DateTimeOffset(payment.ChargeDate!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var proposed = (payment.Status, next) switch
        {
            (_, Submitted) => chargeDay.AddDays(-2).AddHours(14),
            (_, Confirmed) => chargeDay.AddDays(1).AddHours(9),
            (_, PaidOut) => previous.AddDays(1).AddHours(2),
            (Submitted, Failed) => chargeDay.AddDays(1).AddHours(8),
            (_, Failed) => previous.AddDays(_rng.Next(3, 11)),
            (_, ChargedBack) => previous.AddDays(_rng.Next(10, 51)),
            (_, Cancelled) => previous.AddHours(_rng.Next(1, 30)),
            (_, PendingSubmission) or (_, CustomerApprovalDenied) => previous.AddHours(_rng.Next(2, 48)),
            _ => previous.AddHours(1),
        };
        var earliest = previous.AddMinutes(1);
        return proposed > earliest ? proposed.AddMinutes(_rng.Next(0, 60)) : earliest;
    }

    private DateOnly ChargeDateAfter(DateTimeOffset at)
    {
        var date = DateOnly.FromDateTime(at.UtcDateTime).AddDays(_rng.Next(3, 7));
        return date.DayOfWeek switch
        {
            DayOfWeek.Saturday => date.AddDays(2),
            DayOfWeek.Sunday => date.AddDays(1),
            _ => date,
        };
    }

    // One payout per charge date and currency, as GoCardless batches collections.
    private string Payout(GcPayment payment)
    {
        var key = (payment.ChargeDate!.Value, payment.Currency!);
        if (!_payouts.TryGetValue(key, out var id))
        {
            id = _ids.Next("PO");
            _payouts[key] = id;
        }

        return id;
    }

    // Most events of a kind share identical details; sharing one instance keeps 100k-payment data sets small.
    private GcEvent Intern(GcEvent e)
    {
        if (!_details.TryGetValue(e.Details, out var shared))
        {
            _details[e.Details] = e.Details;
            return e;
        }

        return e with { Details = shared };
    }
}
