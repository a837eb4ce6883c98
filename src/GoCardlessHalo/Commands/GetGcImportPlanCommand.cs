// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Management.Automation;
using GoCardlessHalo.Base;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync.Import;
using GoCardlessHalo.Models;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows what Import-GcUser would do with each customer, and why, without writing anything.</para>
    /// <para type="description">The same rules and the same output as Import-GcUser, as objects you can inspect, sort and
    /// export: Action is what the import would do (Created, Updated, Linked, Unchanged or Skipped), MatchedBy the rule that
    /// decides, Changes every field it would set, Reason and NearestClients why an unmatched company goes to the Default Site.
    /// It takes no lock and needs no write permission; the integration need not be enabled.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "GcImportPlan", DefaultParameterSetName = AllSet)]
    [OutputType(typeof(GcImportResult))]
    public sealed class GetGcImportPlanCommand : CustomerInputCmdlet
    {
        private GoCardlessClient? _client;
        private IHaloTarget? _target;
        private UserImporter? _importer;

        /// <summary>Exact (default) or Normalized company-name matching, as for Import-GcUser.</summary>
        [Parameter]
        public GcMatchMode MatchMode { get; set; } = GcMatchMode.Exact;

        internal override GoCardlessClient GoCardless => _client!;

        protected override void Begin()
        {
            _client = Connections.CreateGoCardlessClient();
            _target = Connections.CreateHaloTarget();
            Await(_target.OpenAsync(CancellationToken));
            _importer = new UserImporter(_target, ImportOptions.FromSettings(Context.Settings, ImportResults.ToEngine(MatchMode), batchSize: 1), Log, audit: null);
            Await(_importer.PrepareAsync(CancellationToken));
        }

        protected override void End() => HandleAllWhenNoneGiven();

        protected override void DisposeResources()
        {
            _target?.Dispose();
            _client?.Dispose();
        }

        internal override void Handle(Customer customer) =>
            WriteObject(ImportResults.ToOutput(UserImporter.WithoutWrite(_importer!.Plan(customer))));
    }
}
