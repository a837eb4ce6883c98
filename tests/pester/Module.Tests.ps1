BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-TestedModule
    $env:GCH_PESTER_TOKEN = 'emulator-token'
}

Describe 'Enable-GcModule, Get-GcModule and Disable-GcModule' {
    It 'enables the embedded target, reports status without secrets, and disables' {
        $config = New-TestConfigPath

        $status = Enable-TestModule -ConfigPath $config -Extra @{ PassThru = $true }

        $status.Enabled | Should -BeTrue
        $status.Configured | Should -BeTrue
        $status.Target | Should -Be 'Sqlite'
        $status.TargetLocation | Should -Be (Join-Path $config 'halo.db')
        $status.AccessToken | Should -Be 'environment variable GCH_PESTER_TOKEN'
        $status.DefaultSite | Should -Be 'Unassigned Customers/Default Site'
        Test-Path (Join-Path $config 'halo.db') | Should -BeTrue
        $status.PSObject.TypeNames[0] | Should -Be 'GoCardlessHalo.GcModuleStatus'
        (Get-Content (Join-Path $config 'GoCardlessHalo.yaml') -Raw) | Should -Not -Match 'emulator-token'

        (Get-GcModule -ConfigPath $config).Enabled | Should -BeTrue
        Disable-GcModule -ConfigPath $config
        (Get-GcModule -ConfigPath $config).Enabled | Should -BeFalse
        (Enable-GcModule -ConfigPath $config -PassThru).Enabled | Should -BeTrue
    }

    It 'finds the configuration through GOCARDLESSHALO_HOME' {
        $config = New-TestConfigPath
        $env:GOCARDLESSHALO_HOME = $config
        try {
            Enable-GcModule -AccessTokenReference env:GCH_PESTER_TOKEN -GoCardlessBaseUri "$env:GCH_EMULATOR_URL/gocardless"
            $status = Get-GcModule
            $status.ConfigPath | Should -Be (Join-Path $config 'GoCardlessHalo.yaml')
            $status.ConfigSource | Should -Be 'EnvironmentVariable'
        }
        finally {
            Remove-Item Env:GOCARDLESSHALO_HOME
        }
    }

    It 'records the Halo API target' {
        $config = New-TestConfigPath
        $status = Enable-GcModule -ConfigPath $config -AccessTokenReference env:GCH_PESTER_TOKEN -HaloUrl 'https://contoso.halopsa.com' `
            -ClientId 'client-1' -ClientSecretReference env:HALO_SECRET -Tenant contoso -PassThru -SkipConnectionCheck -WarningAction SilentlyContinue
        $status.Target | Should -Be 'Api'
        $status.TargetLocation | Should -Be 'https://contoso.halopsa.com (tenant contoso)'
    }

    It 'sets hosted Halo''s request budget (halo.requestsPer5Minutes), shows it, and keeps it when other settings change' {
        $config = New-TestConfigPath
        $status = Enable-GcModule -ConfigPath $config -AccessTokenReference env:GCH_PESTER_TOKEN -HaloUrl 'https://contoso.halopsa.com' `
            -ClientId 'client-1' -ClientSecretReference env:HALO_SECRET -HaloRequestsPer5Minutes 120 -PassThru -SkipConnectionCheck -WarningAction SilentlyContinue

        $status.HaloRequestsPer5Minutes | Should -Be 120
        (Get-Content (Join-Path $config 'GoCardlessHalo.yaml') -Raw) | Should -Match 'requestsPer5Minutes: "?120"?'
        Enable-GcModule -ConfigPath $config -DefaultSite 'Somewhere' -SkipConnectionCheck -WarningAction SilentlyContinue
        (Get-GcModule -ConfigPath $config).HaloRequestsPer5Minutes | Should -Be 120
        { Enable-GcModule -ConfigPath $config -HaloRequestsPer5Minutes -1 -SkipConnectionCheck -ErrorAction Stop } | Should -Throw
    }

    It 'sets both HTTP timeouts (seconds or TimeSpan), shows them, keeps them, and refuses one outside 1 s to 1 hour' {
        $config = New-TestConfigPath
        Enable-TestModule -ConfigPath $config
        $before = Get-GcModule -ConfigPath $config
        $before.GoCardlessTimeout | Should -Be ([TimeSpan]::FromSeconds(60))
        $before.HaloTimeout | Should -Be ([TimeSpan]::FromSeconds(100))

        $status = Enable-GcModule -ConfigPath $config -GoCardlessTimeout 90 -HaloTimeout '00:05:00' -PassThru -SkipConnectionCheck -WarningAction SilentlyContinue
        $status.GoCardlessTimeout | Should -Be ([TimeSpan]::FromSeconds(90))
        $status.HaloTimeout | Should -Be ([TimeSpan]::FromMinutes(5))
        $yaml = Get-Content (Join-Path $config 'GoCardlessHalo.yaml') -Raw
        $yaml | Should -Match '(?m)^goCardless:(\r?\n  .*)*\r?\n  timeoutSeconds: 90'
        $yaml | Should -Match '(?m)^halo:(\r?\n  .*)*\r?\n  timeoutSeconds: 300'

        Enable-GcModule -ConfigPath $config -DefaultSite 'Somewhere' -SkipConnectionCheck -WarningAction SilentlyContinue
        (Get-GcModule -ConfigPath $config).HaloTimeout | Should -Be ([TimeSpan]::FromMinutes(5))
        { Enable-GcModule -ConfigPath $config -HaloTimeout 0 -SkipConnectionCheck -ErrorAction Stop } |
            Should -Throw -ErrorId 'TimeoutOutOfRange*'
        (Get-GcModule -ConfigPath $config | Format-List | Out-String) | Should -Match 'HaloTimeout\s+: 00:05:00'
    }

    It 'defaults the request budget to hosted Halo''s 300 per 5 minutes' {
        $config = New-TestConfigPath
        Enable-TestModule -ConfigPath $config
        (Get-GcModule -ConfigPath $config).HaloRequestsPer5Minutes | Should -Be 300
        (Get-Content (Join-Path $config 'GoCardlessHalo.yaml') -Raw) | Should -Not -Match 'requestsPer5Minutes'
    }

    It 'reports an unconfigured module as Configured = False' {
        $status = Get-GcModule -ConfigPath (New-TestConfigPath)
        $status.Configured | Should -BeFalse
        $status.Enabled | Should -BeFalse
    }
}

Describe 'Enable-GcModule -WhatIf' {
    It 'writes nothing' {
        $config = New-TestConfigPath
        Enable-TestModule -ConfigPath $config -Extra @{ WhatIf = $true }
        Get-ChildItem $config | Should -BeNullOrEmpty
    }

    It 'leaves an existing file byte for byte' {
        $config = New-TestConfigPath
        Enable-TestModule -ConfigPath $config
        $before = Get-FileHash (Join-Path $config 'GoCardlessHalo.yaml')
        Enable-GcModule -ConfigPath $config -DefaultSite 'Default Site' -WhatIf
        Disable-GcModule -ConfigPath $config -WhatIf
        (Get-FileHash (Join-Path $config 'GoCardlessHalo.yaml')).Hash | Should -Be $before.Hash
        Test-Path (Join-Path $config 'GoCardlessHalo.yaml.bak') | Should -BeFalse
    }
}

Describe 'Errors carry their documented ErrorIds' {
    It '<Name>' -ForEach @(
        @{ Name = 'AccessTokenRequired'; Script = { Enable-GcModule -ConfigPath (New-TestConfigPath) } }
        @{ Name = 'InsecureAddress'; Script = { Enable-GcModule -ConfigPath (New-TestConfigPath) -AccessTokenReference env:X -GoCardlessBaseUri 'http://example.com' } }
        @{ Name = 'SecretReferenceInvalid'; Script = { Enable-GcModule -ConfigPath (New-TestConfigPath) -AccessTokenReference 'live_pasted' } }
        @{ Name = 'SecretManagementUnavailable'; Script = { Enable-GcModule -ConfigPath (New-TestConfigPath) -AccessTokenReference 'secret:GcToken' } }
        @{ Name = 'GoCardlessTokenWrongEnvironment'; Script = { Enable-GcModule -ConfigPath (New-TestConfigPath) -AccessToken (ConvertTo-SecureString 'live_abc' -AsPlainText -Force) -Environment Sandbox } }
        @{ Name = 'ParameterConflict'; Script = { Enable-GcModule -ConfigPath (New-TestConfigPath) -AccessToken (ConvertTo-SecureString 'x' -AsPlainText -Force) -AccessTokenReference env:X } }
        @{ Name = 'ModuleNotConfigured'; Script = { Disable-GcModule -ConfigPath (New-TestConfigPath) } }
    ) {
        { & $Script -ErrorAction Stop -WarningAction SilentlyContinue } | Should -Throw -ErrorId "$Name,GoCardlessHalo.Commands.*"
    }

    It 'SecretCannotBePersisted off Windows, and the token is not in the message' -Skip:$IsWindows {
        $config = New-TestConfigPath
        $err = { Enable-GcModule -ConfigPath $config -AccessToken (ConvertTo-SecureString 'sandbox_do_not_print_me' -AsPlainText -Force) -ErrorAction Stop } |
            Should -Throw -ErrorId 'SecretCannotBePersisted,GoCardlessHalo.Commands.EnableGcModuleCommand' -PassThru
        $err.Exception.Message | Should -Not -Match 'do_not_print_me'
        $err.Exception.Message | Should -Match 'env:'
        Get-ChildItem $config | Should -BeNullOrEmpty
    }

    It 'ConfigFileInvalid names line and column and leaves the file untouched' {
        $config = New-TestConfigPath
        $file = Join-Path $config 'GoCardlessHalo.yaml'
        $text = "version: 1`nenabled: maybe`n"
        Set-Content -LiteralPath $file -Value $text -NoNewline
        foreach ($command in { Get-GcModule -ConfigPath $config }, { Set-GcFieldMapping a CFa -ConfigPath $config }, { Enable-GcModule -ConfigPath $config -AccessTokenReference env:X }) {
            $err = { & $command -ErrorAction Stop } | Should -Throw -ErrorId 'ConfigFileInvalid,*' -PassThru
            $err.Exception.Message | Should -Match 'line 2, column 10'
            $err.CategoryInfo.Category | Should -Be 'InvalidData'
            $err.TargetObject | Should -Be $file
        }
        Get-Content -LiteralPath $file -Raw | Should -BeExactly $text
    }

    It 'warns about unknown keys' {
        $config = New-TestConfigPath
        Set-Content -LiteralPath (Join-Path $config 'GoCardlessHalo.yaml') -Value "version: 1`nenabeld: true`n"
        $null = Get-GcModule -ConfigPath $config -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -HaveCount 1
        "$warnings" | Should -Match "unknown setting 'enabeld'"
    }
}
