// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Completion;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Output;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists payments, newest first, like the "GoCardless Payments" tab on a Halo user.</para>
    /// <para type="description">Reads the payment ledger kept by Sync-GcPayment: filter by Halo user (binds by property name from
    /// Get-GcUser), GoCardless customer (from Get-GcCustomer), status and charge date. -Live asks GoCardless directly instead
    /// (one customer at a time; a Halo user is looked up by its link). Each payment carries its dashboard URL; pipe to
    /// Open-GcPayment to open it.</para>
    /// <para type="description">Without a user or customer, every payment in the ledger is listed. The ledger is filled by
    /// Sync-GcPayment: run it first (payments of customers not linked to a Halo user are not in the ledger).</para>
    /// <para type="link">Sync-GcPayment</para>
    /// <para type="link">Open-GcPayment</para>
    /// <para type="link">Get-GcUser</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Get-GcUser -CustomerId CU000123ABC | Get-GcPayment</code>
    /// <para>The payments of the Halo user linked to GoCardless customer CU000123ABC, newest first, as Halo's "GoCardless
    /// Payments" tab shows them: PaymentId, ChargeDate, Status, Amount, Currency.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcPayment -Status failed, charged_back -Since (Get-Date).AddDays(-30)</code>
    /// <para>Every payment that failed or was charged back with a charge date in the last 30 days, for a dunning list.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcPayment -CustomerId CU000123ABC -Live</code>
    /// <para>Asks GoCardless now instead of reading the ledger (Source is Live), for example to check a payment Sync-GcPayment has
    /// not picked up yet.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcPayment -CustomerId CU000123ABC | Select-Object -First 1 | Open-GcPayment</code>
    /// <para>Opens the customer's most recent payment in the GoCardless dashboard.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "GcPayment")]
    [OutputType(typeof(GcPayment))]
    public sealed class GetGcPaymentCommand : GcCmdlet
    {
        // Queries already answered: objects that carry both ids (payments, sync changes) pipe in many per user.
        private readonly HashSet<(int?, string?)> _asked = new HashSet<(int?, string?)>();
        private PaymentLedger? _ledger;
        private IReadOnlyDictionary<string, CollectedInvoice>? _invoices;
        private DashboardLinks? _dashboard;
        private GoCardlessClient? _client;
        private IHaloTarget? _target;
        private IReadOnlyDictionary<int, string>? _customerOfUser;
        private IReadOnlyDictionary<int, HaloUser>? _users;

        /// <summary>Payments of these Halo users (user ids), also by property name from Get-GcUser output.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        public int[] HaloUserId { get; set; } = Array.Empty<int>();

        /// <summary>Payments of these GoCardless customers (CU…), also by property name from Get-GcCustomer output or any object
        /// with a CustomerId property.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyCollection]
        [ArgumentCompleter(typeof(CustomerIdCompleter))]
        public string[] CustomerId { get; set; } = Array.Empty<string>();

        /// <summary>Only payments in these GoCardless statuses, e.g. pending_submission, submitted, confirmed, paid_out, failed,
        /// cancelled, charged_back.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PaymentStatusCompleter))]
        public string[]? Status { get; set; }

        /// <summary>Only payments with a charge date on or after this date.</summary>
        [Parameter]
        public DateTime? Since { get; set; }

        /// <summary>Only payments whose status changed at or after this time (GoCardless's event time), e.g. (Get-Date).AddDays(-1).
        /// History read by the first Sync-GcPayment has no change time and never matches: only changes since the module started
        /// watching.</summary>
        [Parameter]
        public DateTime? ChangedSince { get; set; }

        /// <summary>Do not read Halo for each payment's Client and Site (the ledger alone answers; Halo is not contacted).</summary>
        [Parameter]
        public SwitchParameter NoHaloLookup { get; set; }

        /// <summary>Ask GoCardless now instead of reading the ledger (needs -CustomerId or -HaloUserId; a Halo user is looked up by
        /// its link to a GoCardless customer).</summary>
        [Parameter]
        public SwitchParameter Live { get; set; }

        protected override void Begin()
        {
            // Checked before anything is read, so a typo is a clear error rather than an empty result.
            foreach (var status in Status ?? Array.Empty<string>())
            {
                PaymentStatus.Parse(status);
            }

            if (Live)
            {
                _client = Connections.CreateGoCardlessClient();
            }
            else
            {
                _ledger = Connections.OpenLedgerToRead();
                _dashboard = Connections.Dashboard();
                if (_ledger is null)
                {
                    WriteVerbose("There is no payment ledger yet: Sync-GcPayment creates it and fills it.");
                    return;
                }

                Await(_ledger.EnsureReadyAsync(CancellationToken));
                _invoices = Await(CollectedInvoices.ReadAsync(_ledger, CancellationToken));
            }
        }

        // Halo user and customer ids come one object at a time, from the pipeline (Get-GcUser, Get-GcCustomer, or anything
        // carrying both, such as a payment) or from the command line; both given means payments of that user AND customer.
        protected override void Process()
        {
            var customers = (CustomerId ?? Array.Empty<string>()).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList();
            if (HaloUserId.Length == 0 && customers.Count == 0)
            {
                return;
            }

            foreach (var user in HaloUserId.Length == 0 ? new int?[] { null } : HaloUserId.Select(u => (int?)u))
            {
                foreach (var customer in customers.Count == 0 ? new string?[] { null } : customers.ToArray<string?>())
                {
                    if (!_asked.Add((user, customer)))
                    {
                        continue;
                    }

                    var liveCustomer = Live && customer is null ? CustomerOfUser(user!.Value) : customer;
                    if (!Live || liveCustomer is not null) // a user without a link is already reported
                    {
                        Write(new PaymentQuery { HaloUserId = user, CustomerId = liveCustomer });
                    }
                }
            }
        }

        protected override void End()
        {
            if (_asked.Count > 0)
            {
                return;
            }

            if (Live)
            {
                Fail(ErrorRecords.Argument(ErrorIds.ParameterMissing, "-Live asks GoCardless about one customer at a time: give -CustomerId or -HaloUserId (or pipe Get-GcCustomer or Get-GcUser output).", "Live"));
            }

            Write(new PaymentQuery());
        }

        protected override void DisposeResources()
        {
            _ledger?.Dispose();
            _client?.Dispose();
            _target?.Dispose();
        }

        private void Write(PaymentQuery query)
        {
            if (!Live && _ledger is null)
            {
                return;
            }

            query.Statuses = Status?.Select(PaymentStatus.Parse).ToList();
            query.Since = Since;
            query.ChangedSince = ChangedSince is { } changed ? new DateTimeOffset(changed.ToUniversalTime()) : (DateTimeOffset?)null;
            var payments = Live
                ? LivePayments.ReadAsync(_client!, query, CancellationToken)
                : _ledger!.QueryAsync(query, _dashboard, CancellationToken);
            foreach (var payment in Stream(payments))
            {
                var output = PaymentMapper.ToOutput(payment, payment.HaloUserId is { } id ? Users()?.TryGetValue(id, out var user) == true ? user : null : null);
                if (_invoices is not null && _invoices.TryGetValue(payment.PaymentId, out var invoice))
                {
                    // A payment New-GcPayment created: the Halo invoice it collects.
                    output.InvoiceId = invoice.InvoiceId;
                    output.InvoiceNumber = invoice.InvoiceNumber;
                }

                WriteObject(output);
            }
        }

        // Halo, opened once for whichever of the two lookups comes first.
        private UserSearch OpenUserSearch()
        {
            if (_target is null)
            {
                _target = Connections.CreateHaloTarget();
                Await(_target.OpenAsync(CancellationToken));
            }

            return new UserSearch(_target, Await(UserFieldResolver.ResolveLinkFieldAsync(_target, Context.Settings.Halo.LinkField, CancellationToken)));
        }

        // Where each linked user lives now (Client, Site), read from Halo once, at the first payment that has a user. Halo out
        // of reach is a warning: the ledger still answers.
        private IReadOnlyDictionary<int, HaloUser>? Users()
        {
            if (_users is not null || NoHaloLookup)
            {
                return _users;
            }

            try
            {
                _users = Await(OpenUserSearch().LinkedUsersByIdAsync(CancellationToken));
            }
            catch (GcHaloException ex) when (ex.Kind is not ErrorKind.InvalidArgument)
            {
                WriteWarning($"Client and Site are left empty: Halo could not be read ({ex.Message}).");
                _users = new Dictionary<int, HaloUser>();
            }

            return _users;
        }

        // -Live with a Halo user: GoCardless knows customers, not Halo users, so the user's link says which customer.
        private string? CustomerOfUser(int userId)
        {
            if (_customerOfUser is null)
            {
                _customerOfUser = Await(OpenUserSearch().CustomerByUserAsync(CancellationToken));
            }

            if (_customerOfUser.TryGetValue(userId, out var customer))
            {
                return customer;
            }

            WriteItemError(new GcHaloException(ErrorIds.HaloUserNotLinked, ErrorKind.NotFound, $"The Halo user {userId} is not linked to a GoCardless customer, so GoCardless cannot be asked for its payments. Import-GcUser links users.", userId));
            return null;
        }
    }
}
