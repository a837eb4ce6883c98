// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Timing;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>How Sync-GcPayment runs.</summary>
    public sealed class PaymentSyncOptions
    {
        /// <summary>
        /// The Halo custom field holding the GoCardless customer id, as Halo names it (resolve the configured name
        /// with <see cref="UserFieldResolver"/> first).
        /// </summary>
        public string LinkField { get; set; } = HaloSettings.DefaultLinkField;

        /// <summary>
        /// Field mappings, with Halo field names resolved (<see cref="FromSettingsAsync"/> does it). Only those whose
        /// source is a payment summary (payment.last_status, payment.last_charge_date, payment.last_amount,
        /// mandate.status) are used here; with none, nothing is written to Halo.
        /// </summary>
        public IReadOnlyList<FieldMapping> Mappings { get; set; } = Array.Empty<FieldMapping>();

        /// <summary>
        /// How far before the watermark each run re-reads events (default 10 minutes). GoCardless creates events
        /// asynchronously, so one can appear after a newer one was listed; re-reading a window catches it, and the
        /// event ids remembered from that window stop it being applied twice.
        /// </summary>
        public TimeSpan OverlapWindow { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>Items per GoCardless list request, 1–500 (default 500: the fewest requests).</summary>
        public int PageSize { get; set; } = 500;

        /// <summary>Halo users per summary write (default 50).</summary>
        public int HaloBatchSize { get; set; } = 50;

        /// <summary>
        /// Customers linked since the last run get their payments read one customer at a time (one request each).
        /// When more than this many are new (default 100) one pass over all mandates and payments is cheaper, and
        /// is used instead.
        /// </summary>
        public int PerCustomerBackfillLimit { get; set; } = 100;

        /// <summary>
        /// Payments (or mandates) stored per backfill transaction (default 5,000: ten pages). Each commit waits for
        /// the disk, so a hundred thousand payments in 500-row commits would spend most of their time waiting; each
        /// transaction's changes are emitted as soon as it commits.
        /// </summary>
        public int BackfillRowsPerTransaction { get; set; } = 5000;

        /// <summary>
        /// How old the ledger's link map may be before a payment sync reads every linked Halo user again (default one
        /// day). Import-GcUser refreshes the map with the read it makes anyway, so a scheduled import keeps it fresh;
        /// <see cref="TimeSpan.Zero"/> reads Halo on every run (the behaviour before the link map).
        /// </summary>
        public TimeSpan LinkMapMaxAge { get; set; } = TimeSpan.FromDays(1);

        /// <summary>
        /// How often a payment sync reads again, by id, the ledger's payments not yet in a final state (default one
        /// day), so a status change whose event GoCardless listed later than <see cref="OverlapWindow"/> behind the
        /// watermark is still applied; <see cref="TimeSpan.Zero"/> turns this off.
        /// </summary>
        public TimeSpan ReconcileEvery { get; set; } = TimeSpan.FromDays(1);

        /// <summary>Time source for updated_at stamps (tests substitute a fixed clock).</summary>
        public IClock Clock { get; set; } = SystemClock.Instance;

        internal IReadOnlyList<FieldMapping> SummaryMappings =>
            (Mappings ?? Array.Empty<FieldMapping>()).Where(m => m.Source == FieldMappingSource.PaymentSummary).ToList();

        /// <summary>
        /// The options of the settings' link field and field mappings, each named as Halo names it (one read of Halo's
        /// user fields). A mapping may spell its field as Halo's setup screens show it or with the API's "CF" prefix,
        /// but the users' values are keyed by Halo's own name: compared under another spelling, every summary would
        /// look changed and be written again on every run.
        /// </summary>
        /// <exception cref="GcHaloException">LinkFieldInvalid when the link field is missing or not a Text/User field.</exception>
        public static async Task<PaymentSyncOptions> FromSettingsAsync(IHaloTarget halo, ModuleSettings settings, CancellationToken cancellationToken)
        {
            var fields = new UserFieldResolver(await halo.GetUserFieldsAsync(cancellationToken).ConfigureAwait(false));
            return new PaymentSyncOptions
            {
                LinkField = fields.LinkField(settings.Halo.LinkField),

                // A field Halo does not have keeps its name: writing it fails in Halo, naming the field.
                Mappings = settings.FieldMappings
                    .Select(m => fields.Find(m.HaloField) is { } field ? new FieldMapping(m.GoCardlessField, field.Name) : m)
                    .ToList(),
            };
        }

        /// <summary>Fails with <see cref="ErrorIds.PaymentSyncOptionsInvalid"/> naming the first option out of range.</summary>
        public void Validate()
        {
            string? problem = null;
            if (string.IsNullOrWhiteSpace(LinkField))
            {
                problem = "LinkField is empty: name the Halo custom field that holds the GoCardless customer id (default " + HaloSettings.DefaultLinkField + ").";
            }
            else if (OverlapWindow < TimeSpan.Zero || OverlapWindow > TimeSpan.FromDays(1))
            {
                problem = "OverlapWindow " + OverlapWindow + " is out of range: use 0 to 24 hours (default 10 minutes).";
            }
            else if (ReconcileEvery < TimeSpan.Zero)
            {
                problem = "ReconcileEvery " + ReconcileEvery + " is negative: use 0 to turn reconciliation off, or a period such as 1 day (the default).";
            }
            else if (PageSize < 1 || PageSize > 500)
            {
                problem = "PageSize " + PageSize + " is out of range: GoCardless returns 1 to 500 items per request.";
            }
            else if (HaloBatchSize < 1)
            {
                problem = "HaloBatchSize " + HaloBatchSize + " must be at least 1.";
            }
            else if (BackfillRowsPerTransaction < 1)
            {
                problem = "BackfillRowsPerTransaction " + BackfillRowsPerTransaction + " must be at least 1.";
            }
            else if (PerCustomerBackfillLimit < 0)
            {
                problem = "PerCustomerBackfillLimit " + PerCustomerBackfillLimit + " must not be negative.";
            }
            else if (LinkMapMaxAge < TimeSpan.Zero)
            {
                problem = "LinkMapMaxAge " + LinkMapMaxAge + " must not be negative (0 reads every linked Halo user on every run).";
            }
            else if (Clock is null)
            {
                problem = "Clock is missing.";
            }

            if (problem is not null)
            {
                throw new GcHaloException(ErrorIds.PaymentSyncOptionsInvalid, ErrorKind.InvalidArgument, "Sync-GcPayment options: " + problem);
            }
        }
    }
}
