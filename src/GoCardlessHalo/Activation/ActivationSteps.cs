// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.Activation;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Activation
{
    /// <summary>
    /// Enable-GcModule's checks of both sides and its one-time set-up, each change behind ShouldProcess: the
    /// token, the embedded database, Halo's answer, the link field, the module's tables, the Default Site.
    /// </summary>
    internal static class ActivationSteps
    {
        /// <summary>False when -WhatIf (or a declined -Confirm) left nothing further to check.</summary>
        public static bool Run(GcCmdlet cmdlet, ModuleSettings planned, bool sampleData)
        {
            using var activation = new ModuleActivation(planned, cmdlet.ConnectionsFor(planned), cmdlet.Log);
            var cancel = cmdlet.CancellationToken;
            cmdlet.Await(activation.CheckGoCardlessAsync(cancel));
            if (activation.DatabaseFileMissing)
            {
                if (!cmdlet.ShouldProcess(planned.Halo.DatabasePath, sampleData ? "Create the Halo-shaped SQLite database with sample customers" : "Create the Halo-shaped SQLite database"))
                {
                    return false;
                }

                cmdlet.Await(activation.CreateEmbeddedDatabaseAsync(sampleData, cancel));
            }
            else if (sampleData)
            {
                cmdlet.Fail(ErrorRecords.Argument(ErrorIds.SampleDataNeedsNewDatabase, $"-SampleData only fills a database this command creates, and '{planned.Halo.DatabasePath}' already exists.", "SampleData"));
            }

            cmdlet.Await(activation.OpenHaloAsync(cancel));
            if (cmdlet.Await(activation.LinkFieldMissingAsync(cancel))
                && cmdlet.ShouldProcess(activation.Target.Location, $"Create the Halo user custom field '{planned.Halo.LinkField}' (Text) for GoCardless customer ids"))
            {
                cmdlet.Await(activation.CreateLinkFieldAsync(cancel));
            }

            var pending = cmdlet.Await(activation.PendingMigrationsAsync(cancel));
            if (pending.Count > 0)
            {
                // -WhatIf prints the DDL itself, for a database administrator to review or run.
                var script = activation.RenderMigrations(pending);
                var description = $"Apply {pending.Count} migration(s) of the module's own tables to {activation.LedgerLocation}:{System.Environment.NewLine}{script}";
                if (cmdlet.ShouldProcess(description, $"Apply {pending.Count} migration(s) of GoCardlessHalo's tables to {activation.LedgerLocation}?", "Migrate"))
                {
                    cmdlet.Await(activation.ApplyMigrationsAsync(cancel));
                }
            }

            var site = cmdlet.Await(activation.CheckDefaultSiteAsync(cancel));
            cmdlet.WriteVerbose(site is null ? "No Default Site is set yet." : $"Default Site: {site.ClientName}/{site.Name} (id {site.Id}).");
            return true;
        }
    }
}
