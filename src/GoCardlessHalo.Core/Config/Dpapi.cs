// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Security.Cryptography;
using System.Text;

// Windows-only API; every caller checks IPlatform.IsWindows first (the analyzer cannot see through that seam).
#pragma warning disable CA1416

namespace GoCardlessHalo.Core.Config
{
    /// <summary>Windows DPAPI, with the module's own entropy so other programs' blobs are never accepted.</summary>
    internal static class Dpapi
    {
        private static readonly byte[] Entropy = Encoding.UTF8.GetBytes("GoCardlessHalo/secret/v1");

        public static byte[] Protect(byte[] plain, DpapiScope scope) => ProtectedData.Protect(plain, Entropy, ToScope(scope));

        public static byte[] Unprotect(byte[] blob, DpapiScope scope) => ProtectedData.Unprotect(blob, Entropy, ToScope(scope));

        private static DataProtectionScope ToScope(DpapiScope scope) =>
            scope == DpapiScope.LocalMachine ? DataProtectionScope.LocalMachine : DataProtectionScope.CurrentUser;
    }
}
