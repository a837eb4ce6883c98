// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.Completion;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Output;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Reads the names tab completion offers from Halo and GoCardless and caches them beside the settings.</para>
    /// <para type="description">The module's argument completers (-Client, -Site, -DefaultSite, -HaloField, -GoCardlessField,
    /// -CustomerId) never contact Halo or GoCardless, so the prompt never waits on the network: they offer what the cache file
    /// GoCardlessHalo.completion.json beside the settings holds. Update-GcCompletionCache fills it: active Halo customers and
    /// sites, the Text custom fields of users, and every GoCardless customer id and metadata key. Import-GcUser refreshes the
    /// same names as it reads them. Run it once after Enable-GcModule, and again when Halo's customers change.</para>
    /// <para type="description">The cache holds customer ids and company names, so on Linux and macOS it is created readable by
    /// its owner only; on Windows it takes the settings folder's permissions. -Status needs no cache.</para>
    /// <para type="link">about_GoCardlessHalo</para>
    /// <para type="link">Import-GcUser</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Update-GcCompletionCache</code>
    /// <para>Reads the names and shows how many of each kind the cache now holds.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Update-GcCompletionCache -SkipGoCardless; Get-GcUser -Client Ac&lt;Tab&gt;</code>
    /// <para>Refreshes only the Halo names, then completes a Halo customer name.</para>
    /// </example>
    [Cmdlet(VerbsData.Update, "GcCompletionCache")]
    [OutputType(typeof(GcCompletionCache))]
    public sealed class UpdateGcCompletionCacheCommand : GcCmdlet
    {
        private IHaloTarget? _target;
        private GoCardlessClient? _client;

        /// <summary>Leave the GoCardless names (customer ids, metadata keys) as they are: reads only Halo.</summary>
        [Parameter]
        public SwitchParameter SkipGoCardless { get; set; }

        protected override void End()
        {
            _target = Connections.CreateHaloTarget();
            Await(_target.OpenAsync(CancellationToken));
            var update = Await(CompletionReader.ReadHaloAsync(_target, CancellationToken));
            if (!SkipGoCardless)
            {
                _client = Connections.CreateGoCardlessClient();
                Await(CompletionReader.ReadGoCardlessAsync(_client, update, CancellationToken));
            }

            var cache = new CompletionCache(Context.Location);
            var names = cache.Update(update, DateTimeOffset.UtcNow);
            WriteVerbose($"Completion names written to {cache.Path}.");
            WriteObject(new GcCompletionCache
            {
                Path = cache.Path,
                UpdatedAt = names.UpdatedAt,
                Clients = names.HaloClients.Count,
                Sites = names.HaloSites.Count,
                HaloFields = names.HaloUserTextFields.Count,
                MetadataKeys = names.GoCardlessMetadataKeys.Count,
                CustomerIds = names.GoCardlessCustomerIds.Count,
            });
        }

        protected override void DisposeResources()
        {
            _target?.Dispose();
            _client?.Dispose();
        }
    }
}
