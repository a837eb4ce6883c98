// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>
    /// Writes the payment summary to linked Halo users through the field mappings whose source is a payment
    /// summary, so agents see it inside Halo. The summary is computed from the ledger for every linked user and
    /// compared with the values the user already has (read at the start of the run); only differences are written,
    /// in batches. Computing it for all users rather than only those whose payments changed costs one ledger
    /// query, and heals a summary left behind by a run that failed after committing its payments.
    /// </summary>
    internal static class PaymentSummaryWriter
    {
        /// <summary>Status of the customer's last payment ("last" = latest charge date, ties by creation time).</summary>
        public const string LastStatus = "payment.last_status";

        /// <summary>Charge date of the last payment, yyyy-MM-dd.</summary>
        public const string LastChargeDate = "payment.last_charge_date";

        /// <summary>Amount of the last payment, e.g. "12.50 GBP".</summary>
        public const string LastAmount = "payment.last_amount";

        /// <summary>Status of the customer's most recent mandate.</summary>
        public const string MandateStatus = "mandate.status";

        public static async Task<int> WriteAsync(PaymentSyncRun run, IHaloTarget halo, CancellationToken cancellationToken)
        {
            var mappings = run.Options.SummaryMappings;
            if (mappings.Count == 0 || run.Links.Links.Count == 0)
            {
                return 0;
            }

            var watch = Stopwatch.StartNew();
            var payments = new Dictionary<string, PaymentRecord>(StringComparer.Ordinal);
            await foreach (var (customer, latest) in run.Ledger.ReadLatestPaymentsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (run.Links.IsLinked(customer))
                {
                    payments[customer] = latest;
                }
            }

            var mandates = new Dictionary<string, string>(StringComparer.Ordinal);
            await foreach (var (customer, status) in run.Ledger.ReadLatestMandatesAsync(cancellationToken).ConfigureAwait(false))
            {
                if (run.Links.IsLinked(customer))
                {
                    mandates[customer] = status;
                }
            }

            var plans = run.Links.Links
                .Select(link => Plan(link.User, link.CustomerId, mappings, payments, mandates))
                .Where(plan => plan is not null)
                .Select(plan => plan!)
                .ToList();
            foreach (var batch in plans.Batches(run.Options.HaloBatchSize))
            {
                await halo.WriteUsersAsync(batch.Select(p => p.Write).ToList(), cancellationToken).ConfigureAwait(false);
                foreach (var plan in batch)
                {
                    foreach (var value in plan.After)
                    {
                        plan.User.CustomFields[value.Key] = value.Value;
                    }

                    run.Audit.Summary(plan.User.Id, plan.CustomerId, plan.Before, plan.After);
                }
            }

            run.Log.Verbose($"Sync-GcPayment: payment summary of {run.Links.Links.Count} linked user(s) checked; {plans.Count} written to Halo in {watch.ElapsedMilliseconds} ms.");
            return plans.Count;
        }

        /// <summary>The summary value of one source, or null when there is nothing to show (no payment, no mandate).</summary>
        public static string? Value(string source, PaymentRecord? lastPayment, string? mandateStatus) => source switch
        {
            LastStatus => lastPayment?.Status,
            LastChargeDate => lastPayment?.ChargeDate is { } date ? IsoTime.Date(date) : null,
            LastAmount => lastPayment is null ? null : CurrencyAmounts.Format(lastPayment.Amount, lastPayment.Currency),
            MandateStatus => mandateStatus,
            _ => null,
        };

        private static SummaryPlan? Plan(HaloUser user, string customerId, IReadOnlyList<FieldMapping> mappings, Dictionary<string, PaymentRecord> payments, Dictionary<string, string> mandates)
        {
            payments.TryGetValue(customerId, out var payment);
            mandates.TryGetValue(customerId, out var mandate);
            var before = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            var after = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var mapping in mappings)
            {
                var value = Value(mapping.GoCardlessField, payment, mandate);
                user.CustomFields.TryGetValue(mapping.HaloField, out var current);

                // Nothing to show is not a reason to erase what is there.
                if (value is null || string.Equals(current ?? string.Empty, value, StringComparison.Ordinal))
                {
                    continue;
                }

                before[mapping.HaloField] = current;
                after[mapping.HaloField] = value;
            }

            return after.Count == 0
                ? null
                : new SummaryPlan(user, customerId, before, after, new HaloUserWrite { Id = user.Id, CustomFields = new Dictionary<string, string?>(after, StringComparer.OrdinalIgnoreCase) });
        }

        private sealed record SummaryPlan(HaloUser User, string CustomerId, Dictionary<string, string?> Before, Dictionary<string, string?> After, HaloUserWrite Write);
    }
}
