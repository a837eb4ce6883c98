# Test-GcModule: one result per check, never a terminating error for a broken setup.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'IntegrationHelpers.psm1') -Force
    Import-TestedModule
    $checkNames = 'Configuration', 'GoCardlessToken', 'HaloConnection', 'HaloPermissions', 'LinkField', 'FieldMappings',
        'DefaultSite', 'ModuleTables', 'LastImport', 'LastPaymentSync', 'SyncMachine', 'HaloNativeIntegration'
}

Describe 'Test-GcModule' {
    It 'reports every check in order on a working SQLite setup, and passes LastImport after an import' {
        $config = New-TestIntegration -Target Sqlite
        $before = Test-GcModule -ConfigPath $config
        $before.Name | Should -Be $checkNames
        ($before | Where-Object Name -EQ 'LastImport').Status | Should -Be 'Warning'
        ($before | Where-Object Status -EQ 'Failed') | Should -BeNullOrEmpty
        $before[0].PSObject.TypeNames[0] | Should -Be 'GoCardlessHalo.GcHealthCheck'

        $null = Import-GcUser -ConfigPath $config
        (Test-GcModule -ConfigPath $config | Where-Object Name -EQ 'LastImport').Status | Should -Be 'Passed'
        Test-GcModule -ConfigPath $config -Quiet | Should -BeTrue
    }

    It 'fails the token check and skips nothing it does not need to when GoCardless refuses the token' {
        $config = New-TestIntegration -Target Sqlite
        $env:GCH_PESTER_TOKEN = 'revoked-token'
        try {
            $checks = Test-GcModule -ConfigPath $config
            ($checks | Where-Object Name -EQ 'GoCardlessToken').Status | Should -Be 'Failed'
            ($checks | Where-Object Name -EQ 'GoCardlessToken').ErrorId | Should -Be 'GoCardlessTokenInvalid'
            ($checks | Where-Object Name -EQ 'HaloConnection').Status | Should -Be 'Passed'
            ($checks | Out-String) | Should -Not -Match 'revoked-token'
            Test-GcModule -ConfigPath $config -Quiet | Should -BeFalse
        }
        finally {
            $env:GCH_PESTER_TOKEN = 'emulator-token'
        }
    }

    It 'reports an invalid settings file as a failed check instead of stopping' {
        $config = New-TestConfigPath
        Set-Content -LiteralPath (Join-Path $config 'GoCardlessHalo.yaml') -Value "version: 1`nenabled: perhaps`n"
        $checks = Test-GcModule -ConfigPath $config
        $checks[0].Status | Should -Be 'Failed'
        $checks[0].ErrorId | Should -Be 'ConfigFileInvalid'
        $checks[0].Message | Should -Match 'line 2'
        Test-GcModule -ConfigPath $config -Quiet | Should -BeFalse
    }

    It 'warns when Halo''s own GoCardless integrator is switched on too' {
        $config = New-TestIntegration -Target Api
        Invoke-Emulator -Method POST -Path '/__admin/halo/control' -Body @{ halointegrator_gocardless = $true }
        $native = Test-GcModule -ConfigPath $config | Where-Object Name -EQ 'HaloNativeIntegration'
        $native.Status | Should -Be 'Warning'
        $native.Message | Should -Match 'GoCardless'
    }
}
