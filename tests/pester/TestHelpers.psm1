# Shared helpers of the Pester tests. Every test file imports the BUILT module named by $env:GCH_TEST_MODULE.
Set-StrictMode -Version Latest

function Import-TestedModule {
    Import-Module $env:GCH_TEST_MODULE -Force -Global -ErrorAction Stop
}

function New-TestConfigPath {
    <# A fresh, empty configuration folder under TestDrive. #>
    $path = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $path
    $path
}

function Enable-TestModule {
    <#
    Enables the module in a configuration folder against the emulator's GoCardless side; -Extra adds or
    overrides Enable-GcModule parameters (e.g. a Halo target). Returns what Enable-GcModule returns.
    #>
    param(
        [Parameter(Mandatory)] [string] $ConfigPath,
        [hashtable] $Extra = @{}
    )
    $env:GCH_PESTER_TOKEN = 'emulator-token'
    $parameters = @{
        ConfigPath           = $ConfigPath
        AccessTokenReference = 'env:GCH_PESTER_TOKEN'
        GoCardlessBaseUri    = "$env:GCH_EMULATOR_URL/gocardless"
    }
    foreach ($key in $Extra.Keys) { $parameters[$key] = $Extra[$key] }
    Enable-GcModule @parameters
}

function Get-HostOutput {
    <# What a script writes to the host, e.g. -WhatIf's "What if:" lines (captured through a transcript). #>
    param([Parameter(Mandatory)] [scriptblock] $Script)
    $transcript = Join-Path $TestDrive ("host-" + [guid]::NewGuid().ToString('N') + '.txt')
    $null = Start-Transcript -LiteralPath $transcript
    try {
        $null = & $Script
    }
    finally {
        $null = Stop-Transcript
    }
    Get-Content -LiteralPath $transcript -Raw
}

function Invoke-Emulator {
    <# Calls the emulator (admin controls or emulated APIs). #>
    param(
        [Parameter(Mandatory)] [string] $Path,
        [string] $Method = 'GET',
        $Body
    )
    $request = @{ Uri = "$env:GCH_EMULATOR_URL$Path"; Method = $Method }
    if ($null -ne $Body) {
        $request.Body = if ($Body -is [string]) { $Body } else { $Body | ConvertTo-Json -Depth 20 }
        $request.ContentType = 'application/json'
    }
    Invoke-RestMethod @request
}

function Invoke-FreshPwsh {
    <#
    Runs a script in a new pwsh process (for tests that need a session where the module was never loaded) and
    returns its output lines. The script gets the module path as $args[0].
    #>
    param([Parameter(Mandatory)] [string] $Script)
    $pwshDll = Join-Path $PSHOME 'pwsh.dll'
    $file = Join-Path $TestDrive ("fresh-" + [guid]::NewGuid().ToString('N') + '.ps1')
    Set-Content -LiteralPath $file -Value ("`$PSStyle.OutputRendering = 'PlainText'`n" + $Script)
    $output = if (Test-Path $pwshDll) {
        & dotnet $pwshDll -NoProfile -NonInteractive -File $file $env:GCH_TEST_MODULE 2>&1
    }
    else {
        & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File $file $env:GCH_TEST_MODULE 2>&1
    }
    $exitCode = $LASTEXITCODE
    # Escape sequences would end up in the XML test report, where they are invalid.
    [pscustomobject]@{ ExitCode = $exitCode; Output = @($output | ForEach-Object { "$_" -replace "`e\[[0-9;]*m", '' }) }
}

function Invoke-ScriptInFreshPwsh {
    <# Runs a script file with arguments in a new pwsh process; returns its exit code, output lines (colour codes
       removed) and how many lines had colour codes (with -KeepColour NO_COLOR is not set, to see what the script writes). #>
    param([Parameter(Mandatory)] [string] $Path, [string[]] $ArgumentList = @(), [switch] $KeepColour)
    $pwshDll = Join-Path $PSHOME 'pwsh.dll'
    $launcher = if (Test-Path $pwshDll) { @('dotnet', $pwshDll) } else { @((Join-Path $PSHOME 'pwsh')) }
    $arguments = @($launcher | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $Path) + $ArgumentList
    $previous = $env:NO_COLOR
    if (-not $KeepColour) { $env:NO_COLOR = '1' } else { Remove-Item Env:NO_COLOR -ErrorAction SilentlyContinue }
    try {
        $output = & $launcher[0] @arguments 2>&1
    }
    finally {
        $env:NO_COLOR = $previous
    }
    $exitCode = $LASTEXITCODE
    # Escape sequences are counted (ColourLines), not kept: they would be invalid in the XML test report.
    $lines = @($output | ForEach-Object { "$_" })
    [pscustomobject]@{
        ExitCode    = $exitCode
        Output      = @($lines | ForEach-Object { $_ -replace "`e\[[0-9;]*m", '' })
        ColourLines = @($lines | Where-Object { $_ -match "`e\[" }).Count
    }
}

function Start-ModuleProcess {
    <# Runs one module command in a child pwsh (so a test can kill it mid-run, or run it beside this session); returns the process. #>
    param([Parameter(Mandatory)] [string] $Command)
    $script = Join-Path $TestDrive ("child-" + [guid]::NewGuid().ToString('N') + '.ps1')
    Set-Content -LiteralPath $script -Value @"
`$env:GCH_PESTER_TOKEN = 'emulator-token'; `$env:GCH_HALO_SECRET = 'emulator-secret'
Import-Module '$env:GCH_TEST_MODULE'
$Command | Out-Null
"@
    $pwshDll = Join-Path $PSHOME 'pwsh.dll'
    if (Test-Path $pwshDll) { Start-Process -FilePath 'dotnet' -ArgumentList @($pwshDll, '-NoProfile', '-NonInteractive', '-File', $script) -PassThru }
    else { Start-Process -FilePath (Join-Path $PSHOME 'pwsh') -ArgumentList @('-NoProfile', '-NonInteractive', '-File', $script) -PassThru }
}

function Wait-Until {
    <# Polls on observable state (not a fixed delay); the bound (60 s) only keeps a broken test from hanging. #>
    param([Parameter(Mandatory)] [scriptblock] $Condition, [Parameter(Mandatory)] [string] $What)
    for ($i = 0; $i -lt 600; $i++) {
        if (& $Condition) { return }
        Start-Sleep -Milliseconds 100
    }
    throw "Timed out waiting for: $What"
}

function Get-ModuleLoadContext {
    <# The private AssemblyLoadContext the module loads its engine and dependencies into (PowerShell 7). #>
    [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -EQ 'GoCardlessHalo'
}

Export-ModuleMember -Function Import-TestedModule, New-TestConfigPath, Enable-TestModule, Get-HostOutput, Invoke-ScriptInFreshPwsh, Invoke-Emulator, Invoke-FreshPwsh, Get-ModuleLoadContext, Wait-Until, Start-ModuleProcess
