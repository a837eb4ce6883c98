// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync.Import;
using GoCardlessHalo.Output;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows what Import-GcUser would do with each customer, and why, without writing anything.</para>
    /// <para type="description">The same rules and the same output as Import-GcUser, as objects you can inspect, sort and
    /// export: Action is what the import would do (Created, Updated, Linked, Unchanged or Skipped), MatchedBy the rule that
    /// decides, Changes every field it would set, Reason and NearestClients why an unmatched company goes to the Default Site.
    /// It takes no lock and needs no write permission; the integration need not be enabled.</para>
    /// <para type="description">Customers come from the pipeline (Get-GcCustomer), from -CustomerId, or, when neither is given,
    /// from GoCardless (every customer).</para>
    /// <para type="link">Import-GcUser</para>
    /// <para type="link">Get-GcCustomer</para>
    /// <para type="link">Get-GcUser</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Get-GcImportPlan | Format-Table CustomerId, CustomerName, Action, MatchedBy, Client, Site</code>
    /// <para>Where every GoCardless customer would go: Link (already linked, updated where it lives), Email (an existing contact
    /// with the same email is linked), CompanyName (the invoice site of the Halo customer with that name) or DefaultSite.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcImportPlan | Where-Object MatchedBy -EQ 'DefaultSite' | Select-Object CustomerName, Reason, NearestClients</code>
    /// <para>The customers that would land in the Default Site, why, and the nearest Halo customer names, so a company name can be
    /// fixed in GoCardless or in Halo before importing.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcImportPlan -CustomerId CU000123ABC -MatchMode Normalized | Select-Object -ExpandProperty Changes</code>
    /// <para>Every field Import-GcUser -MatchMode Normalized would set for one customer (Field, OldValue, NewValue); Normalized also
    /// ignores punctuation, repeated spaces and legal suffixes such as Ltd or GmbH when matching company names.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcCustomer | Get-GcImportPlan | Export-Csv import-plan.csv -NoTypeInformation</code>
    /// <para>The plan as a spreadsheet to review with the accounts team before the first import.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "GcImportPlan", DefaultParameterSetName = AllSet)]
    [OutputType(typeof(GcImportResult))]
    public sealed class GetGcImportPlanCommand : CustomerInputCmdlet
    {
        private GoCardlessClient? _client;
        private IHaloTarget? _target;
        private UserImporter? _importer;
        private int _writes;

        /// <summary>How company names are compared with Halo customer names, as for Import-GcUser; default: the matchMode setting.
        /// Exact: equal after trimming and ignoring case. Normalized: for a company that no Halo customer names exactly, also ignore
        /// punctuation, repeated spaces and legal suffixes (Ltd, LLC, GmbH, …).</summary>
        [Parameter]
        public GcMatchMode? MatchMode { get; set; }

        internal override GoCardlessClient GoCardless => _client!;

        protected override void Begin()
        {
            _client = Connections.CreateGoCardlessClient();
            _target = Connections.CreateHaloTarget();
            Await(_target.OpenAsync(CancellationToken));
            _importer = new UserImporter(_target, ImportOptions.FromSettings(Context.Settings, ImportResultMapper.ToEngine(MatchMode)), Log, audit: null);
            using (var ledger = Connections.OpenLedgerToRead())
            {
                Await(_importer.PrepareAsync(ledger, CancellationToken));
            }
        }

        /// <summary>The batch size Import-GcUser would use (its -BatchSize), for the request count in the closing line; default 50.</summary>
        [Parameter]
        [ValidateRange(1, 1000)]
        public int BatchSize { get; set; } = 50;

        // The plan's cost, in Halo requests, is said at the end on the information stream (shown like Write-Host,
        // capturable with 6>): the output stays one object per customer.
        protected override void End()
        {
            HandleAllWhenNoneGiven();
            var cost = _importer!.Cost(_writes, BatchSize);
            WriteInformation(new HostInformationMessage { Message = cost.ToString() }, new[] { "PSHOST", "GoCardlessHalo.RequestCost" });
        }

        protected override void DisposeResources()
        {
            _target?.Dispose();
            _client?.Dispose();
        }

        internal override void Handle(Customer customer)
        {
            var plan = _importer!.Plan(customer);
            if (plan.WritesToHalo)
            {
                _writes++;
            }

            WriteObject(ImportResultMapper.ToOutput(UserImporter.WithoutWrite(plan)));
        }
    }
}
