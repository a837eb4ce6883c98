BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-TestedModule
    $env:GCH_PESTER_TOKEN = 'emulator-token'
}

Describe 'Set-GcFieldMapping, Get-GcFieldMapping and Remove-GcFieldMapping' {
    BeforeEach {
        # Mappings are checked against Halo when it can be reached: this configuration has no Halo database yet.
        $config = New-TestConfigPath
        Enable-TestModule -ConfigPath $config -Extra @{ SkipConnectionCheck = $true } -WarningAction SilentlyContinue
        Remove-Item (Join-Path $config 'halo.db') -ErrorAction SilentlyContinue
    }

    It 'adds, changes, lists and removes mappings' {
        Set-GcFieldMapping -ConfigPath $config -GoCardlessField account_ref -HaloField CFAccountRef
        Set-GcFieldMapping -ConfigPath $config payment.last_status CFLastPaymentStatus
        Set-GcFieldMapping -ConfigPath $config account_ref CFAccountReference

        $mappings = Get-GcFieldMapping -ConfigPath $config
        $mappings | Should -HaveCount 2
        ($mappings | Where-Object GoCardlessField -EQ 'account_ref').HaloField | Should -Be 'CFAccountReference'
        ($mappings | Where-Object GoCardlessField -EQ 'payment.last_status').Source | Should -Be 'PaymentSummary'
        $mappings[0].PSObject.TypeNames[0] | Should -Be 'GoCardlessHalo.GcFieldMapping'
        (Get-GcModule -ConfigPath $config).FieldMappings | Should -Be 2

        Remove-GcFieldMapping -ConfigPath $config account_ref
        (Get-GcFieldMapping -ConfigPath $config).GoCardlessField | Should -Be 'payment.last_status'
    }

    It 'accepts mapping objects from the pipeline and saves them in one write' {
        $rows = @(
            [pscustomobject]@{ GoCardlessField = 'vat_number'; HaloField = 'CFVatNumber' }
            [pscustomobject]@{ GoCardlessField = 'contract'; HaloField = 'CFContract' }
        )
        $set = $rows | Set-GcFieldMapping -ConfigPath $config -PassThru
        $set.GoCardlessField | Should -Be @('vat_number', 'contract')
        Test-Path (Join-Path $config 'GoCardlessHalo.yaml.bak') | Should -BeTrue

        # Copy all mappings into another configuration, then remove them through the pipeline.
        $other = New-TestConfigPath
        Get-GcFieldMapping -ConfigPath $config | Set-GcFieldMapping -ConfigPath $other
        (Get-GcFieldMapping -ConfigPath $other) | Should -HaveCount 2
        Get-GcFieldMapping -ConfigPath $other | Remove-GcFieldMapping -ConfigPath $other
        Get-GcFieldMapping -ConfigPath $other | Should -BeNullOrEmpty
    }

    It 'filters with wildcards' {
        'a_one', 'a_two', 'b_one' | ForEach-Object { Set-GcFieldMapping -ConfigPath $config $_ ("CF" + $_.Replace('_', '')) }
        (Get-GcFieldMapping -ConfigPath $config 'a_*') | Should -HaveCount 2
        (Get-GcFieldMapping -ConfigPath $config -HaloField 'cfb*') | Should -HaveCount 1
        Remove-GcFieldMapping -ConfigPath $config 'a_*'
        (Get-GcFieldMapping -ConfigPath $config).GoCardlessField | Should -Be 'b_one'
    }

    It '-WhatIf changes nothing' {
        Set-GcFieldMapping -ConfigPath $config keep CFKeep
        $before = (Get-FileHash (Join-Path $config 'GoCardlessHalo.yaml')).Hash
        Set-GcFieldMapping -ConfigPath $config other CFOther -WhatIf
        Remove-GcFieldMapping -ConfigPath $config keep -WhatIf
        (Get-FileHash (Join-Path $config 'GoCardlessHalo.yaml')).Hash | Should -Be $before
    }

    It 'reports a bad mapping per item and keeps the good ones' {
        $rows = @(
            [pscustomobject]@{ GoCardlessField = 'good'; HaloField = 'CFGood' }
            [pscustomobject]@{ GoCardlessField = 'bad'; HaloField = 'Not A Field Name!' }
            [pscustomobject]@{ GoCardlessField = 'also_good'; HaloField = 'CFAlsoGood' }
        )
        $rows | Set-GcFieldMapping -ConfigPath $config -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'FieldMappingInvalid,GoCardlessHalo.Commands.SetGcFieldMappingCommand'
        $failures[0].TargetObject | Should -Be 'Not A Field Name!'
        (Get-GcFieldMapping -ConfigPath $config).GoCardlessField | Should -Be @('good', 'also_good')
    }

    It 'refuses two GoCardless fields feeding one Halo field, and the link field' {
        Set-GcFieldMapping -ConfigPath $config first CFShared
        { Set-GcFieldMapping -ConfigPath $config second CFShared -ErrorAction Stop } | Should -Throw -ErrorId 'FieldMappingConflict,*'
        { Set-GcFieldMapping -ConfigPath $config third GoCardlessCustomerId -ErrorAction Stop } | Should -Throw -ErrorId 'FieldMappingConflict,*'
    }

    It 'refuses a metadata key longer than GoCardless allows' {
        { Set-GcFieldMapping -ConfigPath $config ('k' * 51) CFLong -ErrorAction Stop } | Should -Throw -ErrorId 'FieldMappingInvalid,*'
    }

    It 'reports a mapping that does not exist' {
        { Remove-GcFieldMapping -ConfigPath $config nothing_here -ErrorAction Stop } | Should -Throw -ErrorId 'FieldMappingNotFound,GoCardlessHalo.Commands.RemoveGcFieldMappingCommand'
        { Remove-GcFieldMapping -ConfigPath $config 'nothing*' -ErrorAction Stop } | Should -Not -Throw
    }
}

Describe 'Set-GcFieldMapping when Halo refuses the credentials' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'IntegrationHelpers.psm1') -Force
    }

    It 'stops with Halo''s error and saves no mapping unchecked' {
        $config = New-TestIntegration -Target Api
        $rows = @(
            [pscustomobject]@{ GoCardlessField = 'account_ref'; HaloField = 'AccountRef' }
            [pscustomobject]@{ GoCardlessField = 'contract'; HaloField = 'Contract' }
        )
        $env:GCH_HALO_SECRET = 'not-the-secret'
        try {
            { $rows | Set-GcFieldMapping -ConfigPath $config -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'HaloAuthenticationFailed,*'
        }
        finally {
            $env:GCH_HALO_SECRET = 'emulator-secret'
        }

        Get-GcFieldMapping -ConfigPath $config | Should -BeNullOrEmpty
    }
}
