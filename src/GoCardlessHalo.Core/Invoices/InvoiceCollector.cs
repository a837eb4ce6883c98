// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Timing;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>The moments between the steps of one charge, where a test may "kill" the run.</summary>
    internal enum CollectionCheckpoint
    {
        /// <summary>The attempt is in the ledger; nothing sent yet.</summary>
        IntentRecorded,

        /// <summary>GoCardless answered with the payment; the ledger does not know it yet.</summary>
        PaymentCreated,

        /// <summary>The ledger holds the payment.</summary>
        PaymentRecorded,
    }

    /// <summary>
    /// Charges planned invoices, each exactly once. For every charge: (1) the attempt and its Idempotency-Key are
    /// committed to the ledger, (2) the payment is created with that key, (3) the payment id is committed. A run that
    /// dies between (1) and (3) leaves an attempt without a payment id; <see cref="ResolveInterruptedAsync"/> sends the
    /// same request with the same key again, and GoCardless either creates the payment (the first request never
    /// arrived) or answers 409 idempotent_creation_conflict naming the payment it created (https://developer.gocardless.com/pro#idempotent_creation_conflict), which
    /// the client fetches. Either way one payment, never two.
    /// </summary>
    public sealed class InvoiceCollector
    {
        private readonly GoCardlessClient client;
        private readonly CollectionLedger ledger;
        private readonly IClock clock;
        private readonly IEngineLog log;
        private readonly AuditLog? audit;

        /// <summary>A collector charging through <paramref name="client"/> and recording in <paramref name="ledger"/> (and <paramref name="audit"/>).</summary>
        public InvoiceCollector(GoCardlessClient client, PaymentLedger ledger, IClock? clock = null, IEngineLog? log = null, AuditLog? audit = null)
        {
            this.audit = audit;
            this.client = client ?? throw new ArgumentNullException(nameof(client));
            this.ledger = new CollectionLedger(ledger);
            this.clock = clock ?? SystemClock.Instance;
            this.log = log ?? NullEngineLog.Instance;
        }

        /// <summary>
        /// True: payments are created with <c>retry_if_possible: true</c> (setting collection.retryIfPossible), so GoCardless's
        /// Success+ may retry a failed one itself; false sends nothing (GoCardless does not retry).
        /// </summary>
        public bool RetryIfPossible { get; set; }

        /// <summary>Test seam: called at each checkpoint; an exception thrown here stands for the process dying.</summary>
        internal Func<CollectionCheckpoint, int, Task>? Checkpoint { get; set; }

        /// <summary>The latest attempt of every invoice the ledger knows, for the planner.</summary>
        public async Task<IReadOnlyDictionary<int, PriorCollection>> LoadPriorsAsync(CancellationToken cancellationToken) =>
            CollectionLedger.Latest(await ledger.LoadAsync(cancellationToken).ConfigureAwait(false));

        /// <summary>Completes every attempt an earlier run left without a payment id (see the class remarks). Run before planning.</summary>
        public async IAsyncEnumerable<CollectionResult> ResolveInterruptedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await ReconcileInterruptedAuditAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in await ledger.LoadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (row.PaymentId is null)
                {
                    log.Verbose($"Collection: invoice {row.InvoiceNumber} attempt {row.Attempt} has no recorded payment; re-sending key {row.IdempotencyKey}.");
                    var result = await ChargeAsync(row, cancellationToken).ConfigureAwait(false);
                    if (result.Action == CollectionAction.Created)
                    {
                        result.Action = CollectionAction.AlreadyCollected;
                        result.Reason = $"Completed an interrupted run: payment {result.PaymentId} belongs to Idempotency-Key {row.IdempotencyKey}.";
                    }

                    yield return result;
                }
            }
        }

        // Charges, cancels and settlements a killed run recorded and did not log (ConfirmedCollections, the one place);
        // only a writing New-GcPayment holding the sync lock calls ResolveInterruptedAsync, before its first charge or cancel.
        private Task ReconcileInterruptedAuditAsync(CancellationToken cancellationToken) =>
            ConfirmedCollections.ReconcileAsync(audit, ledger, log, cancellationToken);

        /// <summary>
        /// Charges the plan's collectable invoices that <paramref name="approve"/> accepts (the cmdlet's ShouldProcess),
        /// and reports the others. A plan over its run total charges nothing.
        /// </summary>
        /// <exception cref="GcHaloException">CollectionRunTotalExceeded, before anything is charged.</exception>
        public async IAsyncEnumerable<CollectionResult> CollectAsync(
            CollectionPlan plan, Func<CollectionPlanItem, bool> approve, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            EnsureWithinRunTotal(plan);
            foreach (var item in plan.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!item.Collectable)
                {
                    yield return Describe(item);
                }
                else if (approve(item))
                {
                    if (item.RetriedPaymentId is { } previous
                        && await GoCardlessRetries.WhyNotChargeAgainAsync(client, previous, cancellationToken).ConfigureAwait(false) is { } retrying)
                    {
                        var skipped = Result(item, CollectionAction.Skipped, previous, retrying);
                        skipped.Skip = CollectionSkipReason.GoCardlessRetrying;
                        yield return skipped;
                        continue;
                    }

                    var row = Row(item);
                    await ledger.RecordIntentAsync(row, clock.UtcNow, cancellationToken).ConfigureAwait(false);
                    await Pass(CollectionCheckpoint.IntentRecorded, row).ConfigureAwait(false);
                    var result = await ChargeAsync(row, cancellationToken).ConfigureAwait(false);
                    result.ClientName = item.Invoice.ClientName;
                    yield return result;
                }
            }
        }

        /// <summary>Stops a run over its configured total before anything is charged (or asked about).</summary>
        /// <exception cref="GcHaloException">CollectionRunTotalExceeded.</exception>
        public static void EnsureWithinRunTotal(CollectionPlan plan)
        {
            if (plan.RunTotalExceeded is { } over)
            {
                throw new GcHaloException(ErrorIds.CollectionRunTotalExceeded, ErrorKind.InvalidOperation, over);
            }
        }

        /// <summary>The result for an item the plan does not charge: AlreadyCollected, or Skipped with its reason.</summary>
        public static CollectionResult Describe(CollectionPlanItem item) =>
            Result(item, item.Skip == CollectionSkipReason.AlreadyCollected ? CollectionAction.AlreadyCollected : CollectionAction.Skipped, item.ExistingPaymentId, item.Reason);

        /// <summary>Steps (2) and (3) for a recorded attempt.</summary>
        private async Task<CollectionResult> ChargeAsync(CollectionRow row, CancellationToken cancellationToken)
        {
            var result = new CollectionResult
            {
                InvoiceId = row.InvoiceId, InvoiceNumber = row.InvoiceNumber, CustomerId = row.CustomerId, MandateId = row.MandateId, Amount = row.Amount,
                Currency = row.Currency, ChargeDate = row.ChargeDate,
            };
            Payment payment;
            try
            {
                payment = await client.CreatePaymentAsync(Request(row), row.IdempotencyKey, cancellationToken).ConfigureAwait(false);
            }
            catch (GoCardlessApiException ex) when (ex.HttpStatus >= 400 && ex.HttpStatus < 500 && ex.HttpStatus != 409 && ex.HttpStatus != 429)
            {
                // A definite refusal: GoCardless created nothing, so the attempt is forgotten and a later run may plan it again.
                await ledger.ForgetIntentAsync(row, cancellationToken).ConfigureAwait(false);
                result.Action = CollectionAction.Failed;
                result.ErrorId = ErrorIds.CollectionRefused;
                result.Reason = "GoCardless refused the payment: " + ex.Message;
                Audit("invoice.collection_refused", row, null, result.Reason);
                return result;
            }
            catch (GcHaloException ex) when (ex.Kind is ErrorKind.ConnectionFailed or ErrorKind.Timeout or ErrorKind.Remote or ErrorKind.RateLimited)
            {
                result.Action = CollectionAction.Failed;
                result.ErrorId = ErrorIds.CollectionOutcomeUnknown;
                result.Reason = $"GoCardless's answer did not arrive ({ex.Message}); the next run completes this charge with the same Idempotency-Key {row.IdempotencyKey}, never charging twice.";
                Audit("invoice.collection_unknown", row, null, result.Reason);
                return result;
            }

            await Pass(CollectionCheckpoint.PaymentCreated, row).ConfigureAwait(false);

            // Journaled before the ledger hears of the payment: a run killed before the line leaves the intent for the
            // next New-GcPayment (ReconcileInterruptedAudit); killed before the ledger write, ResolveInterruptedAsync logs it.
            var line = CollectionAudit.Line(ConfirmedCollections.Collected, row, payment.Id, null);
            audit?.Intend(ledger.Location, new[] { line });
            await ledger.RecordPaymentAsync(row, payment.Id, payment.Status, clock.UtcNow, cancellationToken).ConfigureAwait(false);
            await Pass(CollectionCheckpoint.PaymentRecorded, row).ConfigureAwait(false);
            audit?.WriteAll(new[] { line });
            audit?.Settle();
            log.Verbose($"Collection: invoice {row.InvoiceNumber} → payment {payment.Id} ({CurrencyAmounts.Format(row.Amount, row.Currency)}, {row.ChargeDate:yyyy-MM-dd}).");
            result.Action = CollectionAction.Created;
            result.PaymentId = payment.Id;
            result.ChargeDate = payment.ChargeDate ?? row.ChargeDate;
            return result;
        }

        private static NewPayment Request(CollectionRow row) => new NewPayment
        {
            Amount = row.Amount,
            Currency = row.Currency,
            ChargeDate = row.ChargeDate,
            MandateId = row.MandateId,
            Description = CollectionKeys.Description(row.InvoiceId, row.InvoiceNumber),
            Metadata = CollectionKeys.Metadata(row.InvoiceId, row.InvoiceNumber),
            RetryIfPossible = row.RetryIfPossible ? true : null,
        };

        private CollectionRow Row(CollectionPlanItem item) => new CollectionRow
        {
            InvoiceId = item.Invoice.Id,
            Attempt = item.Attempt,
            InvoiceNumber = item.Invoice.InvoiceNumber,
            IdempotencyKey = item.IdempotencyKey,
            MandateId = item.Payer!.MandateId,
            CustomerId = item.Payer.CustomerId,
            HaloUserId = item.Payer.UserId,
            Amount = item.Amount!.Value,
            InvoiceTotal = MinorUnits.FromMajor(item.Invoice.Total, item.Currency!) ?? item.Amount.Value,
            Currency = item.Currency!,
            ChargeDate = item.ChargeDate!.Value,
            RetryIfPossible = RetryIfPossible,
        };

        private static CollectionResult Result(CollectionPlanItem item, CollectionAction action, string? paymentId, string? reason) => new CollectionResult
        {
            InvoiceId = item.Invoice.Id,
            InvoiceNumber = item.Invoice.InvoiceNumber,
            ClientName = item.Invoice.ClientName,
            Action = action,
            PaymentId = paymentId,
            CustomerId = item.Payer?.CustomerId,
            MandateId = item.Payer?.MandateId,
            Amount = item.Amount,
            Currency = item.Currency,
            ChargeDate = item.ChargeDate,
            Skip = item.Skip,
            Reason = reason,
        };

        private void Audit(string action, CollectionRow row, string? paymentId, string? reason) => CollectionAudit.Write(audit, action, row, paymentId, reason);

        private Task Pass(CollectionCheckpoint checkpoint, CollectionRow row) => Checkpoint?.Invoke(checkpoint, row.InvoiceId) ?? Task.CompletedTask;
    }
}
