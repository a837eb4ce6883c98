// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Security.Cryptography;
using System.Text;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Config
{
    /// <summary>
    /// Looks up SecretManagement secrets. The engine knows nothing of PowerShell, so the shell supplies the
    /// implementation (it runs Get-Secret); null means SecretManagement is not available.
    /// </summary>
    public interface ISecretVault
    {
        /// <summary>True when SecretManagement (Get-Secret) can be called.</summary>
        bool IsAvailable { get; }

        /// <summary>The secret's plain text, or null when the vaults hold no secret of that name.</summary>
        string? GetSecret(string name);
    }

    /// <summary>Turns secret references into secrets at run time, and secrets into storable references.</summary>
    public sealed class SecretResolver
    {
        private readonly IPlatform _platform;
        private readonly ISecretVault? _vault;

        public SecretResolver(IPlatform platform, ISecretVault? vault)
        {
            _platform = platform;
            _vault = vault;
        }

        /// <summary>True when a secret can be protected on this machine (Windows DPAPI).</summary>
        public bool CanProtect => _platform.IsWindows;

        /// <summary>
        /// The secret behind <paramref name="reference"/>.
        /// </summary>
        /// <param name="reference">Where the secret is.</param>
        /// <param name="settingName">Which setting needs it, for the error message (e.g. goCardless.accessToken).</param>
        /// <exception cref="GcHaloException">ErrorIds SecretNotFound, SecretManagementUnavailable, SecretUnprotectFailed.</exception>
        public string Resolve(SecretReference reference, string settingName)
        {
            switch (reference.Source)
            {
                case SecretSource.Environment:
                    var value = _platform.GetEnvironmentVariable(reference.Value);
                    return !string.IsNullOrEmpty(value)
                        ? value!
                        : throw NotFound(settingName, $"the environment variable {reference.Value} is not set for this process. " +
                                                      "Set it for the account that runs the sync (for SYSTEM, a machine-level variable), or point the setting elsewhere with Enable-GcModule.");
                case SecretSource.SecretManagement:
                    if (_vault is null || !_vault.IsAvailable)
                    {
                        throw new GcHaloException(
                            ErrorIds.SecretManagementUnavailable,
                            ErrorKind.NotFound,
                            $"'{settingName}' refers to the SecretManagement secret {reference.Value}, but Get-Secret is not available. " +
                            "Install Microsoft.PowerShell.SecretManagement and a vault (Install-Module Microsoft.PowerShell.SecretManagement), or use an env: reference.",
                            settingName);
                    }

                    return _vault.GetSecret(reference.Value)
                           ?? throw NotFound(settingName, $"no SecretManagement vault holds a secret named {reference.Value}. Add it with Set-Secret -Name {reference.Value}.");
                default:
                    return Unprotect(reference, settingName);
            }
        }

        /// <summary>
        /// Protects <paramref name="secret"/> with DPAPI: for the machine when running as SYSTEM (so the
        /// scheduled task can read it), otherwise for the current user.
        /// </summary>
        /// <param name="secret">The secret itself.</param>
        /// <param name="settingName">The setting it is for, e.g. goCardless.accessToken.</param>
        /// <param name="parameterName">The parameter it came from (e.g. AccessToken), to name its -…Reference alternative.</param>
        /// <exception cref="GcHaloException">ErrorId SecretCannotBePersisted when DPAPI is not available.</exception>
        public SecretReference Protect(string secret, string settingName, string parameterName)
        {
            if (!CanProtect)
            {
                throw new GcHaloException(
                    ErrorIds.SecretCannotBePersisted,
                    ErrorKind.NotSupported,
                    $"Cannot store '{settingName}' on this platform: secrets are never written in plain text and DPAPI exists only on Windows. " +
                    $"Put the secret in an environment variable and pass its name (-{parameterName}Reference env:VARIABLE_NAME), " +
                    $"or store it with SecretManagement (Set-Secret) and pass secret:SECRET_NAME.",
                    settingName);
            }

            var scope = _platform.IsSystemAccount ? DpapiScope.LocalMachine : DpapiScope.CurrentUser;
            var blob = ProtectedDataCall(() => Dpapi.Protect(Encoding.UTF8.GetBytes(secret), scope), settingName);
            return SecretReference.Dpapi(scope, Convert.ToBase64String(blob));
        }

        private static GcHaloException NotFound(string settingName, string why) =>
            new GcHaloException(ErrorIds.SecretNotFound, ErrorKind.NotFound, $"Cannot read '{settingName}': {why}", settingName);

        private string Unprotect(SecretReference reference, string settingName)
        {
            if (!CanProtect)
            {
                throw new GcHaloException(
                    ErrorIds.SecretUnprotectFailed,
                    ErrorKind.PermissionDenied,
                    $"'{settingName}' holds a DPAPI-protected value, which only Windows can read. Use an env: or secret: reference on this machine.",
                    settingName);
            }

            var bytes = ProtectedDataCall(
                () => Dpapi.Unprotect(Convert.FromBase64String(reference.Value), reference.Scope),
                settingName);
            return Encoding.UTF8.GetString(bytes);
        }

        private static byte[] ProtectedDataCall(Func<byte[]> call, string settingName)
        {
            try
            {
                return call();
            }
            catch (CryptographicException ex)
            {
                throw new GcHaloException(
                    ErrorIds.SecretUnprotectFailed,
                    ErrorKind.PermissionDenied,
                    $"DPAPI could not protect or read '{settingName}' ({ex.Message}). A CurrentUser value can only be read by the user who stored it; " +
                    "run Enable-GcModule again as the account that runs the sync, or use an env: reference.",
                    settingName,
                    ex);
            }
        }
    }
}
