<#
.SYNOPSIS
The GoCardlessHalo demo: everything in Halo's GoCardless guide, on the embedded SQLite Halo and then on the Halo API,
against the project's emulator. Run it with: dotnet pwsh ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorDll
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module (Join-Path $PSScriptRoot 'DemoData.psm1')
Import-Module (Join-Path $PSScriptRoot '../../tests/tools/EmulatorProcess.psm1')
# The test helpers add invoices to Halo as an agent would (API POST, or rows in the embedded database).
Import-Module (Join-Path $PSScriptRoot '../../tests/pester/IntegrationHelpers.psm1')
Import-Module $ModulePath

function Write-Step([string] $Text) { Write-Host ''; Write-Host "== $Text" -ForegroundColor Cyan }
function Write-Table { param([Parameter(ValueFromPipeline)] $InputObject, [object[]] $Property) begin { $rows = @() } process { $rows += $InputObject } end { Write-Host ($rows | Format-Table -Property $Property -AutoSize | Out-String -Width 250).TrimEnd() } }
function Send-Emulator([string] $Path, $Body) {
    $null = Invoke-RestMethod -Method Post -Uri "$($emulator.Url)$Path" -ContentType 'application/json' -Body (ConvertTo-Json -Depth 10 -InputObject $Body)
}

function Invoke-DemoRun([string] $Target, [string] $ConfigPath) {
    Write-Host ''
    Write-Host "################ Halo target: $Target ################" -ForegroundColor Yellow
    Send-Emulator '/__admin/gocardless/seed' (Get-DemoGoCardless)

    Write-Step 'Enable the integration: GoCardless access token (from an environment variable), Halo target, Default Site'
    $enable = @{ ConfigPath = $ConfigPath; AccessTokenReference = 'env:GCH_DEMO_TOKEN'; GoCardlessBaseUri = "$($emulator.Url)/gocardless"; PassThru = $true }
    if ($Target -eq 'Halo API') {
        Send-Emulator '/__admin/halo/seed' (Get-DemoHalo)
        $enable += @{ HaloUrl = "$($emulator.Url)/halo"; ClientId = 'emulator-client'; ClientSecretReference = 'env:GCH_DEMO_HALO_SECRET'; DefaultSite = 'Unassigned Customers/Default Site' }
    }
    else {
        $enable.SampleData = $true
    }
    Enable-GcModule @enable | Write-Table -Property Enabled, Environment, Target, TargetLocation, DefaultSite

    Write-Step 'Map GoCardless custom fields to Halo user fields (Text, entity User; created when missing)'
    Set-GcFieldMapping -ConfigPath $ConfigPath account_ref AccountRef -CreateHaloField
    Set-GcFieldMapping -ConfigPath $ConfigPath contract ContractType -CreateHaloField
    Set-GcFieldMapping -ConfigPath $ConfigPath payment.last_status LastPaymentStatus -CreateHaloField
    Get-GcFieldMapping -ConfigPath $ConfigPath | Write-Table -Property GoCardlessField, HaloField, Source

    Write-Step 'Import GoCardless customers as Halo users (company match -> invoice site, otherwise the Default Site)'
    $imported = Get-GcCustomer -ConfigPath $ConfigPath | Import-GcUser -ConfigPath $ConfigPath
    $imported | Sort-Object MatchedBy, Client, CustomerName | Write-Table -Property CustomerName, Action, MatchedBy, Client, Site
    $unmatched = @($imported | Where-Object { $_.Reason -like '*matches no Halo customer*' })
    Write-Host ("{0} created; {1} companies matched no Halo customer:" -f @($imported | Where-Object Action -EQ 'Created').Count, $unmatched.Count)
    $unmatched | ForEach-Object { Write-Host "  $($_.CustomerName): $($_.Reason)" }

    Write-Step 'Import again: nothing changed in GoCardless, so nothing is written'
    Import-GcUser -ConfigPath $ConfigPath | Group-Object Action | Write-Table -Property Count, Name

    Write-Step 'Sync payment statuses (first run: every payment of the linked customers, stored as history)'
    $first = @(Sync-GcPayment -ConfigPath $ConfigPath)
    Write-Host "$(@(Get-GcPayment -ConfigPath $ConfigPath -NoHaloLookup).Count) payments recorded in the ledger; $($first.Count) presented as new changes (history is not news)."

    Write-Step "One user's payments, newest first (Halo's 'GoCardless Payments' tab)"
    $jane = Get-GcUser -ConfigPath $ConfigPath -CustomerId CU00DEMO0001
    Write-Host "$($jane.Name), $($jane.Client) / $($jane.Site); AccountRef $($jane.CustomFields['AccountRef']), ContractType $($jane.CustomFields['ContractType'])"
    $jane | Get-GcPayment -ConfigPath $ConfigPath | Write-Table -Property PaymentId, @{ n = 'ChargeDate'; e = { $_.ChargeDate.ToString('yyyy-MM-dd') } }, Status, Amount, Currency, DashboardUrl

    Write-Step 'Meanwhile in GoCardless: payments move on'
    foreach ($move in Get-DemoTransitions) {
        Send-Emulator "/__admin/gocardless/payments/$($move.Payment)/transition" @{ status = $move.Status }
        Write-Host "  $($move.Payment) -> $($move.Status)"
    }

    Write-Step 'Sync again: only the changes, read from GoCardless events since the last run'
    Sync-GcPayment -ConfigPath $ConfigPath | Write-Table -Property PaymentId, CustomerId, OldStatus, NewStatus, Amount, Currency
    Write-Host "Jane's LastPaymentStatus in Halo is now '$((Get-GcUser -ConfigPath $ConfigPath -CustomerId CU00DEMO0001).CustomFields['LastPaymentStatus'])'."

    Write-Step "Collect this month's Halo invoices by direct debit: the plan first (nothing is charged)"
    $number = @{}
    Add-TestHaloInvoice -Target $(if ($Target -eq 'Halo API') { 'Api' } else { 'Sqlite' }) -ConfigPath $ConfigPath -Invoice (Get-DemoInvoices) | ForEach-Object { $number[$_.Id] = $_.InvoiceNumber }
    $plan = Get-GcCollectionPlan -ConfigPath $ConfigPath -InvoiceId @($number.Keys)
    $plan | Write-Table -Property InvoiceNumber, ClientName, Amount, Currency, @{ n = 'ChargeDate'; e = { if ($_.ChargeDate) { $_.ChargeDate.ToString('yyyy-MM-dd') } } }, MandateId, SkipReason

    Write-Step 'Charge what the plan shows (one GoCardless payment per invoice, Idempotency-Key per invoice and attempt)'
    $charged = $plan | New-GcPayment -ConfigPath $ConfigPath -Confirm:$false
    $charged | Write-Table -Property InvoiceNumber, Action, PaymentId, Amount, Currency, SkipReason
    Write-Host "Again: $(@(New-GcPayment -ConfigPath $ConfigPath -InvoiceId @($number.Keys) | Where-Object Action -EQ 'Created').Count) created (each invoice is charged once)."

    Write-Step 'Meanwhile in GoCardless: one collection is paid out, one fails'
    $created = @($charged | Where-Object Action -EQ 'Created')
    foreach ($move in @(@{ Result = $created[0]; Statuses = 'submitted', 'confirmed', 'paid_out' }, @{ Result = $created[1]; Statuses = 'submitted', 'failed' })) {
        foreach ($status in $move.Statuses) { Send-Emulator "/__admin/gocardless/payments/$($move.Result.PaymentId)/transition" @{ status = $status } }
        Write-Host "  $($move.Result.InvoiceNumber): $($move.Result.PaymentId) -> $($move.Statuses -join ' -> ')"
    }

    Write-Step 'Sync payments: the paid-out invoice is marked paid in Halo, the failed one is unpaid and reported'
    Sync-GcPayment -ConfigPath $ConfigPath -WarningAction SilentlyContinue | Where-Object { $_ -is [GoCardlessHalo.GcInvoiceSettlement] } |
        Write-Table -Property InvoiceNumber, Action, PaymentId, PaymentStatus, Reason
    Get-GcCollectionPlan -ConfigPath $ConfigPath -InvoiceId $created[1].InvoiceId | Write-Table -Property InvoiceNumber, SkipReason, Reason

    Write-Step 'Health check'
    Test-GcModule -ConfigPath $ConfigPath | Write-Table -Property Name, Status
}

$env:GCH_DEMO_TOKEN = 'emulator-token'
$env:GCH_DEMO_HALO_SECRET = 'emulator-secret'
$work = Join-Path ([System.IO.Path]::GetTempPath()) ("gch-demo-" + [guid]::NewGuid().ToString('N'))
$emulator = Start-GcEmulator -EmulatorDll $EmulatorDll
try {
    $env:GCH_EMULATOR_URL = $emulator.Url
    Write-Host "Emulator (GoCardless and Halo) at $($emulator.Url); settings, databases and audit logs under $work"
    Invoke-DemoRun -Target 'embedded SQLite' -ConfigPath (Join-Path $work 'sqlite')
    Invoke-DemoRun -Target 'Halo API' -ConfigPath (Join-Path $work 'api')
    Write-Host ''
    Write-Host 'Demo finished.' -ForegroundColor Green
}
finally {
    Stop-GcEmulator -Emulator $emulator
    Remove-Module GoCardlessHalo -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}
