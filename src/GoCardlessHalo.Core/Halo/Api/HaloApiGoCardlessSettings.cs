// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>
    /// Reads Halo's own GoCardless settings from <c>GET /api/Control</c>. Field names from Angelic's Control.cs
    /// (gocardless_userfieldmappings, gocardless_defaultsite_name, halointegrator_gocardless) and Control6.cs
    /// (gocardless_companyname_matching, gocardless_defaultsite, gocardless_use_sandbox),
    /// https://github.com/Angelic-Software/angelic; a field an older Halo leaves out stays null.
    /// </summary>
    internal static class HaloApiGoCardlessSettings
    {
        private const string ControlPath = "/api/Control";

        public static async Task<HaloGoCardlessSettings> ReadAsync(HaloApiConnection connection, CancellationToken cancellationToken)
        {
            var settings = new HaloGoCardlessSettings { Source = "GET " + ControlPath };
            JsonDocument document;
            try
            {
                document = await connection.GetJsonAsync(ControlPath, cancellationToken).ConfigureAwait(false);
            }
            catch (HaloApiException ex) when (ex.Status == 403 || ex.Status == 404)
            {
                settings.Gaps.Add($"Halo answered {ex.Status} to GET {ControlPath}: allow the API application to read Halo's configuration, or copy the settings from Configuration > Integrations > GoCardless by hand.");
                return settings;
            }

            using (document)
            {
                var root = document.RootElement;
                var control = root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0 ? root[0] : root;
                if (control.ValueKind != JsonValueKind.Object)
                {
                    throw connection.Errors.InvalidResponse("GET", ControlPath, 200, "settings that are not a JSON object");
                }

                settings.DefaultSiteId = HaloJson.Property(control, "gocardless_defaultsite") is { ValueKind: JsonValueKind.Number or JsonValueKind.String } ? HaloJson.Int(control, "gocardless_defaultsite") : null;
                settings.DefaultSiteName = HaloJson.String(control, "gocardless_defaultsite_name");
                settings.CompanyNameMatching = Flag(control, "gocardless_companyname_matching");
                settings.UseSandbox = Flag(control, "gocardless_use_sandbox");
                settings.IntegratorEnabled = Flag(control, "halointegrator_gocardless");
                if (HaloJson.Property(control, "gocardless_userfieldmappings") is { ValueKind: JsonValueKind.Array } mappings)
                {
                    foreach (var row in mappings.EnumerateArray())
                    {
                        settings.FieldMappings.Add(new HaloIntegrationFieldMapping
                        {
                            HaloFieldId = HaloJson.Property(row, "fiid") is { ValueKind: JsonValueKind.Number } ? HaloJson.Int(row, "fiid") : null,
                            HaloFieldName = HaloJson.String(row, "name"),
                            GoCardlessField = HaloJson.String(row, "thirdpartyname") ?? HaloJson.String(row, "third_party_friendly_name"),
                            DontUpdate = HaloJson.Bool(row, "dontupdate"),
                        });
                    }
                }
                else
                {
                    settings.Gaps.Add("Halo's settings have no gocardless_userfieldmappings: no field mappings were read.");
                }
            }

            return settings;
        }

        private static bool? Flag(JsonElement control, string name) =>
            HaloJson.Property(control, name) is { ValueKind: not JsonValueKind.Null } ? HaloJson.Bool(control, name) : null;
    }
}
