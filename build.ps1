<#
.SYNOPSIS
Builds, tests, benchmarks and packages the GoCardlessHalo module.

.DESCRIPTION
    Build    compiles both flavours (net472 for Windows PowerShell 5.1, net8.0 for PowerShell 7.4+) and lays
             out a clean module folder out/GoCardlessHalo/<version>/ from a named list of files, with the cmdlets'
             help (bin/<flavour>/en-US/GoCardlessHalo.dll-Help.xml) generated from their XML doc comments.
    Test     Build, then the engine's xunit tests, the contract tests (official GoCardless Node client against
             the emulator) and the Pester tests against the built module in a child pwsh.
    Demo     Build, then the demo: the emulator with a small realistic data set, the module on the embedded SQLite
             Halo and then on the Halo API (enable, map fields, import, sync payments, show changes).
    Package  Build, then a .nupkg of the module in out/.
    Bench    The speed and request-count figures (tests/GoCardlessHalo.Bench, Release, emulator in-process):
             100,000 payments streamed, Halo API reads and writes of 10,000 users, and import and payment
             sync on the SQLite and Halo API targets. Request-count bounds are checked (a failed bound fails
             the task); times are only reported. Figures in out/bench/bench.json and out/bench/bench.md.
    Clean    removes out/ and every bin/ and obj/ folder.

.EXAMPLE
dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test

.EXAMPLE
dotnet pwsh ./build.ps1 -Task Bench
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Package', 'Clean')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = $PSScriptRoot
$Version = (Import-PowerShellDataFile -LiteralPath "$Root/GoCardlessHalo.psd1").ModuleVersion
$OutDir = Join-Path $Root 'out'
$ModuleDir = Join-Path $OutDir "GoCardlessHalo/$Version"
$ToolsDir = Join-Path $OutDir 'tools'
$EmulatorDll = Join-Path $Root "tests/GoCardlessHalo.Emulator/bin/$Configuration/net10.0/GoCardlessHalo.Emulator.dll"
$Flavours = @('net472', 'net8.0')

# What each flavour's dependencies/ folder must hold, by name. Anything missing or unexpected fails the build,
# so a new transitive dependency is a deliberate decision and never ships by accident.
$Dependencies = @{
    'net472' = @(
        'GoCardlessHalo.Core.dll', 'Microsoft.Bcl.AsyncInterfaces.dll', 'Microsoft.Data.Sqlite.dll',
        'SQLitePCLRaw.batteries_v2.dll', 'SQLitePCLRaw.core.dll', 'SQLitePCLRaw.provider.e_sqlite3.dll',
        'System.Buffers.dll', 'System.IO.Pipelines.dll', 'System.Memory.dll', 'System.Numerics.Vectors.dll',
        'System.Runtime.CompilerServices.Unsafe.dll', 'System.Text.Encodings.Web.dll', 'System.Text.Json.dll',
        'System.Threading.Tasks.Extensions.dll', 'YamlDotNet.dll')
    'net8.0' = @(
        'GoCardlessHalo.Core.dll', 'Microsoft.Bcl.Cryptography.dll', 'Microsoft.Data.SqlClient.dll',
        'Microsoft.Data.SqlClient.Extensions.Abstractions.dll', 'Microsoft.Data.SqlClient.Internal.Logging.dll',
        'Microsoft.Data.Sqlite.dll', 'Microsoft.Extensions.Caching.Abstractions.dll', 'Microsoft.Extensions.Caching.Memory.dll',
        'Microsoft.Extensions.DependencyInjection.Abstractions.dll', 'Microsoft.Extensions.Logging.Abstractions.dll',
        'Microsoft.Extensions.Options.dll', 'Microsoft.Extensions.Primitives.dll', 'Microsoft.IdentityModel.Abstractions.dll',
        'Microsoft.IdentityModel.JsonWebTokens.dll', 'Microsoft.IdentityModel.Logging.dll',
        'Microsoft.IdentityModel.Protocols.OpenIdConnect.dll', 'Microsoft.IdentityModel.Protocols.dll',
        'Microsoft.IdentityModel.Tokens.dll', 'Microsoft.SqlServer.Server.dll', 'SQLitePCLRaw.batteries_v2.dll',
        'SQLitePCLRaw.core.dll', 'SQLitePCLRaw.provider.e_sqlite3.dll', 'System.Configuration.ConfigurationManager.dll',
        'System.Diagnostics.EventLog.dll', 'System.IdentityModel.Tokens.Jwt.dll', 'System.Security.Cryptography.Pkcs.dll',
        'System.Security.Cryptography.ProtectedData.dll', 'System.Threading.RateLimiting.dll', 'YamlDotNet.dll')
}

# Native and platform-specific assets kept from the engine's runtimes/ folder (others are platforms PowerShell does not run on).
$RuntimeIdentifiers = @('win', 'unix', 'win-x64', 'win-x86', 'win-arm64', 'linux-x64', 'linux-arm64', 'linux-musl-x64', 'osx-x64', 'osx-arm64')

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Get-NuGetPackageRoot {
    $line = & dotnet nuget locals global-packages --list
    ($line -replace '^global-packages:\s*', '').Trim()
}

function Assert-ReleaseNotes {
    # The manifest's ReleaseNotes are CHANGELOG.md's section for ModuleVersion, word for word (line endings aside).
    $changelog = (Get-Content -LiteralPath "$Root/CHANGELOG.md" -Raw).Replace("`r`n", "`n")
    $section = [regex]::Match($changelog, "(?ms)^## $([regex]::Escape($Version))[ \t]*\n(.*?)(?=^## |\z)")
    if (-not $section.Success) { throw "CHANGELOG.md has no '## $Version' section: add one for the version in GoCardlessHalo.psd1." }
    $notes = (Import-PowerShellDataFile -LiteralPath "$Root/GoCardlessHalo.psd1").PrivateData.PSData.ReleaseNotes
    if ($section.Groups[1].Value.Trim() -ne "$notes".Replace("`r`n", "`n").Trim()) {
        throw "GoCardlessHalo.psd1's ReleaseNotes differ from CHANGELOG.md's '## $Version' section; make them the same text."
    }
}

function Invoke-Build {
    Write-Host "== Build $Version ($Configuration)" -ForegroundColor Cyan
    Assert-ReleaseNotes
    Invoke-Dotnet build "$Root/src/GoCardlessHalo/GoCardlessHalo.csproj" -c $Configuration --nologo -v quiet
    if (Test-Path $ModuleDir) { Remove-Item $ModuleDir -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $ModuleDir

    foreach ($file in 'GoCardlessHalo.psd1', 'src/GoCardlessHalo/GoCardlessHalo.psm1', 'src/GoCardlessHalo/GoCardlessHalo.Format.ps1xml', 'LICENSE', 'CHANGELOG.md') {
        Copy-Item -LiteralPath (Join-Path $Root $file) -Destination $ModuleDir
    }

    foreach ($flavour in $Flavours) {
        $bin = Join-Path $ModuleDir "bin/$flavour"
        $deps = Join-Path $bin 'dependencies'
        $null = New-Item -ItemType Directory -Path $deps -Force
        $shellOut = Join-Path $Root "src/GoCardlessHalo/bin/$Configuration/$flavour"
        Copy-Item -LiteralPath "$shellOut/GoCardlessHalo.dll", "$shellOut/GoCardlessHalo.pdb" -Destination $bin

        $publish = Join-Path $Root "src/GoCardlessHalo.Core/obj/publish/$flavour"
        if (Test-Path $publish) { Remove-Item $publish -Recurse -Force }
        Invoke-Dotnet publish "$Root/src/GoCardlessHalo.Core/GoCardlessHalo.Core.csproj" -c $Configuration -f $flavour -o $publish --nologo -v quiet
        Copy-Dependencies -From $publish -To $deps -Flavour $flavour
    }

    New-CmdletHelp
    New-AboutHelp
    Write-Host "Module laid out in $ModuleDir"
}

function New-CmdletHelp {
    # MAML help from the cmdlets' XML doc comments, generated once in a child pwsh (it imports the built module, which
    # must never load, and lock its DLLs, in this session). Get-Help looks for it in en-US beside the cmdlet assembly.
    $help = Join-Path $ModuleDir 'bin/net8.0/en-US/GoCardlessHalo.dll-Help.xml'
    & dotnet pwsh -NoProfile -NonInteractive -File "$Root/src/GoCardlessHalo/Help/New-CmdletHelp.ps1" -ModulePath (Join-Path $ModuleDir 'GoCardlessHalo.psd1') `
        -DocumentationPath "$Root/src/GoCardlessHalo/bin/$Configuration/net8.0/GoCardlessHalo.xml" -OutputPath $help | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "Generating the cmdlet help failed (exit code $LASTEXITCODE); see the error above." }
    # Both flavours declare the same cmdlets from the same source, so one file serves both.
    $net472 = New-Item -ItemType Directory -Path (Join-Path $ModuleDir 'bin/net472/en-US') -Force
    Copy-Item -LiteralPath $help -Destination $net472
}

function New-AboutHelp {
    # about_GoCardlessHalo and about_GoCardlessHalo_Troubleshooting in en-US beside the manifest (where Get-Help finds
    # about_ topics on both editions), from src/GoCardlessHalo/Help/About, checked; in a child pwsh for the same reason.
    & dotnet pwsh -NoProfile -NonInteractive -File "$Root/src/GoCardlessHalo/Help/New-AboutHelp.ps1" -ModulePath (Join-Path $ModuleDir 'GoCardlessHalo.psd1')
    if ($LASTEXITCODE -ne 0) { throw "Generating the about_ topics failed (exit code $LASTEXITCODE); see the error above." }
}

function Copy-Dependencies([string] $From, [string] $To, [string] $Flavour) {
    $expected = $Dependencies[$Flavour]
    $found = @(Get-ChildItem -LiteralPath $From -Filter '*.dll' | ForEach-Object Name)
    $missing = @($expected | Where-Object { $_ -notin $found })
    $unexpected = @($found | Where-Object { $_ -notin $expected })
    if ($missing -or $unexpected) {
        throw "The $Flavour dependency set changed. Missing: $($missing -join ', '). Unexpected: $($unexpected -join ', '). Update `$Dependencies in build.ps1 deliberately."
    }
    foreach ($name in $expected) { Copy-Item -LiteralPath (Join-Path $From $name) -Destination $To }
    Copy-Item -LiteralPath (Join-Path $From 'GoCardlessHalo.Core.pdb') -Destination $To
    $depsJson = Join-Path $From 'GoCardlessHalo.Core.deps.json'
    if (Test-Path $depsJson) { Copy-Item -LiteralPath $depsJson -Destination $To }

    foreach ($rid in $RuntimeIdentifiers) {
        $source = Join-Path $From "runtimes/$rid"
        if (Test-Path $source) {
            $target = Join-Path $To "runtimes/$rid"
            $null = New-Item -ItemType Directory -Path $target -Force
            Copy-Item -Path "$source/*" -Destination $target -Recurse
        }
    }

    if ($Flavour -eq 'net472') {
        # .NET Framework builds get no native assets from NuGet without a RID; lay out SQLite's for each Windows
        # architecture, and for Linux x64, where CI runs this flavour under Mono (SqliteNative preloads either).
        $sqlite = Join-Path (Get-NuGetPackageRoot) 'sqlite/3.53.4/runtimes'
        foreach ($native in 'win-x64/native/e_sqlite3.dll', 'win-x86/native/e_sqlite3.dll', 'win-arm64/native/e_sqlite3.dll', 'linux-x64/native/libe_sqlite3.so') {
            $target = Join-Path $To "runtimes/$(Split-Path $native -Parent)"
            $null = New-Item -ItemType Directory -Path $target -Force
            Copy-Item -LiteralPath (Join-Path $sqlite $native) -Destination $target
        }
    }
}

function Invoke-Test {
    Write-Host '== Engine tests (xunit, net10.0)' -ForegroundColor Cyan
    Invoke-Dotnet test "$Root/tests/GoCardlessHalo.Core.Tests/GoCardlessHalo.Core.Tests.csproj" -c $Configuration -f net10.0 --nologo -v quiet --logger 'console;verbosity=minimal'

    Invoke-Dotnet build "$Root/tests/GoCardlessHalo.Emulator/GoCardlessHalo.Emulator.csproj" -c $Configuration --nologo -v quiet
    Invoke-Dotnet restore "$Root/tests/tools/TestTools.csproj" --packages $ToolsDir --nologo -v quiet
    Import-Module "$Root/tests/tools/EmulatorProcess.psm1" -Force
    Invoke-FrameworkTest
    Invoke-ContractTest

    Write-Host '== Module tests (Pester, child pwsh)' -ForegroundColor Cyan
    & dotnet pwsh -NoProfile -NonInteractive -File "$Root/tests/pester/Invoke-PesterTests.ps1" `
        -ModulePath (Join-Path $ModuleDir 'GoCardlessHalo.psd1') -ToolsDirectory $ToolsDir -EmulatorDll $EmulatorDll
    if ($LASTEXITCODE -ne 0) { throw "Pester tests failed ($LASTEXITCODE failed)." }
}

function Invoke-FrameworkTest {
    # The .NET Framework flavour (what Windows PowerShell 5.1 loads), run under Mono: the engine's xunit suite
    # built for net472, then the module's own net472 loader driving an import (tests/GoCardlessHalo.FrameworkHost).
    if (-not (Get-Command mono -ErrorAction SilentlyContinue)) {
        if ($IsWindows) { Write-Warning 'Mono is not installed: the net472 engine tests run only where mono is (CI installs mono-complete).'; return }
        throw "Mono is needed to run the .NET Framework flavour's tests on $([Environment]::OSVersion.Platform): install Debian's mono-complete (.ci/run does)."
    }
    Write-Host '== Engine tests (xunit, net472 under Mono)' -ForegroundColor Cyan
    Invoke-Dotnet build "$Root/tests/GoCardlessHalo.Core.Tests/GoCardlessHalo.Core.Tests.csproj" -c $Configuration -f net472 --nologo -v quiet
    $runner = Join-Path $ToolsDir 'xunit.runner.console/2.4.1/tools/net472/xunit.console.exe'
    $tests = Join-Path $Root "tests/GoCardlessHalo.Core.Tests/bin/$Configuration/net472/GoCardlessHalo.Core.Tests.dll"
    $env:GC_EMULATOR_DLL = $EmulatorDll
    try {
        # Skipped tests print their reason ([SKIP] and the next line); a skip is never silent.
        & mono $runner $tests -noshadow -noappdomain -nologo -parallel collections
        if ($LASTEXITCODE -ne 0) { throw "The net472 engine tests failed under Mono (exit code $LASTEXITCODE)." }
    }
    finally {
        Remove-Item Env:GC_EMULATOR_DLL -ErrorAction SilentlyContinue
    }

    Write-Host '== Framework loader (net472 module layout under Mono, import on the embedded SQLite Halo)' -ForegroundColor Cyan
    Invoke-Dotnet build "$Root/tests/GoCardlessHalo.FrameworkHost/GoCardlessHalo.FrameworkHost.csproj" -c $Configuration --nologo -v quiet
    $emulator = Start-GcEmulator -EmulatorDll $EmulatorDll
    $work = Join-Path ([IO.Path]::GetTempPath()) "gch-framework-$PID"
    $null = New-Item -ItemType Directory -Path $work -Force
    try {
        $olderYaml = Join-Path $ToolsDir 'yamldotnet/11.2.1/lib/net45/YamlDotNet.dll'
        & mono "$Root/tests/GoCardlessHalo.FrameworkHost/bin/$Configuration/net472/GoCardlessHalo.FrameworkHost.exe" (Join-Path $ModuleDir 'bin/net472') $olderYaml "$($emulator.Url)/" $work
        if ($LASTEXITCODE -ne 0) { throw "The Framework loader test failed (exit code $LASTEXITCODE); see the checks above." }
    }
    finally {
        Stop-GcEmulator -Emulator $emulator
        Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
    }
}

function Invoke-ContractTest {
    $contract = Join-Path $Root 'tests/contract'
    if (-not (Test-Path (Join-Path $contract 'package.json'))) { return }
    Write-Host '== Contract tests (gocardless-nodejs against the emulator)' -ForegroundColor Cyan
    $emulator = Start-GcEmulator -EmulatorDll $EmulatorDll
    Push-Location $contract
    try {
        & npm ci --no-audit --no-fund --loglevel=error
        if ($LASTEXITCODE -ne 0) { throw 'npm ci failed.' }
        $env:GC_EMULATOR_URL = $emulator.Url
        & npm test
        if ($LASTEXITCODE -ne 0) { throw 'Contract tests failed.' }
    }
    finally {
        Remove-Item Env:GC_EMULATOR_URL -ErrorAction SilentlyContinue
        Pop-Location
        Stop-GcEmulator -Emulator $emulator
    }
}

function Invoke-Demo {
    Invoke-Dotnet build "$Root/tests/GoCardlessHalo.Emulator/GoCardlessHalo.Emulator.csproj" -c $Configuration --nologo -v quiet
    # A child pwsh, so the module's DLLs are never loaded (and locked) in this session.
    & dotnet pwsh -NoProfile -NonInteractive -File "$Root/examples/demo/Invoke-GcDemo.ps1" -ModulePath (Join-Path $ModuleDir 'GoCardlessHalo.psd1') -EmulatorDll $EmulatorDll
    if ($LASTEXITCODE -ne 0) { throw "The demo failed ($LASTEXITCODE)." }
}

function Invoke-Package {
    Write-Host '== Package' -ForegroundColor Cyan
    $repository = Join-Path $OutDir 'repository'
    $null = New-Item -ItemType Directory -Path $repository -Force
    $name = "GoCardlessHalo-build-$PID"
    Register-PSResourceRepository -Name $name -Uri $repository -Trusted
    try {
        Publish-PSResource -Path $ModuleDir -Repository $name -SkipDependenciesCheck
    }
    finally {
        Unregister-PSResourceRepository -Name $name
    }
    Get-ChildItem $repository -Filter "GoCardlessHalo.$Version.nupkg" | ForEach-Object { Write-Host "Package: $($_.FullName)" }
}

function Invoke-Bench {
    Write-Host '== Benchmarks (Release; about a minute on 2 cores)' -ForegroundColor Cyan
    # Always Release: Debug figures would say nothing about the shipped engine.
    Invoke-Dotnet build "$Root/tests/GoCardlessHalo.Bench/GoCardlessHalo.Bench.csproj" -c Release --nologo -v quiet
    & dotnet "$Root/tests/GoCardlessHalo.Bench/bin/Release/net10.0/GoCardlessHalo.Bench.dll" --out (Join-Path $OutDir 'bench')
    if ($LASTEXITCODE -ne 0) { throw "Benchmarks failed (exit code $LASTEXITCODE): a request-count bound did not hold or a scenario could not finish; see above." }
}

function Invoke-Clean {
    Write-Host '== Clean' -ForegroundColor Cyan
    if (Test-Path $OutDir) { Remove-Item $OutDir -Recurse -Force }
    Get-ChildItem -Path "$Root/src", "$Root/tests" -Directory -Recurse -Include 'bin', 'obj', 'node_modules' |
        Where-Object { Test-Path $_.FullName } | Remove-Item -Recurse -Force
}

Push-Location $Root
try {
    foreach ($step in $Task) {
        switch ($step) {
            'Clean' { Invoke-Clean }
            'Build' { Invoke-Build }
            'Test' { Invoke-Build; Invoke-Test }
            'Demo' { Invoke-Build; Invoke-Demo }
            'Package' { Invoke-Build; Invoke-Package }
            'Bench' { Invoke-Bench }
        }
    }
}
finally {
    Pop-Location
}
