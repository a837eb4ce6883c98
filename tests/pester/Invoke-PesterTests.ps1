<#
.SYNOPSIS
Runs the Pester tests against the built module. build.ps1 starts this in a child pwsh so the module's DLLs
are never loaded (and locked) in the build session.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ToolsDirectory,
    [Parameter(Mandatory)] [string] $EmulatorDll,
    [string[]] $Path = @($PSScriptRoot),
    [string[]] $Tag = @(),
    [string[]] $ExcludeTag = @()
)

$ErrorActionPreference = 'Stop'
# Plain text: escape sequences in error messages are not valid in the XML test report.
$PSStyle.OutputRendering = 'PlainText'
$ToolsDirectory = (Resolve-Path -LiteralPath $ToolsDirectory).Path
Import-Module (Join-Path $ToolsDirectory 'pester/6.2.0/tools/Pester.psd1') -Force
Import-Module (Join-Path $PSScriptRoot '../tools/EmulatorProcess.psm1') -Force

# The tests read these to find what they test; one emulator serves the whole run (tests reset it as they need).
$env:GCH_TEST_MODULE = (Resolve-Path -LiteralPath $ModulePath).Path
$env:GCH_TEST_TOOLS = $ToolsDirectory
$emulator = Start-GcEmulator -EmulatorDll (Resolve-Path -LiteralPath $EmulatorDll).Path
$env:GCH_EMULATOR_URL = $emulator.Url

try {
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = $Path
    $configuration.Run.PassThru = $true
    $configuration.Filter.Tag = $Tag
    $configuration.Filter.ExcludeTag = $ExcludeTag
    $configuration.Output.Verbosity = if ($env:CI) { 'Normal' } else { 'Detailed' }
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputPath = Join-Path (Split-Path $env:GCH_TEST_TOOLS) 'pester-results.xml'
    $result = Invoke-Pester -Configuration $configuration
}
finally {
    Stop-GcEmulator -Emulator $emulator
}

exit $result.FailedCount
