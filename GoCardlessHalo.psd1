#
# Source manifest of GoCardlessHalo. build.ps1 copies it into out/GoCardlessHalo/<version>/ unchanged;
# ModuleVersion below is the single version number of the project (Directory.Build.props reads it).
#
@{
    RootModule             = 'GoCardlessHalo.psm1'
    ModuleVersion          = '0.1.0'
    GUID                   = '5d0b7c52-3f0e-4d8e-9a4b-6f3c1f2a9e71'
    Author                 = 'GoCardlessHalo contributors'
    CompanyName            = 'GoCardlessHalo contributors'
    Copyright              = '(c) GoCardlessHalo contributors. MIT licence.'
    Description            = 'Connects GoCardless (direct-debit payments) to HaloPSA: imports GoCardless customers as Halo users, maps custom fields and syncs payment statuses, through the Halo REST API or the Halo SQL database.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('GoCardlessHalo.Format.ps1xml')
    FunctionsToExport      = @()
    CmdletsToExport        = @(
        'Enable-GcModule'
        'Disable-GcModule'
        'Get-GcModule'
        'Set-GcFieldMapping'
        'Get-GcFieldMapping'
        'Remove-GcFieldMapping'
        'Set-GcPlacementOverride'
        'Get-GcPlacementOverride'
        'Remove-GcPlacementOverride'
        'Set-GcFieldOwnership'
        'Set-GcUserLink'
        'Remove-GcUserLink'
        'Get-GcDefaultSiteUser'
        'Move-GcDefaultSiteUser'
        'Import-GcHaloIntegrationSetting'
        'Get-GcCustomer'
        'Get-GcUser'
        'Import-GcUser'
        'Get-GcImportPlan'
        'Test-GcModule'
        'Sync-GcPayment'
        'Get-GcPayment'
        'Open-GcPayment'
        'Get-GcMandate'
        'Get-GcCollectionPlan'
        'New-GcPayment'
        'Get-GcAuditLog'
        'Update-GcCompletionCache'
    )
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('GoCardless', 'HaloPSA', 'Halo', 'DirectDebit', 'MSP', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ProjectUri   = 'https://github.com/GoCardlessHalo/GoCardlessHalo'
            # The section of CHANGELOG.md for ModuleVersion, word for word (build.ps1 checks).
            ReleaseNotes = @'
First release.
- Import GoCardless customers as HaloPSA users (link, email anywhere in Halo, company name, Default Site), with -WhatIf plans; safe to rerun whatever Halo answers to a batch write.
- When Halo's answer to a batch write does not say what it saved, one read-back by link value settles many batches (about twice the requests of an answer that says everything, not one read of every user per batch); Import-GcUser's results then come out of input order. Users the ledger's link map names that a read of Halo missed (users deleted and created while it paged) are read by id, never created again. A user is created (or linked by email) only when two reads of Halo both did not see its link: after a read of Halo's API that spanned several pages, every user is read again once before the first create (nothing more on an Unchanged rerun, on one page, or on a SQL target; a customer whose user only that read saw is Skipped and updated by the next run), and a create the read-back did not find is looked for again before it is written again.
- An import killed after Halo saved users and before their audit lines (a batch in flight, creates waiting for a read-back) loses no line: each batch is journaled before it is sent (GoCardlessHalo.audit.pending.jsonl), and the next Import-GcUser logs what Halo holds of it under the killed run's id (Get-GcAuditLog's ReconciledBy). Links set by hand, Default Site moves and payment summaries written to Halo are journaled the same way. So are Sync-GcPayment's ledger lines (payment statuses and updates, mandate statuses, link moves, the watermark, backfill pages), journaled before each commit, and New-GcPayment's charges and cancels (invoice.collected, invoice.collection_cancelled) and the invoices Sync-GcPayment settles in Halo (invoice.paid, invoice.unpaid, invoice.paid_void), journaled before the ledger records them: the next writing run logs those the ledger holds under the killed run's id; each kind of run checks only the intents it can judge (New-GcPayment and Sync-GcPayment both check the collections'). Not journaled, as they record no change: the lines of charges and cancels GoCardless refused or did not answer, and of settlements Halo refused (the next run tries again and logs what it does). Get-GcAuditLog -Last and -RunId of the run that logged a killed run's lines include them.
- Placement overrides, field ownership (overwrite, fill when empty, set on create), links set or cleared by hand.
- The Default Site as an inbox: Get-GcDefaultSiteUser, Move-GcDefaultSiteUser.
- Switch-over from Halo's own integration: Import-GcHaloIntegrationSetting.
- Map GoCardless metadata and payment/mandate summaries to Halo user custom fields.
- Sync payment statuses into a ledger; Get-GcPayment (failure cause, Halo client and site), Open-GcPayment; Get-GcMandate and mandate failures reported.
- Collect Halo invoices by direct debit: Get-GcCollectionPlan, New-GcPayment (never charged twice; -CancelChanged cancels the payment of an invoice changed in Halo while GoCardless still allows it), invoices marked paid or unpaid by Sync-GcPayment.
- GoCardless's own retries (Success+, setting collection.retryIfPossible): an invoice GoCardless will retry is never charged again by New-GcPayment -Retry (GoCardlessRetrying).
- An opt-in Halo ticket for each failed collection (collection.failureTicketTypeId), raised exactly once per failure.
- Halo through its REST API (paced under its request budget), its SQL Server database, or an embedded SQLite database.
- Windows PowerShell 5.1 and PowerShell 7.4+; Test-GcModule health checks; audit log (Get-GcAuditLog); about_GoCardlessHalo help.
'@
        }
    }
}
