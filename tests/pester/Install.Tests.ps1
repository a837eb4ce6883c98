# Installed as users install modules: the built module is published to a local PSResourceGet repository (as
# build.ps1 -Task Package does), installed with Install-PSResource into a throwaway user scope (a fresh pwsh whose
# HOME is a temporary folder, so its CurrentUser module path and repository list are empty and its own), imported
# by name, and used. Also the manifest's metadata and the CHANGELOG that the build keeps in step with it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifestPath = $env:GCH_TEST_MODULE
    $moduleDir = Split-Path $manifestPath
    $version = (Import-PowerShellDataFile -LiteralPath $manifestPath).ModuleVersion
}

Describe 'The module manifest' {
    It 'passes Test-ModuleManifest and carries ProjectUri, LicenseUri and ReleaseNotes' {
        $manifest = Test-ModuleManifest -Path $manifestPath
        $manifest.ProjectUri | Should -Not -BeNullOrEmpty
        $manifest.LicenseUri | Should -Not -BeNullOrEmpty
        $manifest.ReleaseNotes | Should -Not -BeNullOrEmpty
        $manifest.ExportedCmdlets.Keys | Should -Contain 'Update-GcCompletionCache'
    }

    It 'ships CHANGELOG.md, whose section for this version is the ReleaseNotes word for word' {
        $changelog = Join-Path $moduleDir 'CHANGELOG.md'
        $changelog | Should -Exist
        $text = (Get-Content -LiteralPath $changelog -Raw).Replace("`r`n", "`n")
        $section = [regex]::Match($text, "(?ms)^## $([regex]::Escape($version))[ \t]*\n(.*?)(?=^## |\z)")
        $section.Success | Should -BeTrue
        $section.Groups[1].Value.Trim() | Should -Be (Test-ModuleManifest -Path $manifestPath).ReleaseNotes.Replace("`r`n", "`n").Trim()
    }
}

Describe 'Install-PSResource from a local repository' {
    BeforeAll {
        $home_ = Join-Path $TestDrive 'home'
        $repository = Join-Path $TestDrive 'repository'
        $config = Join-Path $TestDrive 'config'
        $null = New-Item -ItemType Directory -Path $home_, $repository, $config
        $script = Join-Path $TestDrive 'install.ps1'
        Set-Content -LiteralPath $script -Value @'
param($ModuleDir, $Repository, $Config)
$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name GoCardlessHaloLocal -Uri $Repository -Trusted
Publish-PSResource -Path $ModuleDir -Repository GoCardlessHaloLocal -SkipDependenciesCheck
Install-PSResource -Name GoCardlessHalo -Repository GoCardlessHaloLocal -Scope CurrentUser -TrustRepository -Quiet
Import-Module GoCardlessHalo
$module = Get-Module GoCardlessHalo
[pscustomobject]@{
    Package    = @(Get-ChildItem -LiteralPath $Repository -Filter '*.nupkg').Name
    ModuleBase = $module.ModuleBase
    Version    = "$($module.Version)"
    Cmdlets    = @($module.ExportedCmdlets.Keys).Count
    Configured = (Get-GcModule -ConfigPath $Config).Configured
    About      = "$(Get-Help about_GoCardlessHalo)".Contains('MATCHING RULES')
} | ConvertTo-Json -Compress
'@
        $previous = @{ HOME = $env:HOME; XDG_DATA_HOME = $env:XDG_DATA_HOME; XDG_CONFIG_HOME = $env:XDG_CONFIG_HOME; PSModulePath = $env:PSModulePath }
        try {
            $env:HOME = $home_
            Remove-Item Env:XDG_DATA_HOME, Env:XDG_CONFIG_HOME, Env:PSModulePath -ErrorAction SilentlyContinue
            $run = Invoke-ScriptInFreshPwsh -Path $script -ArgumentList $moduleDir, $repository, $config
        }
        finally {
            foreach ($name in $previous.Keys) {
                if ($null -eq $previous[$name]) { Remove-Item "Env:$name" -ErrorAction SilentlyContinue } else { Set-Item -Path "Env:$name" -Value $previous[$name] }
            }
        }
        $result = if ($run.ExitCode -eq 0) { $run.Output[-1] | ConvertFrom-Json }
    }

    It 'publishes, installs into the user scope and imports by name' {
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $result.Package | Should -Be "GoCardlessHalo.$version.nupkg"
        $result.ModuleBase | Should -BeLike "$home_*GoCardlessHalo*$version"
        $result.Version | Should -Be $version
    }

    It 'runs a command and finds its help topics once installed' {
        $result.Cmdlets | Should -Be @((Test-ModuleManifest -Path $manifestPath).ExportedCmdlets.Keys).Count
        $result.Configured | Should -BeFalse
        $result.About | Should -BeTrue
    }
}
