// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Sync.Payments;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>
    /// Decides, for each invoice, whether it is charged, under which mandate, for how much and when — or why not
    /// (issue 9). Pure: the same invoices, mandates, ledger and options always give the same plan, which is what
    /// Get-GcCollectionPlan shows and what New-GcPayment -WhatIf describes.
    /// </summary>
    public static class CollectionPlanner
    {
        // GoCardless accepts payments under mandates still being set up; the next possible charge date allows for it.
        private static readonly string[] UsableMandateStatuses = { "active", "pending_submission", "submitted" };

        /// <summary>Plans every invoice in scope (due on or before <see cref="CollectionOptions.DueBefore"/>, when set).</summary>
        public static CollectionPlan Plan(
            IEnumerable<HaloInvoice> invoices,
            IReadOnlyList<PayerMandate> payers,
            IReadOnlyDictionary<int, PriorCollection> priors,
            CollectionOptions options)
        {
            var byClient = payers.Where(p => UsableMandateStatuses.Contains(p.Status)).ToLookup(p => p.ClientId);
            var items = invoices
                .Where(i => options.DueBefore is not { } due || (i.DueDate ?? i.InvoiceDate).Date <= due.Date)
                .OrderBy(i => i.Id)
                .Select(i => PlanOne(i, byClient[i.ClientId].ToList(), priors.TryGetValue(i.Id, out var prior) ? prior : null, options))
                .ToList();
            return new CollectionPlan(items, options.MaximumRunTotal);
        }

        /// <summary>What the collectable items add up to, minor units per currency.</summary>
        internal static IReadOnlyDictionary<string, long> Totals(IEnumerable<CollectionPlanItem> items) =>
            items.Where(i => i.Collectable)
                .GroupBy(i => i.Currency!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(i => i.Amount!.Value), StringComparer.Ordinal);

        private static CollectionPlanItem PlanOne(HaloInvoice invoice, List<PayerMandate> candidates, PriorCollection? prior, CollectionOptions options)
        {
            var item = new CollectionPlanItem { Invoice = invoice, Currency = invoice.Currency };
            if (invoice.Currency is { } code && MinorUnits.FromMajor(invoice.AmountDue, code) is { } due)
            {
                item.Amount = due;
            }

            if (prior is not null && !(prior.DidNotCollect && !prior.GoCardlessRetrying && options.Retry))
            {
                return Prior(item, prior);
            }

            item.Attempt = prior is null ? 1 : prior.Attempt + 1;
            item.RetriedPaymentId = prior?.PaymentId;
            return Eligibility(item, options) ?? ChooseMandate(item, candidates, options);
        }

        /// <summary>An invoice the ledger already has a payment for: live, changed since, or failed (retry needed).</summary>
        private static CollectionPlanItem Prior(CollectionPlanItem item, PriorCollection prior)
        {
            var invoice = item.Invoice;
            item.ExistingPaymentId = prior.PaymentId;
            item.Attempt = prior.Attempt;
            if (prior.GoCardlessRetrying)
            {
                return Skip(item, CollectionSkipReason.GoCardlessRetrying,
                    $"Payment {prior.PaymentId} for this invoice failed and GoCardless will retry it (will_attempt_retry); it is not charged again, not even with -Retry, unless that retry fails for good.");
            }

            if (prior.DidNotCollect)
            {
                return Skip(item, CollectionSkipReason.PreviousAttemptFailed,
                    $"Payment {prior.PaymentId} for this invoice is {prior.PaymentStatus}; charge it again only with -Retry.");
            }

            if (ChangeSince(invoice, prior) is { } change)
            {
                return Skip(item, CollectionSkipReason.ChangedAfterCollection,
                    $"Payment {prior.PaymentId ?? "(being recorded)"} ({prior.PaymentStatus ?? "being recorded"}) collects {CurrencyAmounts.Format(prior.Amount, prior.Currency)}, but the invoice {change}. Review it; New-GcPayment -CancelChanged cancels the payment while GoCardless still allows it (before it is submitted to the banks).");
            }

            return Skip(item, CollectionSkipReason.AlreadyCollected,
                $"Payment {prior.PaymentId ?? "(being recorded)"} already collects {CurrencyAmounts.Format(prior.Amount, prior.Currency)} for it.");
        }

        /// <summary>
        /// How the invoice changed in Halo since its payment was created, in words, or null: voided, its total edited (a
        /// credit line included), another currency, or — while Halo cannot yet hold this payment, which is recorded only once
        /// confirmed or paid out — less due than the payment collects (a credit note or another payment allocated to it).
        /// </summary>
        internal static string? ChangeSince(HaloInvoice invoice, PriorCollection prior)
        {
            var was = CurrencyAmounts.Format(prior.InvoiceTotal, prior.Currency);
            if (invoice.Voided)
            {
                return $"is now void (it totalled {was})";
            }

            if (!string.Equals(invoice.Currency, prior.Currency, StringComparison.Ordinal))
            {
                return $"is now in {invoice.Currency ?? "an unknown currency"} (it was in {prior.Currency})";
            }

            if (MinorUnits.FromMajor(invoice.Total, prior.Currency) != prior.InvoiceTotal)
            {
                return $"now totals {Exact(invoice.Total, prior.Currency)} (it totalled {was})";
            }

            var due = MinorUnits.FromMajor(invoice.AmountDue, prior.Currency);
            var notYetInHalo = prior.PaymentStatus is null or PaymentStatus.PendingCustomerApproval or PaymentStatus.PendingSubmission or PaymentStatus.Submitted;
            return notYetInHalo && due < prior.Amount
                ? $"now has {Exact(invoice.AmountDue, prior.Currency)} due: a credit or another payment was recorded against it in Halo"
                : null;
        }

        /// <summary>The invoice's own reasons not to charge it, before any mandate is looked at.</summary>
        private static CollectionPlanItem? Eligibility(CollectionPlanItem item, CollectionOptions options)
        {
            var invoice = item.Invoice;
            if (invoice.Voided)
            {
                return Skip(item, CollectionSkipReason.Voided, "The invoice is void in Halo.");
            }

            if (!invoice.Posted)
            {
                return Skip(item, CollectionSkipReason.NotPosted, "The invoice is not posted in Halo yet.");
            }

            if (options.HeldInvoices.Contains(invoice.Id) || options.HeldClients.Contains(invoice.ClientId))
            {
                return Skip(item, CollectionSkipReason.OnHold, options.HeldInvoices.Contains(invoice.Id) ? "The invoice is on hold." : $"Customer {invoice.ClientName} is on hold.");
            }

            if (invoice.AmountDue <= 0)
            {
                return Skip(item, CollectionSkipReason.NothingDue, invoice.Total < 0
                    ? $"A credit note ({Money(invoice.Total, invoice.Currency)}) is never collected."
                    : "Nothing is due: the invoice is paid.");
            }

            if (invoice.Currency is null)
            {
                return Skip(item, CollectionSkipReason.CurrencyUnknown, "Halo gave no ISO currency code for the invoice; set its currency record's name to the code (GBP, EUR, …).");
            }

            if (item.Amount is null)
            {
                return Skip(item, CollectionSkipReason.AmountNotExact,
                    $"{invoice.AmountDue.ToString(CultureInfo.InvariantCulture)} has more decimals than {invoice.Currency} has; correct the invoice in Halo.");
            }

            if (options.MaximumAmount is { } maximum && invoice.AmountDue > maximum)
            {
                return Skip(item, CollectionSkipReason.AboveMaximum,
                    $"{Money(invoice.AmountDue, invoice.Currency)} is above -MaximumAmount {maximum.ToString(CultureInfo.InvariantCulture)}.");
            }

            return null;
        }

        /// <summary>The one mandate that pays it, by the rules in issue 9; several candidates are never guessed between.</summary>
        private static CollectionPlanItem ChooseMandate(CollectionPlanItem item, List<PayerMandate> candidates, CollectionOptions options)
        {
            var invoice = item.Invoice;
            if (candidates.Count == 0)
            {
                return Skip(item, CollectionSkipReason.NoMandate, $"No linked Halo user of {invoice.ClientName} has an active mandate.");
            }

            var matching = candidates.Where(c => SchemeCurrencies.CurrencyOf(c.Scheme) == invoice.Currency).ToList();
            if (matching.Count == 0)
            {
                return Skip(item, CollectionSkipReason.CurrencyNotCollectable,
                    $"{invoice.Currency} cannot be collected on {string.Join(", ", candidates.Select(c => $"{c.MandateId} ({c.Scheme} collects {SchemeCurrencies.CurrencyOf(c.Scheme) ?? "an unknown currency"})"))}.");
            }

            var chosen = matching.Count == 1 ? matching : options.MandateChoice switch
            {
                MandateChoice.InvoiceUser => matching.Where(c => c.UserId == invoice.UserId).ToList(),
                MandateChoice.CustomerField when options.DesignatedCustomers.TryGetValue(invoice.ClientId, out var customer) =>
                    matching.Where(c => string.Equals(c.CustomerId, customer.Trim(), StringComparison.OrdinalIgnoreCase)).ToList(),
                _ => new List<PayerMandate>(),
            };
            if (chosen.Count != 1)
            {
                return Skip(item, CollectionSkipReason.SeveralMandates,
                    $"{matching.Count} mandates could pay it ({string.Join(", ", matching.Select(c => $"{c.MandateId} of {c.UserName}"))}) and the rule {options.MandateChoice} does not pick one; set the rule, or leave one linked payer.");
            }

            var payer = chosen[0];
            item.Payer = payer;
            if (payer.MandateCustomerId is { } owner && !string.Equals(owner, payer.CustomerId, StringComparison.OrdinalIgnoreCase))
            {
                return Skip(item, CollectionSkipReason.MandateOfAnotherCustomer,
                    $"Mandate {payer.MandateId} belongs to {owner}, not to {payer.CustomerId} linked to {payer.UserName}.");
            }

            item.ChargeDate = ChargeDate(payer.NextPossibleChargeDate, invoice.DueDate, options.Today);
            return item;
        }

        /// <summary>Never before the mandate allows or before today; the due date when that is later.</summary>
        internal static DateTime ChargeDate(DateTime? nextPossible, DateTime? due, DateTime today)
        {
            var date = (nextPossible ?? today).Date;
            date = date < today.Date ? today.Date : date;
            return due is { } d && d.Date > date ? d.Date : date;
        }

        internal static string? OverRunTotal(IReadOnlyDictionary<string, long> totals, decimal? maximum)
        {
            if (maximum is not { } limit)
            {
                return null;
            }

            foreach (var total in totals.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                if (total.Value > MinorUnits.Floor(limit, total.Key))
                {
                    return $"The run would charge {CurrencyAmounts.Format(total.Value, total.Key)}, above the run total of {limit.ToString(CultureInfo.InvariantCulture)} {total.Key}; nothing was charged. Narrow the scope or raise the total.";
                }
            }

            return null;
        }

        private static CollectionPlanItem Skip(CollectionPlanItem item, CollectionSkipReason reason, string text)
        {
            item.Skip = reason;
            item.Reason = text;
            return item;
        }

        // With the currency's own decimals (120.00 GBP), as the amounts collected are shown; as Halo gave it when not exact.
        private static string Exact(decimal amount, string currency) =>
            MinorUnits.FromMajor(amount, currency) is { } minor ? CurrencyAmounts.Format(minor, currency) : Money(amount, currency);

        private static string Money(decimal amount, string? currency) =>
            amount.ToString(CultureInfo.InvariantCulture) + (currency is null ? string.Empty : " " + currency);
    }
}
