<#
.SYNOPSIS
Checks GoCardlessHalo on this Windows machine, in Windows PowerShell 5.1 and in PowerShell 7, and prints a report to
paste into an issue.

.DESCRIPTION
The project's CI runs on Linux: it runs the .NET Framework build under Mono, but cannot run Windows PowerShell 5.1,
DPAPI, the SYSTEM account or Windows' help lookup. Run this once on a Windows machine (as the account your RMM tool or
scheduled task uses, SYSTEM included) to check what only Windows can. For each edition it finds (powershell.exe,
pwsh.exe) it starts a fresh process that:
  - imports the module by name (or from -ModulePath) and names the flavour that loaded (bin/net472 or bin/net8.0);
  - runs Enable-GcModule on a throwaway embedded SQLite Halo in a temporary folder, with a made-up GoCardless token
    given as a secure string, so the token is stored with DPAPI (CurrentUser scope, LocalMachine as SYSTEM) and the
    native SQLite library loads;
  - checks the settings file holds a dpapi: reference and not the token, and that Test-GcModule reads the secret
    back (its Configuration check) and opens the database (its HaloConnection check);
  - says whether it runs as SYSTEM and where the settings then live by default;
  - asks Get-Help for a cmdlet (from the MAML file) and for about_GoCardlessHalo.
Nothing is sent anywhere; the temporary folder is removed. The report holds no secret.

.EXAMPLE
powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\Test-GcInstallation.ps1 | Set-Clipboard
#>
[CmdletBinding()]
param(
    # The module to check: a name (installed module) or the path of GoCardlessHalo.psd1.
    [string] $ModulePath = 'GoCardlessHalo',

    # Internal: run the checks in this process and write them as JSON (used for each edition's child process).
    [switch] $Probe
)

$ErrorActionPreference = 'Stop'

function Test-Step([string] $Name, [scriptblock] $Check) {
    try {
        $detail = & $Check
        [pscustomobject]@{ Check = $Name; Result = 'OK'; Detail = "$detail" }
    }
    catch {
        [pscustomobject]@{ Check = $Name; Result = 'FAILED'; Detail = "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" }
    }
}

if ($Probe) {
    $work = Join-Path ([IO.Path]::GetTempPath()) ("gch-install-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = New-Item -ItemType Directory -Path $work
    $results = @(
        Test-Step 'Edition' { "$($PSVersionTable.PSEdition) $($PSVersionTable.PSVersion) on $([Runtime.InteropServices.RuntimeInformation]::FrameworkDescription), $([Environment]::OSVersion.VersionString), $(if ([Environment]::Is64BitProcess) { '64' } else { '32' })-bit" }
        Test-Step 'Account' {
            $identity = [Security.Principal.WindowsIdentity]::GetCurrent()
            $elevated = ([Security.Principal.WindowsPrincipal]$identity).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
            "$($identity.Name); SYSTEM: $($identity.IsSystem); elevated: $elevated; default settings folder: $(if ($identity.IsSystem) { '%ProgramData%\GoCardlessHalo' } else { '%APPDATA%\GoCardlessHalo' })"
        }
        Test-Step 'Import-Module' {
            $module = Import-Module $ModulePath -PassThru
            $flavour = Split-Path (Split-Path ($module.NestedModules | Where-Object Name -EQ 'GoCardlessHalo' | Select-Object -First 1).Path) -Leaf
            "$($module.Version) from $($module.ModuleBase), flavour $flavour, $(@(Get-Command -Module GoCardlessHalo).Count) commands"
        }
        Test-Step 'Enable-GcModule (DPAPI, SQLite)' {
            $token = ConvertTo-SecureString 'sandbox_check-not-a-token' -AsPlainText -Force
            $null = Enable-GcModule -ConfigPath $work -DatabasePath (Join-Path $work 'halo.db') -SampleData -AccessToken $token -Environment Sandbox -SkipConnectionCheck -Confirm:$false
            $settings = Get-Content -LiteralPath (Join-Path $work 'GoCardlessHalo.yaml') -Raw
            if ($settings -match 'check-not-a-token') { throw 'The token was written to the settings file in clear.' }
            if ($settings -notmatch 'dpapi:') { throw 'The settings file holds no dpapi: reference.' }
            'token stored as a dpapi: reference; embedded database created'
        }
        Test-Step 'Test-GcModule reads the DPAPI secret back and opens SQLite' {
            $checks = @(Test-GcModule -ConfigPath $work)
            $bad = @($checks | Where-Object { $_.Name -in 'Configuration', 'HaloConnection' -and "$($_.Status)" -eq 'Failed' })
            if ($bad) { throw ($bad | ForEach-Object { "$($_.Name): $($_.Message)" }) -join ' | ' }
            ($checks | Where-Object Name -In 'Configuration', 'HaloConnection' | ForEach-Object { "$($_.Name) $($_.Status)" }) -join ', '
        }
        Test-Step 'Get-Help (cmdlet)' {
            $help = Get-Help Import-GcUser -Full
            if ($help.PSTypeNames -notcontains 'MamlCommandHelpInfo') { throw 'Get-Help found no MAML help for Import-GcUser.' }
            "$(@($help.examples.example).Count) examples"
        }
        Test-Step 'Get-Help about_GoCardlessHalo' {
            $about = Get-Help about_GoCardlessHalo
            if (-not "$about".Contains('MATCHING RULES')) { throw 'about_GoCardlessHalo was not found.' }
            'found'
        }
    )
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
    $results | ConvertTo-Json -Compress
    return
}

if ($PSVersionTable.PSEdition -eq 'Core' -and -not $IsWindows) { throw 'Run this on Windows: it checks what only Windows has (Windows PowerShell 5.1, DPAPI, SYSTEM).' }
$report = [System.Collections.Generic.List[string]]::new()
$report.Add('### GoCardlessHalo installation check')
$report.Add('')
$report.Add("$(Get-Date -Format 'yyyy-MM-dd HH:mm') UTC offset $(Get-Date -Format 'zzz'); module: $ModulePath")
foreach ($edition in 'powershell.exe', 'pwsh.exe') {
    $exe = Get-Command $edition -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    $report.Add('')
    $report.Add("#### $edition")
    if (-not $exe) { $report.Add('not installed'); continue }
    $json = & $exe.Source -NoProfile -NonInteractive -ExecutionPolicy Bypass -File $PSCommandPath -Probe -ModulePath $ModulePath 2>&1 | Out-String
    try { $results = $json | ConvertFrom-Json }
    catch { $report.Add("The check itself failed: $json"); continue }
    $report.Add('| Check | Result | Detail |')
    $report.Add('|---|---|---|')
    foreach ($result in $results) { $report.Add("| $($result.Check) | $($result.Result) | $($result.Detail -replace '\|', '/') |") }
}
$report -join [Environment]::NewLine
