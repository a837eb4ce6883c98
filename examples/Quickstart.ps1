<#
.SYNOPSIS
A first run of GoCardlessHalo, step by step: enable, map fields, preview, import, sync payments, look at payments.

.DESCRIPTION
Uses the embedded SQLite Halo (with -SampleData, a few sample Halo customers) unless you give a real Halo, and the
GoCardless sandbox unless -GoCardlessBaseUri points elsewhere (the project's emulator, for instance). The access
token is read from $env:GOCARDLESS_ACCESS_TOKEN and never stored. Every step prints what it did.

.EXAMPLE
$env:GOCARDLESS_ACCESS_TOKEN = 'sandbox_...'
./Quickstart.ps1 -ConfigPath ~/gch-trial
#>
[CmdletBinding()]
param(
    # A folder of its own for this trial's settings, embedded database, ledger and audit log.
    [Parameter(Mandatory)]
    [string] $ConfigPath,

    # Another GoCardless API address (e.g. the emulator's http://127.0.0.1:5099/gocardless).
    [uri] $GoCardlessBaseUri,

    # GoCardless customer custom fields (metadata keys) to map to Halo user fields of the same name.
    [string[]] $MapField = @('account_ref'),

    [string] $ModulePath = 'GoCardlessHalo'
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

Write-Host '1. Enable the integration (embedded Halo with sample customers)' -ForegroundColor Cyan
$enable = @{ ConfigPath = $ConfigPath; AccessTokenReference = 'env:GOCARDLESS_ACCESS_TOKEN'; Environment = 'Sandbox'; PassThru = $true }
if ($GoCardlessBaseUri) { $enable.GoCardlessBaseUri = $GoCardlessBaseUri }
if (-not (Test-Path -LiteralPath (Join-Path $ConfigPath 'halo.db'))) { $enable.SampleData = $true }
Enable-GcModule @enable | Format-List Enabled, Environment, Target, TargetLocation, DefaultSite | Out-Host

Write-Host '2. Map GoCardless custom fields to Halo user fields (created in Halo when missing)' -ForegroundColor Cyan
foreach ($field in $MapField) {
    Set-GcFieldMapping -ConfigPath $ConfigPath -GoCardlessField $field -HaloField ($field -replace '[^A-Za-z0-9_]', '') -CreateHaloField
}
Get-GcFieldMapping -ConfigPath $ConfigPath | Out-Host

Write-Host '3. Preview the import: who goes where, and why' -ForegroundColor Cyan
Get-GcImportPlan -ConfigPath $ConfigPath | Format-Table CustomerId, CustomerName, Action, MatchedBy, Client, Site | Out-Host

Write-Host '4. Import the customers as Halo users' -ForegroundColor Cyan
$results = Import-GcUser -ConfigPath $ConfigPath
$results | Group-Object Action | Format-Table Count, Name | Out-Host

Write-Host '5. Sync payment statuses' -ForegroundColor Cyan
# -IncludeBackfill: the first sync's payments are history, which Sync-GcPayment otherwise stores without writing them.
$changes = Sync-GcPayment -ConfigPath $ConfigPath -IncludeBackfill
"{0} payment(s) recorded." -f @($changes).Count | Out-Host

Write-Host "6. One user's payments (like Halo's GoCardless Payments tab)" -ForegroundColor Cyan
$user = Get-GcUser -ConfigPath $ConfigPath | Select-Object -First 1
if ($user) {
    "$($user.Name) ($($user.Client) / $($user.Site))" | Out-Host
    $user | Get-GcPayment -ConfigPath $ConfigPath | Format-Table PaymentId, ChargeDate, Status, Amount, Currency | Out-Host
}

Write-Host '7. Health check' -ForegroundColor Cyan
Test-GcModule -ConfigPath $ConfigPath | Format-Table Name, Status, Message -Wrap | Out-Host
