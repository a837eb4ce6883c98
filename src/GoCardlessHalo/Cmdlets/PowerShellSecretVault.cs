// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;
using System.Management.Automation;
using GoCardlessHalo.Core.Config;

namespace GoCardlessHalo.Cmdlets
{
    /// <summary>
    /// Resolves secret:NAME references through SecretManagement's Get-Secret, in the caller's session.
    /// Must be used on the pipeline thread (it runs PowerShell).
    /// </summary>
    internal sealed class PowerShellSecretVault : ISecretVault
    {
        private readonly PSCmdlet _cmdlet;

        public PowerShellSecretVault(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        public bool IsAvailable =>
            _cmdlet.InvokeCommand.GetCommands("Get-Secret", CommandTypes.Cmdlet | CommandTypes.Function, nameIsPattern: false).Any();

        public string? GetSecret(string name)
        {
            var script = ScriptBlock.Create("param($Name) Get-Secret -Name $Name -AsPlainText -ErrorAction SilentlyContinue");
            var result = _cmdlet.InvokeCommand.InvokeScript(false, script, null, name).FirstOrDefault()?.BaseObject;
            return result switch
            {
                string text => text,
                System.Security.SecureString secure => SecureStrings.ToPlainText(secure),
                _ => null,
            };
        }
    }
}
