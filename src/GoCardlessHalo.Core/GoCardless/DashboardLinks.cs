// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo.Core.GoCardless
{
    /// <summary>
    /// Links into the GoCardless dashboard: <c>https://manage.gocardless.com/payments/PM…</c> (and mandates,
    /// customers); <c>manage-sandbox</c> for sandbox; any base for the emulator.
    /// </summary>
    public sealed class DashboardLinks
    {
        /// <summary>https://manage.gocardless.com/</summary>
        public static readonly Uri LiveBase = new Uri("https://manage.gocardless.com/");

        /// <summary>https://manage-sandbox.gocardless.com/</summary>
        public static readonly Uri SandboxBase = new Uri("https://manage-sandbox.gocardless.com/");

        /// <summary>Where the emulator serves its dashboard, relative to its root.</summary>
        public const string EmulatorDashboardPath = "/manage-gocardless/";

        /// <summary>Links under <paramref name="baseUri"/> (a trailing slash is added when missing).</summary>
        public DashboardLinks(Uri baseUri)
        {
            BaseUri = baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        }

        /// <summary>The dashboard base, ending with a slash.</summary>
        public Uri BaseUri { get; }

        /// <summary>
        /// The dashboard for the options: <see cref="GoCardlessClientOptions.DashboardBaseUri"/> when set; else by
        /// API host (api.gocardless.com → manage, api-sandbox.gocardless.com → manage-sandbox); else, for any
        /// other custom base URI (the emulator), <c>{scheme}://{host}:{port}/manage-gocardless/</c>.
        /// </summary>
        public static DashboardLinks For(GoCardlessClientOptions options)
        {
            if (options.DashboardBaseUri is { } explicitBase)
            {
                return new DashboardLinks(explicitBase);
            }

            var api = options.EffectiveBaseUri;
            if (string.Equals(api.Host, LiveApiHost, StringComparison.OrdinalIgnoreCase))
            {
                return new DashboardLinks(LiveBase);
            }

            if (string.Equals(api.Host, SandboxApiHost, StringComparison.OrdinalIgnoreCase))
            {
                return new DashboardLinks(SandboxBase);
            }

            return new DashboardLinks(new Uri(new Uri(api.GetLeftPart(UriPartial.Authority)), EmulatorDashboardPath));
        }

        /// <summary>The payment's page, e.g. https://manage.gocardless.com/payments/PM123.</summary>
        public Uri Payment(string paymentId) => Link("payments", paymentId);

        /// <summary>The mandate's page.</summary>
        public Uri Mandate(string mandateId) => Link("mandates", mandateId);

        /// <summary>The customer's page.</summary>
        public Uri Customer(string customerId) => Link("customers", customerId);

        /// <inheritdoc />
        public override string ToString() => BaseUri.AbsoluteUri;

        private const string LiveApiHost = "api.gocardless.com";
        private const string SandboxApiHost = "api-sandbox.gocardless.com";

        private Uri Link(string kind, string id)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArgumentException("An id is required for a dashboard link.", nameof(id));
            }

            return new Uri(BaseUri, kind + "/" + Uri.EscapeDataString(id));
        }
    }
}
