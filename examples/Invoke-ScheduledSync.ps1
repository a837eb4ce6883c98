<#
.SYNOPSIS
Scheduled GoCardless -> Halo sync for RMM tools and scheduled tasks: import customers, sync payments, one-line summary.

.DESCRIPTION
Runs Import-GcUser and then Sync-GcPayment against the configuration in -ConfigPath (or $env:GOCARDLESSHALO_HOME, or
the default: %ProgramData%\GoCardlessHalo when running as SYSTEM). Written for Windows PowerShell 5.1 as well as
PowerShell 7, never prompts, and writes the summary line FIRST (RMM tools often show only the first line or truncate
the output), then the warnings behind it (at most -MaxWarnings, then a count of the rest), and exits with a code an
RMM monitor can alert on:

    0  all good
    1  error: a sync could not run or did not finish, or a customer failed to import
    2  needs attention: customers skipped (ambiguous names, inactive users) or placed in the Default Site because
       their company matched no Halo customer, payments that failed or were charged back, or mandates that
       became failed, cancelled, expired, blocked or suspended (new changes only: a first run's history never counts)

Secrets come from environment variables, as the settings file refers to them (set once with
Enable-GcModule -AccessTokenReference env:GOCARDLESS_ACCESS_TOKEN -ClientSecretReference env:HALO_CLIENT_SECRET).
Set those variables in the RMM job's environment (or as machine-level variables for SYSTEM). Every change is also
appended to GoCardlessHalo.audit.jsonl beside the settings: Get-GcAuditLog -Last shows what this run changed.

When the output is redirected or the session is not interactive (RMM tools, scheduled tasks, log files), no ANSI colour
codes are written: on PowerShell 7.2+ the script sets $PSStyle.OutputRendering to PlainText (Windows PowerShell 5.1
never writes them).

.EXAMPLE
powershell.exe -NoProfile -ExecutionPolicy Bypass -File Invoke-ScheduledSync.ps1
GoCardlessHalo sync OK: import 3 created, 1 updated, 212 unchanged; payments 14 changed. Audit: C:\ProgramData\GoCardlessHalo\GoCardlessHalo.audit.jsonl

.EXAMPLE
Invoke-ScheduledSync.ps1 -MaxWarnings 5
GoCardlessHalo sync NEEDS ATTENTION: import 240 unchanged; payments 31 changed | attention: 9 payment(s) failed or charged back. Audit: ...
WARNING: Payment PM0001 of CU0001: failed (insufficient_funds)
... (5 warnings)
WARNING: 4 more warning(s) not shown; run Get-GcAuditLog -Last, or rerun with a higher -MaxWarnings.
#>
[CmdletBinding()]
param(
    # The settings file or its folder; default as for every GoCardlessHalo cmdlet.
    [string] $ConfigPath,

    # Where the GoCardlessHalo module is, when it is not installed in a module folder.
    [string] $ModulePath = 'GoCardlessHalo',

    # Only import customers; leave payments for another schedule.
    [switch] $SkipPayments,

    # The most warnings written after the summary line; the rest are counted in one last warning.
    [ValidateRange(0, 10000)]
    [int] $MaxWarnings = 20
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
# RMM tools capture the output as text: colour codes would show as garbage. PowerShell 7.2+ decides by $PSStyle
# (https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_ansi_terminals); 5.1 has no colour codes.
$plain = [Console]::IsOutputRedirected -or -not [Environment]::UserInteractive -or
    ([Environment]::GetCommandLineArgs() -contains '-NonInteractive')
if ($plain -and $PSVersionTable.PSVersion -ge [version]'7.2') { $PSStyle.OutputRendering = 'PlainText' }

$common = @{}
if ($ConfigPath) { $common.ConfigPath = $ConfigPath }

$exitCode = 0
$parts = New-Object System.Collections.Generic.List[string]
$attention = New-Object System.Collections.Generic.List[string]
# Warnings are kept until the summary line has been written, so it comes first.
$warnings = New-Object System.Collections.Generic.List[string]
$quiet = @{ WarningAction = 'SilentlyContinue'; WarningVariable = '+moduleWarnings' }
$moduleWarnings = @()
try {
    Import-Module $ModulePath -ErrorAction Stop

    # Import: per-customer failures are non-terminating errors; collect them instead of stopping.
    $importErrors = @()
    $imported = @(Import-GcUser @common @quiet -ErrorAction SilentlyContinue -ErrorVariable +importErrors)
    $counts = $imported | Group-Object Action | ForEach-Object { '{0} {1}' -f $_.Count, $_.Name.ToLowerInvariant() }
    $parts.Add('import ' + $(if ($counts) { $counts -join ', ' } else { 'nothing to do' }))
    if ($importErrors.Count -gt 0) {
        $exitCode = 1
        foreach ($err in $importErrors) { $warnings.Add("Import: " + $err.Exception.Message) }
    }

    $skipped = @($imported | Where-Object Action -EQ 'Skipped')
    if ($skipped.Count -gt 0) { $attention.Add("$($skipped.Count) customer(s) skipped") }
    $unmatched = @($imported | Where-Object { $_.MatchedBy -eq 'DefaultSite' -and $_.Reason -like '*matches no Halo customer*' })
    if ($unmatched.Count -gt 0) { $attention.Add("$($unmatched.Count) company name(s) matched no Halo customer") }
    foreach ($result in $skipped + $unmatched) { $warnings.Add(("{0} ({1}): {2}" -f $result.CustomerId, $result.CustomerName, $result.Reason)) }

    if (-not $SkipPayments) {
        $output = @(Sync-GcPayment @common @quiet)
        # Sync-GcPayment writes payment changes and mandate changes (GoCardlessHalo.GcMandateChange) in one stream.
        $mandates = @($output | Where-Object { $_.PSObject.TypeNames -contains 'GoCardlessHalo.GcMandateChange' })
        $changes = @($output | Where-Object { $_.PSObject.TypeNames -notcontains 'GoCardlessHalo.GcMandateChange' })
        $parts.Add("payments $($changes.Count) changed")
        if ($mandates.Count -gt 0) { $parts.Add("mandates $($mandates.Count) changed") }
        $lost = @($mandates | Where-Object NeedsAttention)
        if ($lost.Count -gt 0) {
            $attention.Add("$($lost.Count) mandate(s) failed, cancelled, expired, blocked or suspended")
            foreach ($mandate in $lost) { $warnings.Add(("Mandate {0} of {1} (Halo user {2}): {3} -> {4}" -f $mandate.MandateId, $mandate.CustomerId, $mandate.HaloUserId, $mandate.OldStatus, $mandate.NewStatus)) }
        }
        $bad = @($changes | Where-Object { $_.NewStatus -in 'failed', 'charged_back' })
        if ($bad.Count -gt 0) {
            $attention.Add("$($bad.Count) payment(s) failed or charged back")
            foreach ($change in $bad) { $warnings.Add(("Payment {0} of {1}: {2} ({3})" -f $change.PaymentId, $change.CustomerId, $change.NewStatus, $change.Cause)) }
        }
    }
}
catch {
    $exitCode = 1
    $parts.Add('stopped: ' + $_.Exception.Message.TrimEnd('.'))
}

if ($exitCode -eq 0 -and $attention.Count -gt 0) { $exitCode = 2 }
$status = switch ($exitCode) { 0 { 'OK' } 1 { 'ERROR' } 2 { 'NEEDS ATTENTION' } }
$audit = $null
try { $audit = Join-Path (Split-Path (Get-GcModule @common).ConfigPath) 'GoCardlessHalo.audit.jsonl' } catch { }
$line = "GoCardlessHalo sync $($status): " + ($parts -join '; ')
if ($attention.Count -gt 0) { $line += ' | attention: ' + ($attention -join ', ') }
if ($audit) { $line += ". Audit: $audit" }
Write-Output $line
$all = @(@($moduleWarnings | ForEach-Object { "$_" }) + $warnings)
foreach ($warning in ($all | Select-Object -First $MaxWarnings)) { Write-Warning $warning }
if ($all.Count -gt $MaxWarnings) {
    Write-Warning "$($all.Count - $MaxWarnings) more warning(s) not shown; run Get-GcAuditLog -Last, or rerun with a higher -MaxWarnings."
}
exit $exitCode
