# Pipelines a user would try: one cmdlet's output piped into another binds by property name (issue 10).
# Each test asserts which objects and ids the second cmdlet acted on, not only that nothing failed.
BeforeDiscovery {
    $targets = @('Sqlite', 'Api')
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'IntegrationHelpers.psm1') -Force
    Import-TestedModule

    function New-Customer([string] $Id, [string] $Given, [string] $Email, [string] $AccountRef) {
        @{ id = $Id; given_name = $Given; family_name = 'Piper'; email = $Email; metadata = @{ account_ref = $AccountRef }; created_at = '2026-01-01T10:00:00.000Z' }
    }

    function Set-PipelineAccount([string] $Suffix) {
        # Three customers with a mandate and a payment each; $Suffix changes the mapped metadata value.
        $ids = 'CU00PIPA', 'CU00PIPB', 'CU00PIPC'
        $customers = foreach ($id in $ids) { New-Customer $id $id.Substring(6) "$($id.ToLowerInvariant())@example.com" "REF-$id$Suffix" }
        $mandates = foreach ($id in $ids) { @{ id = "MD$($id.Substring(2))"; status = 'active'; scheme = 'bacs'; links = @{ customer = $id }; created_at = '2026-01-01T10:00:00.000Z' } }
        $payments = foreach ($id in $ids) {
            @{ id = "PM$($id.Substring(2))1"; amount = 1000; currency = 'GBP'; status = 'paid_out'; charge_date = '2026-01-05'; links = @{ mandate = "MD$($id.Substring(2))" }; created_at = '2026-01-02T09:00:00.000Z' }
        }
        Set-TestGoCardless -Customers $customers -Mandates $mandates -Payments $payments
    }
}

Describe 'Pipelines between the cmdlets on <_>' -ForEach $targets {
    BeforeEach {
        $target = $_
        $config = New-TestIntegration -Target $target
        Set-PipelineAccount ''
        Set-GcFieldMapping -ConfigPath $config account_ref AccountRef -CreateHaloField
        # Only A and B become Halo users: C stays a GoCardless customer nobody links.
        $null = 'CU00PIPA', 'CU00PIPB' | Import-GcUser -ConfigPath $config
    }

    It 'Get-GcUser | Import-GcUser imports again exactly the piped users (GoCardlessCustomerId binds to -CustomerId)' {
        Set-PipelineAccount '-NEW'
        $before = Get-GcUser -ConfigPath $config

        $results = Get-GcUser -ConfigPath $config -CustomerId CU00PIPB | Import-GcUser -ConfigPath $config

        $results.CustomerId | Should -Be 'CU00PIPB'
        $results.Action | Should -Be 'Updated'
        $results.HaloUserId | Should -Be ($before | Where-Object GoCardlessCustomerId -EQ 'CU00PIPB').HaloUserId
        (Get-GcUser -ConfigPath $config -CustomerId CU00PIPB).CustomFields['AccountRef'] | Should -Be 'REF-CU00PIPB-NEW'
        (Get-GcUser -ConfigPath $config -CustomerId CU00PIPA).CustomFields['AccountRef'] | Should -Be 'REF-CU00PIPA'

        $all = Get-GcUser -ConfigPath $config | Import-GcUser -ConfigPath $config
        $all.CustomerId | Sort-Object | Should -Be @('CU00PIPA', 'CU00PIPB')
        ($all | Where-Object CustomerId -EQ 'CU00PIPA').Action | Should -Be 'Updated'
        ($all | Where-Object CustomerId -EQ 'CU00PIPB').Action | Should -Be 'Unchanged'
        # The customer nobody piped is not imported.
        (Get-GcUser -ConfigPath $config).GoCardlessCustomerId | Sort-Object | Should -Be @('CU00PIPA', 'CU00PIPB')
    }

    It 'Get-GcUser | Get-GcPayment lists the payments of exactly the piped users (HaloUserId binds)' {
        $null = Sync-GcPayment -ConfigPath $config
        $b = Get-GcUser -ConfigPath $config -CustomerId CU00PIPB

        $payments = $b | Get-GcPayment -ConfigPath $config

        $payments.PaymentId | Should -Be 'PM00PIPB1'
        $payments.HaloUserId | Should -Be $b.HaloUserId
        (Get-GcUser -ConfigPath $config | Get-GcPayment -ConfigPath $config).PaymentId | Sort-Object | Should -Be @('PM00PIPA1', 'PM00PIPB1')
    }

    It 'Get-GcPayment | Open-GcPayment -WhatIf names each piped payment (PaymentId and DashboardUrl bind) and opens nothing' {
        $null = Sync-GcPayment -ConfigPath $config
        $log = Join-Path $TestDrive "opened-$target.txt"
        $opener = Join-Path $TestDrive 'open-url.sh'
        Set-Content -LiteralPath $opener -Value "#!/bin/sh`necho `"`$1`" >> '$log'"
        chmod +x $opener
        $env:BROWSER = $opener
        try {
            $output = $null
            $whatIf = Get-HostOutput { $script:output = Get-GcPayment -ConfigPath $config -CustomerId CU00PIPA | Open-GcPayment -ConfigPath $config -WhatIf }
        }
        finally {
            Remove-Item Env:BROWSER
        }

        $whatIf | Should -Match ([regex]::Escape("$env:GCH_EMULATOR_URL/manage-gocardless/payments/PM00PIPA1"))
        $whatIf | Should -Match 'Open GoCardless payment PM00PIPA1'
        $whatIf | Should -Not -Match 'PM00PIPB1'
        $script:output | Should -BeNullOrEmpty
        Test-Path -LiteralPath $log | Should -BeFalse
    }

    It 'Get-GcCustomer | Get-GcImportPlan plans every piped customer, the linked ones against their user, and writes nothing' {
        $before = Get-GcUser -ConfigPath $config
        $writes = Get-HaloWriteCount -Target $target -ConfigPath $config

        $plan = Get-GcCustomer -ConfigPath $config | Get-GcImportPlan -ConfigPath $config

        $plan.CustomerId | Sort-Object | Should -Be @('CU00PIPA', 'CU00PIPB', 'CU00PIPC')
        ($plan | Where-Object CustomerId -EQ 'CU00PIPA').HaloUserId | Should -Be ($before | Where-Object GoCardlessCustomerId -EQ 'CU00PIPA').HaloUserId
        ($plan | Where-Object CustomerId -EQ 'CU00PIPA').MatchedBy | Should -Be 'Link'
        ($plan | Where-Object CustomerId -EQ 'CU00PIPC').Action | Should -Be 'Created'
        (Get-GcCustomer -ConfigPath $config -CustomerId CU00PIPC | Get-GcImportPlan -ConfigPath $config).CustomerId | Should -Be 'CU00PIPC'
        Get-HaloWriteCount -Target $target -ConfigPath $config | Should -Be $writes
        (Get-GcUser -ConfigPath $config).GoCardlessCustomerId | Sort-Object | Should -Be @('CU00PIPA', 'CU00PIPB')
    }
}

Describe 'Get-GcFieldMapping | Remove-GcFieldMapping' {
    BeforeEach {
        # Mappings are checked against Halo when it can be reached: this configuration has no Halo database.
        $env:GCH_PESTER_TOKEN = 'emulator-token'
        $config = New-TestConfigPath
        Enable-TestModule -ConfigPath $config -Extra @{ SkipConnectionCheck = $true } -WarningAction SilentlyContinue
        Remove-Item (Join-Path $config 'halo.db') -ErrorAction SilentlyContinue
        # As a wildcard, 'ref[1]' would match 'ref1' too: a piped key must be taken literally.
        Set-GcFieldMapping -ConfigPath $config 'ref[1]' CFRefBracket -WarningAction SilentlyContinue
        Set-GcFieldMapping -ConfigPath $config ref1 CFRefOne -WarningAction SilentlyContinue
        Set-GcFieldMapping -ConfigPath $config other CFOther -WarningAction SilentlyContinue
    }

    It '-WhatIf names only the piped mapping, even with [ in its key, and changes nothing' {
        $settings = Join-Path $config 'GoCardlessHalo.yaml'
        $hash = (Get-FileHash -LiteralPath $settings).Hash

        $whatIf = Get-HostOutput { Get-GcFieldMapping -ConfigPath $config | Where-Object GoCardlessField -EQ 'ref[1]' | Remove-GcFieldMapping -ConfigPath $config -WhatIf }

        $whatIf | Should -Match ([regex]::Escape("GoCardless field 'ref[1]'"))
        $whatIf | Should -Not -Match "GoCardless field 'ref1'"
        (Get-FileHash -LiteralPath $settings).Hash | Should -Be $hash
        (Get-GcFieldMapping -ConfigPath $config).GoCardlessField | Sort-Object | Should -Be (@('other', 'ref1', 'ref[1]') | Sort-Object)
    }

    It 'removes exactly the piped mappings, a key with [ literally' {
        Get-GcFieldMapping -ConfigPath $config | Where-Object GoCardlessField -EQ 'ref[1]' | Remove-GcFieldMapping -ConfigPath $config

        (Get-GcFieldMapping -ConfigPath $config).GoCardlessField | Sort-Object | Should -Be @('other', 'ref1')

        Get-GcFieldMapping -ConfigPath $config | Where-Object HaloField -Like 'CFRef*' | Remove-GcFieldMapping -ConfigPath $config
        (Get-GcFieldMapping -ConfigPath $config).GoCardlessField | Should -Be 'other'
    }
}
