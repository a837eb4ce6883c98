// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Emulator.Admin;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>
/// All emulated GoCardless state. One lock guards it; resources are immutable records, so a page taken under
/// the lock can be serialised after it is released.
/// </summary>
public sealed class GcStore : IEmulatorState
{
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _idempotencyKeys = new(StringComparer.Ordinal);
    private GcIds _ids = new(DefaultIdStart);
    private DateTimeOffset _lastStamp = DateTimeOffset.MinValue;

    public GcStore()
    {
        BankAccounts.DefineIndex("customer", b => b.Links.Customer);
        Mandates.DefineIndex("customer", m => m.Links.Customer);
        Mandates.DefineIndex("customer_bank_account", m => m.Links.CustomerBankAccount);
        Payments.DefineIndex("mandate", p => p.Links.Mandate);
        Payments.DefineIndex("customer", p => p.Links.Mandate is { } m ? Mandates.Find(m)?.Links.Customer : null);
        Events.DefineIndex("resource_type", e => e.ResourceType);
        Events.DefineIndex("payment", e => e.Links.Payment);
        Events.DefineIndex("mandate", e => e.Links.Mandate);
        Reset();
    }

    private const long DefaultIdStart = 0x1_0000_0000L;

    public ResourceTable<GcCreditor> Creditors { get; } = new();

    public ResourceTable<GcCustomer> Customers { get; } = new();

    public ResourceTable<GcCustomerBankAccount> BankAccounts { get; } = new();

    public ResourceTable<GcMandate> Mandates { get; } = new();

    public ResourceTable<GcPayment> Payments { get; } = new();

    public ResourceTable<GcEvent> Events { get; } = new();

    /// <summary>Runs <paramref name="read"/> under the store's lock.</summary>
    public T Read<T>(Func<GcStore, T> read)
    {
        lock (_gate)
        {
            return read(this);
        }
    }

    /// <summary>Back to one creditor and nothing else.</summary>
    public void Reset() => Load(new GcSeed(), DefaultIdStart);

    /// <summary>Replaces all state with <paramref name="seed"/>; <paramref name="idStart"/> scatters new ids per data set.</summary>
    public void Load(GcSeed seed, long idStart = DefaultIdStart)
    {
        lock (_gate)
        {
            _idempotencyKeys.Clear();
            _ids = new GcIds(idStart);
            _lastStamp = DateTimeOffset.MinValue;
            foreach (var table in new Action[] { Events.Clear, Payments.Clear, Mandates.Clear, BankAccounts.Clear, Customers.Clear, Creditors.Clear })
            {
                table();
            }

            var creditors = seed.Creditors.Count > 0
                ? seed.Creditors
                : new List<GcCreditor> { DefaultCreditor(_ids.Next("CR")) };
            Creditors.Load(Complete(creditors, "CR", (c, id, at) => c with { Id = id, CreatedAt = at }));
            Customers.Load(Complete(seed.Customers, "CU", (c, id, at) => c with { Id = id, CreatedAt = at }));
            BankAccounts.Load(Complete(seed.CustomerBankAccounts, "BA", (b, id, at) => b with { Id = id, CreatedAt = at }));
            Mandates.Load(Complete(seed.Mandates, "MD", (m, id, at) => m with { Id = id, CreatedAt = at }));
            Payments.Load(Complete(seed.Payments, "PM", (p, id, at) => p with { Id = id, CreatedAt = at }));
            Events.Load(seed.Events is null
                ? CreatedEvents()
                : Complete(seed.Events, "EV", (e, id, at) => e with { Id = id, CreatedAt = at }));
        }
    }

    /// <summary>The first creditor: the account the emulator's access token belongs to.</summary>
    public GcCreditor Creditor => Read(s => s.Creditors[0]);

    /// <summary>The id an idempotency key already created, if any.</summary>
    public string? Created(string? idempotencyKey) =>
        idempotencyKey is null ? null : Read(s => s._idempotencyKeys.GetValueOrDefault(idempotencyKey));

    /// <summary>Adds a customer built by <paramref name="build"/> (given a fresh id and time) unless the key was used; then throws the 409.</summary>
    public GcCustomer AddCustomer(string? idempotencyKey, Func<string, DateTimeOffset, GcCustomer> build) =>
        Add(Customers, "CU", idempotencyKey, build, _ => { });

    /// <summary>Adds a payment and its "created" event, guarded by the idempotency key like <see cref="AddCustomer"/>.</summary>
    public GcPayment AddPayment(string? idempotencyKey, Func<string, DateTimeOffset, GcPayment> build) =>
        Add(Payments, "PM", idempotencyKey, build, p => Events.Append(GcEventFactory.PaymentCreated(NewId("EV", Events), NextStamp(), p)));

    /// <summary>
    /// Moves a payment to <paramref name="status"/> and writes its event(s). Throws 404 for an unknown payment
    /// and 422 invalid_state with <paramref name="rejectReason"/> for a move the lifecycle does not allow.
    /// <paramref name="willAttemptRetry"/> plays Success+: a failure of a payment created with retry_if_possible that
    /// GoCardless will retry; the payment's next move back to pending_submission is then GoCardless's own resubmission.
    /// </summary>
    public (GcPayment Payment, IReadOnlyList<GcEvent> Events) Transition(string paymentId, string status, string? cause = null, string rejectReason = "invalid_transition", bool willAttemptRetry = false)
    {
        lock (_gate)
        {
            var payment = Payments.Find(paymentId) ?? throw GcError.NotFound();
            if (willAttemptRetry && (status != PaymentStatuses.Failed || !payment.RetryIfPossible))
            {
                throw GcError.Validation("transition", ("will_attempt_retry", "is only for a move to failed of a payment created with retry_if_possible"));
            }

            var move = PaymentStateMachine.Find(payment.Status, status);
            if (move is null)
            {
                var allowed = PaymentStateMachine.NextStatuses(payment.Status);
                throw GcError.InvalidState(422, rejectReason, allowed.Count == 0
                    ? $"Payment {paymentId} is {payment.Status}, which is final: it cannot move to {status}."
                    : $"Payment {paymentId} is {payment.Status} and cannot move to {status}. From {payment.Status} it can move to: {string.Join(", ", allowed)}.");
            }

            var moved = payment with
            {
                Status = status,
                Links = status == PaymentStatuses.PaidOut && payment.Links.Payout is null
                    ? payment.Links with { Payout = _ids.Next("PO") }
                    : payment.Links,
            };
            Payments.Replace(moved);
            move = move.To == PaymentStatuses.PendingSubmission && LastFailureWillRetry(paymentId) ? PaymentStateMachine.AutoRetry : move;
            var written = new List<GcEvent> { GcEventFactory.PaymentTransition(NewId("EV", Events), NextStamp(), moved, move, cause, willAttemptRetry) };
            if (move.SettlementAction is { } settlement)
            {
                written.Add(GcEventFactory.PaymentSettlement(NewId("EV", Events), NextStamp(), moved, settlement, written[0].Id));
            }

            written.ForEach(Events.Append);
            return (moved, written);
        }
    }

    // The newest failed event of the payment said GoCardless will retry it (Success+).
    private bool LastFailureWillRetry(string paymentId) =>
        Events.Positions("payment", paymentId).Select(p => Events[p]).LastOrDefault(e => e.Action == "failed")?.Details.WillAttemptRetry == true;

    /// <summary>Mandate statuses a test or demo may move a mandate to, each with the event GoCardless writes.</summary>
    public static readonly IReadOnlyList<string> MandateTransitionStatuses = new[] { "submitted", "active", "cancelled", "failed", "expired", "consumed", "blocked" };

    /// <summary>
    /// Sets a mandate's status now and writes its mandates event (action = the status; "reinstated" when a
    /// cancelled or expired mandate becomes active again). No lifecycle is enforced: this is a test control.
    /// </summary>
    public (GcMandate Mandate, GcEvent Event) TransitionMandate(string mandateId, string status)
    {
        lock (_gate)
        {
            var mandate = Mandates.Find(mandateId) ?? throw GcError.NotFound();
            var moved = mandate with { Status = status };
            Mandates.Replace(moved);
            var action = status == "active" && mandate.Status is "cancelled" or "expired" ? "reinstated" : status;
            var written = GcEventFactory.Mandate(NewId("EV", Events), NextStamp(), moved, action);
            Events.Append(written);
            return (moved, written);
        }
    }

    private T Add<T>(ResourceTable<T> table, string prefix, string? idempotencyKey, Func<string, DateTimeOffset, T> build, Action<T> after)
        where T : class, IGcResource
    {
        lock (_gate)
        {
            if (idempotencyKey is not null && _idempotencyKeys.TryGetValue(idempotencyKey, out var existing))
            {
                throw GcError.IdempotentCreationConflict(existing);
            }

            var item = build(NewId(prefix, table), NextStamp());
            table.Append(item);
            after(item);
            if (idempotencyKey is not null)
            {
                _idempotencyKeys[idempotencyKey] = item.Id;
            }

            return item;
        }
    }

    private string NewId<T>(string prefix, ResourceTable<T> table) where T : class, IGcResource =>
        _ids.Next(prefix, id => table.Find(id) is not null);

    // New resources must sort after everything already stored (lists are ordered by created_at), so the clock
    // never goes backwards even when seeded data lies in the future.
    private DateTimeOffset NextStamp()
    {
        var now = DateTimeOffset.UtcNow;
        now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        _lastStamp = now > _lastStamp ? now : _lastStamp.AddMilliseconds(1);
        return _lastStamp;
    }

    private IEnumerable<T> Complete<T>(IEnumerable<T> items, string prefix, Func<T, string, DateTimeOffset, T> with)
        where T : class, IGcResource
    {
        var list = items.ToList();
        foreach (var item in list.Where(i => i.CreatedAt > _lastStamp))
        {
            _lastStamp = item.CreatedAt;
        }

        var ids = new HashSet<string>(list.Select(i => i.Id), StringComparer.Ordinal);
        return list.Select(item => string.IsNullOrEmpty(item.Id) || item.CreatedAt == default
            ? with(item, string.IsNullOrEmpty(item.Id) ? _ids.Next(prefix, ids.Contains) : item.Id, item.CreatedAt == default ? NextStamp() : item.CreatedAt)
            : item).ToList();
    }

    private IEnumerable<GcEvent> CreatedEvents()
    {
        var events = new List<GcEvent>();
        events.AddRange(Mandates.All().Select(m => GcEventFactory.Mandate(_ids.Next("EV"), m.CreatedAt, m, "created")));
        events.AddRange(Payments.All().Select(p => GcEventFactory.PaymentCreated(_ids.Next("EV"), p.CreatedAt, p)));
        return events;
    }

    private static GcCreditor DefaultCreditor(string id) => new()
    {
        Id = id,
        CreatedAt = new DateTimeOffset(2020, 1, 6, 9, 0, 0, TimeSpan.Zero),
        Name = "Emulated Creditor Ltd",
        AddressLine1 = "1 Emulator Way",
        City = "London",
        PostalCode = "EC1V 9HX",
        CountryCode = "GB",
    };
}
