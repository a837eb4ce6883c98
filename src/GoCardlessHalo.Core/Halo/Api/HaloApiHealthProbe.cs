// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>
    /// The health probes of the API target (see <see cref="IHaloHealthProbe"/>): a token on its own, one row of
    /// each list the sync reads, and Halo's GoCardless integrator switch from <c>GET /api/Control</c>.
    /// </summary>
    internal sealed class HaloApiHealthProbe
    {
        private const string ControlPath = "/api/Control";
        private const string ControlSource = "GET " + ControlPath;

        // Field names of Halo's Control object (Models/Configuration/Advanced/Controls/Control.cs in https://github.com/Angelic-Software/angelic).
        private const string IntegratorEnabled = "halointegrator_gocardless";
        private const string IntegratorLastSync = "halointegrator_gocardless_lastsync";
        private const string IntegratorLastError = "halointegrator_gocardless_lasterror";

        private readonly HaloApiConnection _connection;
        private readonly HaloApiOptions _options;

        public HaloApiHealthProbe(HaloApiConnection connection, HaloApiOptions options)
        {
            _connection = connection;
            _options = options;
        }

        public async Task<string> ConnectAsync(CancellationToken cancellationToken)
        {
            await _connection.EnsureTokenAsync(cancellationToken).ConfigureAwait(false);
            return $"issued a token to the API application '{_options.ClientId}' (scope '{_options.Scope}')";
        }

        /// <summary>One row of customers, sites and users: three small requests that each need read permission.</summary>
        public async Task<string> CheckReadAccessAsync(CancellationToken cancellationToken)
        {
            var clients = await CountAsync("/api/Client", "clients", cancellationToken).ConfigureAwait(false);
            var sites = await CountAsync("/api/Site", "sites", cancellationToken).ConfigureAwait(false);
            var users = await CountAsync("/api/Users", "users", cancellationToken).ConfigureAwait(false);
            return string.Format(CultureInfo.InvariantCulture, "read customers ({0}), sites ({1}) and users ({2})", clients, sites, users);
        }

        public async Task<HaloNativeIntegrator> ReadNativeIntegratorAsync(CancellationToken cancellationToken)
        {
            JsonDocument document;
            try
            {
                document = await _connection.GetJsonAsync(ControlPath, cancellationToken).ConfigureAwait(false);
            }
            catch (HaloApiException ex) when (ex.Status == 403 || ex.Status == 404)
            {
                // Reading Halo's global settings may need more than the sync's permissions, and an old Halo may not
                // serve /api/Control at all. Neither is a fault of this module: report that it cannot tell.
                return HaloNativeIntegrator.Unknown(
                    ControlSource,
                    $"Halo answered {ex.Status} to {ControlSource}, so it cannot be told whether Halo's own GoCardless integration is switched on. " +
                    "Check Configuration > Integrations > GoCardless in Halo by hand, or allow the API application to read Halo's configuration.");
            }

            using (document)
            {
                var root = document.RootElement;
                var control = root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0 ? root[0] : root;
                if (control.ValueKind != JsonValueKind.Object)
                {
                    throw _connection.Errors.InvalidResponse("GET", ControlPath, 200, "settings that are not a JSON object");
                }

                if (HaloJson.Property(control, IntegratorEnabled) is null)
                {
                    return HaloNativeIntegrator.Unknown(
                        ControlSource,
                        $"Halo's settings ({ControlSource}) have no {IntegratorEnabled} value; this Halo version may not have the GoCardless integration. Check Configuration > Integrations in Halo.");
                }

                return HaloNativeIntegrator.Known(
                    HaloJson.Bool(control, IntegratorEnabled),
                    ControlSource,
                    HaloJson.String(control, IntegratorLastSync),
                    HaloJson.String(control, IntegratorLastError));
            }
        }

        // One row proves access; record_count says how many there are without reading them.
        private async Task<int> CountAsync(string resource, string listKey, CancellationToken cancellationToken)
        {
            var path = resource + "?includeinactive=true&pageinate=true&page_size=1&page_no=1";
            using var document = await _connection.GetJsonAsync(path, cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            if (!(HaloJson.Property(root, listKey) is { ValueKind: JsonValueKind.Array } rows))
            {
                throw _connection.Errors.InvalidResponse("GET", path, 200, $"a list without a '{listKey}' array");
            }

            return HaloJson.Property(root, "record_count") is { ValueKind: JsonValueKind.Number } ? HaloJson.Int(root, "record_count") : rows.GetArrayLength();
        }
    }
}
