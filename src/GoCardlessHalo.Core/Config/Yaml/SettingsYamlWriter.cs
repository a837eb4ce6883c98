// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GoCardlessHalo.Core.Config.Yaml
{
    /// <summary>Writes GoCardlessHalo.yaml in a stable key order, with a header that explains the file.</summary>
    internal static class SettingsYamlWriter
    {
        private const string Header =
            "# GoCardlessHalo settings. Change them with Enable-GcModule, Disable-GcModule, Set-GcFieldMapping and\n" +
            "# Set-GcPlacementOverride, or edit by hand. Secrets are never stored here, only references to them: env:NAME, secret:NAME, dpapi:...\n";

        // Strings that a YAML reader could take for something else (booleans, numbers, null) get quotes.
        private static readonly Regex Ambiguous = new Regex(
            @"^(|~|null|true|false|yes|no|on|off|[-+]?[0-9][0-9_.:eE+-]*|.*[:#]\s.*|\s.*|.*\s|[-?:,\[\]{}#&*!|>'""%@`].*)$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static void Write(TextWriter text, ModuleSettings settings)
        {
            text.Write(Header.Replace("\n", text.NewLine));
            var emitter = new Emitter(text);
            emitter.Emit(new StreamStart());
            emitter.Emit(new DocumentStart());
            emitter.Emit(new MappingStart());

            Scalar(emitter, "version", settings.Version.ToString(CultureInfo.InvariantCulture), plain: true);
            Scalar(emitter, "enabled", settings.Enabled ? "true" : "false", plain: true);

            Section(emitter, "goCardless");
            Scalar(emitter, "environment", settings.GoCardless.Environment.ToString());
            Optional(emitter, "baseUri", settings.GoCardless.BaseUri?.OriginalString);
            Optional(emitter, "dashboardBaseUri", settings.GoCardless.DashboardBaseUri?.OriginalString);
            Optional(emitter, "accessToken", settings.GoCardless.AccessToken?.ToString());
            TimeoutSeconds(emitter, settings.GoCardless.Timeout, GoCardlessSettings.DefaultTimeout);
            emitter.Emit(new MappingEnd());

            var halo = settings.Halo;
            Section(emitter, "halo");
            Optional(emitter, "target", halo.Target?.ToString());
            Optional(emitter, "url", halo.Url?.OriginalString);
            Optional(emitter, "tenant", halo.Tenant);
            Optional(emitter, "clientId", halo.ClientId);
            Optional(emitter, "clientSecret", halo.ClientSecret?.ToString());
            if (halo.Target == Halo.HaloTargetKind.Api || halo.Scope != "all")
            {
                Scalar(emitter, "scope", halo.Scope);
            }

            Optional(emitter, "connectionString", halo.ConnectionString);
            Optional(emitter, "password", halo.Password?.ToString());
            Optional(emitter, "databasePath", halo.DatabasePath);
            Scalar(emitter, "linkField", halo.LinkField);
            if (halo.RequestsPer5Minutes != HaloSettings.DefaultRequestsPer5Minutes)
            {
                Scalar(emitter, "requestsPer5Minutes", halo.RequestsPer5Minutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            TimeoutSeconds(emitter, halo.Timeout, HaloSettings.DefaultTimeout);

            emitter.Emit(new MappingEnd());

            Optional(emitter, "defaultSite", settings.DefaultSite);
            if (settings.MatchMode != Sync.Import.MatchMode.Exact)
            {
                Scalar(emitter, "matchMode", settings.MatchMode.ToString());
            }

            if (settings.PlacementOverrides.Count > 0)
            {
                emitter.Emit(new Scalar("placementOverrides"));
                emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
                foreach (var placement in settings.PlacementOverrides)
                {
                    emitter.Emit(new MappingStart());
                    Optional(emitter, "customerId", placement.CustomerId);
                    Optional(emitter, "companyName", placement.CompanyName);
                    Optional(emitter, "haloCustomer", placement.HaloCustomer);
                    Optional(emitter, "haloSite", placement.HaloSite);
                    emitter.Emit(new MappingEnd());
                }

                emitter.Emit(new SequenceEnd());
            }

            if (settings.FieldOwnership.Count > 0)
            {
                Section(emitter, "fieldOwnership");
                foreach (var rule in settings.FieldOwnership.OrderBy(r => r.Key, System.StringComparer.OrdinalIgnoreCase))
                {
                    Scalar(emitter, rule.Key, rule.Value.ToString());
                }

                emitter.Emit(new MappingEnd());
            }

            emitter.Emit(new Scalar("fieldMappings"));
            emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
            foreach (var mapping in settings.FieldMappings)
            {
                emitter.Emit(new MappingStart());
                Scalar(emitter, "goCardlessField", mapping.GoCardlessField);
                Scalar(emitter, "haloField", mapping.HaloField);
                emitter.Emit(new MappingEnd());
            }

            emitter.Emit(new SequenceEnd());

            if (settings.Ledger.ConnectionString is not null)
            {
                Section(emitter, "ledger");
                Scalar(emitter, "connectionString", settings.Ledger.ConnectionString);
                Optional(emitter, "password", settings.Ledger.Password?.ToString());
                emitter.Emit(new MappingEnd());
            }

            if (settings.Collection.MarkPaidOn != "paid_out" || settings.Collection.MaximumRunTotal is not null || settings.Collection.RetryIfPossible || settings.Collection.FailureTicketTypeId is not null)
            {
                Section(emitter, "collection");
                Scalar(emitter, "markPaidOn", settings.Collection.MarkPaidOn);
                Optional(emitter, "maximumRunTotal", settings.Collection.MaximumRunTotal?.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (settings.Collection.RetryIfPossible)
                {
                    Scalar(emitter, "retryIfPossible", "true", plain: true);
                }

                Optional(emitter, "failureTicketTypeId", settings.Collection.FailureTicketTypeId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
                emitter.Emit(new MappingEnd());
            }

            emitter.Emit(new MappingEnd());
            emitter.Emit(new DocumentEnd(isImplicit: true));
            emitter.Emit(new StreamEnd());
        }

        // Written only when changed, so files stay short and a later default applies to those who never chose one.
        private static void TimeoutSeconds(IEmitter emitter, System.TimeSpan timeout, System.TimeSpan defaultTimeout)
        {
            if (timeout != defaultTimeout)
            {
                Scalar(emitter, "timeoutSeconds", ((long)System.Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture), plain: true);
            }
        }

        private static void Section(IEmitter emitter, string key)
        {
            emitter.Emit(new Scalar(key));
            emitter.Emit(new MappingStart());
        }

        private static void Optional(IEmitter emitter, string key, string? value)
        {
            if (value is not null)
            {
                Scalar(emitter, key, value);
            }
        }

        private static void Scalar(IEmitter emitter, string key, string value, bool plain = false)
        {
            emitter.Emit(new Scalar(key));
            var style = plain || !Ambiguous.IsMatch(value) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
            emitter.Emit(new Scalar(null, null, value, style, style == ScalarStyle.Plain, style != ScalarStyle.Plain));
        }
    }
}
