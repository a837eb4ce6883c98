// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>
    /// Reads Halo's sites with each customer's invoice site marked. Halo's API description gives sites
    /// <c>isinvoicesite</c> and customers <c>main_site_id</c>, but list endpoints return reduced objects and no public
    /// source shows whether site LIST rows carry the flag (reference halo.md U3). When a row lacks it, the customer's
    /// <c>main_site_id</c> (one read of the customer list) tells; when that is missing too, the single-site GET does.
    /// </summary>
    internal sealed class HaloInvoiceSites
    {
        private readonly HaloApiConnection _connection;
        private readonly int _pageSize;
        private Dictionary<int, int>? _mainSiteByClient;

        public HaloInvoiceSites(HaloApiConnection connection, int pageSize)
        {
            _connection = connection;
            _pageSize = pageSize;
        }

        public async IAsyncEnumerable<HaloSite> ReadSitesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var filters = new[] { new KeyValuePair<string, string>("includeinactive", "true") };
            await foreach (var row in HaloPager.ReadAsync(_connection, "/api/Site", "sites", filters, _pageSize, cancellationToken).ConfigureAwait(false))
            {
                var site = HaloApiMapper.Site(row);
                if (!(HaloJson.Property(row, "isinvoicesite") is { ValueKind: not JsonValueKind.Null }))
                {
                    site.IsInvoiceSite = await IsInvoiceSiteAsync(site, cancellationToken).ConfigureAwait(false);
                }

                yield return site;
            }
        }

        private async Task<bool> IsInvoiceSiteAsync(HaloSite site, CancellationToken cancellationToken)
        {
            _mainSiteByClient ??= await ReadMainSitesAsync(cancellationToken).ConfigureAwait(false);
            if (_mainSiteByClient.TryGetValue(site.ClientId, out var main))
            {
                return main == site.Id;
            }

            using var document = await _connection.GetJsonAsync("/api/Site/" + site.Id.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            return HaloJson.Bool(document.RootElement, "isinvoicesite");
        }

        /// <summary>Customer id → main (invoice) site id, for the customers whose list rows carry a main_site_id above 0.</summary>
        private async Task<Dictionary<int, int>> ReadMainSitesAsync(CancellationToken cancellationToken)
        {
            var mainSites = new Dictionary<int, int>();
            var filters = new[] { new KeyValuePair<string, string>("includeinactive", "true") };
            await foreach (var row in HaloPager.ReadAsync(_connection, "/api/Client", "clients", filters, _pageSize, cancellationToken).ConfigureAwait(false))
            {
                if (HaloJson.Int(row, "main_site_id") is var main && main > 0)
                {
                    mainSites[HaloJson.Int(row, "id")] = main;
                }
            }

            return mainSites;
        }
    }
}
