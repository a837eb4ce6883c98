// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Net;

namespace GoCardlessHalo.Core.Config
{
    /// <summary>Rules for the addresses the module talks to.</summary>
    public static class Endpoints
    {
        /// <summary>https anywhere; plain http only to this machine (emulators, local proxies).</summary>
        public static bool IsAcceptable(Uri uri) =>
            uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)));

        public static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
