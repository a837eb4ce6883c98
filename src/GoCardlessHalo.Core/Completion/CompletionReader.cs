// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Completion
{
    /// <summary>Reads the names the completers offer from Halo and GoCardless (what Update-GcCompletionCache runs).</summary>
    public static class CompletionReader
    {
        /// <summary>Active customers, active sites (as "Customer/Site" and by name), and the Text fields of users.</summary>
        public static async Task<CompletionUpdate> ReadHaloAsync(IHaloTarget halo, CancellationToken cancellationToken)
        {
            var clients = new List<HaloClient>();
            await foreach (var client in halo.GetClientsAsync(cancellationToken).ConfigureAwait(false))
            {
                clients.Add(client);
            }

            var sites = new List<HaloSite>();
            await foreach (var site in halo.GetSitesAsync(cancellationToken).ConfigureAwait(false))
            {
                sites.Add(site);
            }

            return HaloNames(clients, sites, await halo.GetUserFieldsAsync(cancellationToken).ConfigureAwait(false));
        }

        /// <summary>The Halo names completion offers, from what a run read (Import-GcUser reads all three anyway).</summary>
        public static CompletionUpdate HaloNames(IEnumerable<HaloClient> clients, IEnumerable<HaloSite> sites, IEnumerable<HaloFieldDefinition> fields)
        {
            var active = clients.Where(c => !c.Inactive).ToDictionary(c => c.Id, c => c.Name);
            var activeSites = sites.Where(s => !s.Inactive && active.ContainsKey(s.ClientId)).ToList();
            return new CompletionUpdate
            {
                HaloClients = active.Values.ToList(),
                HaloSites = activeSites.Select(s => active[s.ClientId] + "/" + s.Name).ToList(),
                HaloSiteNames = activeSites.Select(s => s.Name).ToList(),
                HaloUserTextFields = fields.Where(f => f.IsUserText).Select(f => f.Name).ToList(),
            };
        }

        /// <summary>Every customer's id and metadata keys, added to <paramref name="update"/>.</summary>
        public static async Task ReadGoCardlessAsync(GoCardlessClient gocardless, CompletionUpdate update, CancellationToken cancellationToken)
        {
            var ids = new List<string>();
            var keys = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            await foreach (var customer in gocardless.ListCustomersAsync(null, cancellationToken).ConfigureAwait(false))
            {
                ids.Add(customer.Id);
                keys.UnionWith(customer.Metadata.Keys);
            }

            update.GoCardlessCustomerIds = ids;
            update.GoCardlessMetadataKeys = keys;
        }
    }
}
