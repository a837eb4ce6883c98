<#
.SYNOPSIS
Monthly direct-debit collection of Halo invoices for RMM tools and scheduled tasks: settle last month's collections,
charge this month's invoices once, one-line summary, exit code.

.DESCRIPTION
Runs Sync-GcPayment (collections paid out are marked paid in Halo; failed, cancelled or charged-back ones are unpaid
again and reported), then New-GcPayment for the invoices due within -DaysAhead days, each at most -MaximumAmount,
the run at most -MaximumRunTotal per currency (a run over it charges nothing). A rerun the same day charges nothing
again: every charge is recorded with its Idempotency-Key before it is sent. Invoices whose collection failed are
charged again only by hand (New-GcPayment -InvoiceId <id> -Retry), never by this script. Invoices changed in Halo after
their payment was created (edited, voided, credited) are reported; with -CancelChanged (opt-in) their payments are also
cancelled while GoCardless still allows it, and must then be charged again by hand with -Retry at the new amount.

Same conventions as Invoke-ScheduledSync.ps1: Windows PowerShell 5.1 or PowerShell 7, never prompts, the summary
line FIRST, then at most -MaxWarnings warnings, no colour codes when the output is captured, and an exit code:

    0  all good (invoices charged or already collected; paid, credit notes and voided invoices are not news)
    1  error: the run could not start or stopped, or GoCardless refused or did not answer a charge
    2  needs attention: invoices that could not be charged (no mandate, several mandates, currency not collectable,
       changed after collection, above the maximum, an earlier collection failed) or collections that failed,
       were cancelled or charged back since the last run, or payments cancelled now by -CancelChanged
       (a payment too late to cancel is an error: exit 1, refund it from the GoCardless dashboard)

.EXAMPLE
powershell.exe -NoProfile -ExecutionPolicy Bypass -File Invoke-MonthlyCollection.ps1 -MaximumAmount 5000 -MaximumRunTotal 100000
GoCardlessHalo collection OK: settled 12 (12 paid); charged 41 (38,210.00 GBP); 3 already collected. Audit: C:\ProgramData\GoCardlessHalo\GoCardlessHalo.audit.jsonl
#>
[CmdletBinding()]
param(
    # The settings file or its folder; default as for every GoCardlessHalo cmdlet.
    [string] $ConfigPath,

    # Where the GoCardlessHalo module is, when it is not installed in a module folder.
    [string] $ModulePath = 'GoCardlessHalo',

    # Charge invoices due up to this many days from today (0: only those due today or earlier).
    [ValidateRange(0, 366)]
    [int] $DaysAhead = 0,

    # Invoices with more due than this (in their own currency) are not charged; they are reported instead.
    [decimal] $MaximumAmount,

    # The most one run may charge per currency; over it, nothing is charged (exit 1). Default: the collection.maximumRunTotal setting.
    [decimal] $MaximumRunTotal,

    # Also cancel the payments of invoices changed in Halo since they were charged, while GoCardless still allows it.
    # Off by default: a changed invoice is then only reported.
    [switch] $CancelChanged,

    # The most warnings written after the summary line; the rest are counted in one last warning.
    [ValidateRange(0, 10000)]
    [int] $MaxWarnings = 20
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$plain = [Console]::IsOutputRedirected -or -not [Environment]::UserInteractive -or
    ([Environment]::GetCommandLineArgs() -contains '-NonInteractive')
if ($plain -and $PSVersionTable.PSVersion -ge [version]'7.2') { $PSStyle.OutputRendering = 'PlainText' }

$common = @{}
if ($ConfigPath) { $common.ConfigPath = $ConfigPath }
$limits = @{ DueBefore = (Get-Date).Date.AddDays($DaysAhead) }
if ($PSBoundParameters.ContainsKey('MaximumAmount')) { $limits.MaximumAmount = $MaximumAmount }
if ($PSBoundParameters.ContainsKey('MaximumRunTotal')) { $limits.MaximumRunTotal = $MaximumRunTotal }
if ($CancelChanged) { $limits.CancelChanged = $true }
# Skip reasons that are no news: nothing to collect, collected already, or GoCardless retrying a failed payment itself
# (Success+; the failure was reported by the settlement of the run that saw it).
$routine = 'NothingDue', 'Voided', 'NotPosted', 'AlreadyCollected', 'OnHold', 'GoCardlessRetrying'

$exitCode = 0
$parts = New-Object System.Collections.Generic.List[string]
$attention = New-Object System.Collections.Generic.List[string]
$warnings = New-Object System.Collections.Generic.List[string]
try {
    Import-Module $ModulePath -ErrorAction Stop

    # 1. Last runs' collections into Halo first, so this month's plan sees what failed.
    $settled = @(Sync-GcPayment @common -WarningAction SilentlyContinue | Where-Object { $_ -is [GoCardlessHalo.GcInvoiceSettlement] })
    $unpaid = @($settled | Where-Object Action -EQ 'Unpaid')
    $parts.Add("settled $($settled.Count) ($(@($settled | Where-Object Action -In 'MarkedPaid', 'AlreadyMarkedPaid').Count) paid)")
    if ($unpaid.Count -gt 0) { $attention.Add("$($unpaid.Count) collection(s) failed or charged back") }
    foreach ($result in $settled | Where-Object Action -In 'Unpaid', 'Failed') { $warnings.Add($result.Reason) }
    if (@($settled | Where-Object Action -EQ 'Failed').Count -gt 0) { $exitCode = 1 }

    # 2. This month's invoices, each charged once.
    $chargeErrors = @()
    $results = @(New-GcPayment @common @limits -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable +chargeErrors)
    $created = @($results | Where-Object Action -EQ 'Created')
    $totals = $created | Group-Object Currency | ForEach-Object { '{0:N2} {1}' -f ($_.Group | Measure-Object Amount -Sum).Sum, $_.Name }
    $parts.Add("charged $($created.Count)" + $(if ($totals) { " ($($totals -join ', '))" } else { '' }))
    $already = @($results | Where-Object Action -EQ 'AlreadyCollected').Count
    if ($already -gt 0) { $parts.Add("$already already collected") }
    if ($chargeErrors.Count -gt 0) {
        $exitCode = 1
        foreach ($err in $chargeErrors) { $warnings.Add($err.Exception.Message) }
    }
    $cancelled = @($results | Where-Object Action -EQ 'Cancelled')
    if ($cancelled.Count -gt 0) {
        $parts.Add("cancelled $($cancelled.Count) (changed in Halo)")
        $attention.Add("$($cancelled.Count) payment(s) cancelled: charge the new amounts with New-GcPayment -Retry")
        foreach ($result in $cancelled) { $warnings.Add(("{0} ({1}): {2}" -f $result.InvoiceNumber, $result.ClientName, $result.Reason)) }
    }
    $notCharged = @($results | Where-Object { $_.Action -eq 'Skipped' -and $_.SkipReason -notin $routine })
    if ($notCharged.Count -gt 0) { $attention.Add("$($notCharged.Count) invoice(s) not charged") }
    foreach ($result in $notCharged) { $warnings.Add(("{0} ({1}): {2} - {3}" -f $result.InvoiceNumber, $result.ClientName, $result.SkipReason, $result.Reason)) }
}
catch {
    $exitCode = 1
    $parts.Add('stopped: ' + $_.Exception.Message.TrimEnd('.'))
}

if ($exitCode -eq 0 -and $attention.Count -gt 0) { $exitCode = 2 }
$status = switch ($exitCode) { 0 { 'OK' } 1 { 'ERROR' } 2 { 'NEEDS ATTENTION' } }
$line = "GoCardlessHalo collection $($status): " + ($parts -join '; ')
if ($attention.Count -gt 0) { $line += ' | attention: ' + ($attention -join ', ') }
try { $line += '. Audit: ' + (Join-Path (Split-Path (Get-GcModule @common).ConfigPath) 'GoCardlessHalo.audit.jsonl') } catch { }
Write-Output $line
foreach ($warning in ($warnings | Select-Object -First $MaxWarnings)) { Write-Warning $warning }
if ($warnings.Count -gt $MaxWarnings) {
    Write-Warning "$($warnings.Count - $MaxWarnings) more warning(s) not shown; run Get-GcAuditLog -Last, or rerun with a higher -MaxWarnings."
}
exit $exitCode
