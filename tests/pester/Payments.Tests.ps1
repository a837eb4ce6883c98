# Payments: the "GoCardless Payments" tab of Halo's guide, through Sync-GcPayment, Get-GcPayment and Open-GcPayment.
BeforeDiscovery {
    $targets = @('Sqlite', 'Api')
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'IntegrationHelpers.psm1') -Force
    Import-TestedModule

    $customers = @(
        @{ id = 'CU00PAYA'; given_name = 'Jane'; family_name = 'Doe'; company_name = 'Acme Widgets Ltd'; email = 'jane@acme.example'; created_at = '2026-01-01T10:00:00.000Z' }
        @{ id = 'CU00PAYB'; given_name = 'Sam'; family_name = 'Smith'; email = 'sam@example.com'; created_at = '2026-01-01T10:00:00.000Z' }
    )
    $mandates = @(
        @{ id = 'MD00PAYA'; status = 'active'; scheme = 'bacs'; links = @{ customer = 'CU00PAYA' }; created_at = '2026-01-01T10:00:00.000Z' }
        @{ id = 'MD00PAYB'; status = 'active'; scheme = 'bacs'; links = @{ customer = 'CU00PAYB' }; created_at = '2026-01-01T10:00:00.000Z' }
    )
    $payments = @(
        @{ id = 'PM00PAYA1'; amount = 1250; currency = 'GBP'; status = 'paid_out'; charge_date = '2026-01-05'; links = @{ mandate = 'MD00PAYA' }; created_at = '2026-01-02T09:00:00.000Z' }
        @{ id = 'PM00PAYA2'; amount = 1250; currency = 'GBP'; status = 'submitted'; charge_date = '2026-02-05'; links = @{ mandate = 'MD00PAYA' }; created_at = '2026-02-02T09:00:00.000Z' }
        @{ id = 'PM00PAYB1'; amount = 4999; currency = 'EUR'; status = 'pending_submission'; charge_date = '2026-02-10'; links = @{ mandate = 'MD00PAYB' }; created_at = '2026-02-03T09:00:00.000Z' }
    )

    function Move-Payment([string] $Id, [string] $Status) {
        $null = Invoke-Emulator -Method POST -Path "/__admin/gocardless/payments/$Id/transition" -Body @{ status = $Status }
    }
}

Describe 'Payments on <_>' -ForEach $targets {
    BeforeEach {
        $target = $_
        $config = New-TestIntegration -Target $target
        Set-TestGoCardless -Customers $customers -Mandates $mandates -Payments $payments
        Set-GcFieldMapping -ConfigPath $config payment.last_status LastPaymentStatus -CreateHaloField
        $null = Import-GcUser -ConfigPath $config
    }

    It 'shows each user''s payments newest first, with dashboard links' {
        $first = Sync-GcPayment -ConfigPath $config -IncludeBackfill
        $first.Count | Should -Be 3
        ($first | Where-Object PaymentId -EQ 'PM00PAYA1').OldStatus | Should -BeNullOrEmpty

        $jane = Get-GcUser -ConfigPath $config -CustomerId CU00PAYA
        $tab = $jane | Get-GcPayment -ConfigPath $config
        $tab.PaymentId | Should -Be @('PM00PAYA2', 'PM00PAYA1')
        $tab[1].Amount | Should -Be 12.50
        $tab[1].Currency | Should -Be 'GBP'
        $tab[1].DashboardUrl | Should -Be "$env:GCH_EMULATOR_URL/manage-gocardless/payments/PM00PAYA1"
        (Get-GcPayment -ConfigPath $config -Status paid_out).PaymentId | Should -Be 'PM00PAYA1'
        (Get-GcPayment -ConfigPath $config -Since '2026-02-06').PaymentId | Should -Be 'PM00PAYB1'
        (Get-GcPayment -ConfigPath $config -CustomerId CU00PAYB -Live).Source | Should -Be 'Live'
        (Get-GcUser -ConfigPath $config -CustomerId CU00PAYA).CustomFields['LastPaymentStatus'] | Should -Be 'submitted'

        # Objects that carry both ids (payments, sync changes) pipe back in: each user's payments once.
        (Get-GcPayment -ConfigPath $config | Get-GcPayment -ConfigPath $config).PaymentId | Should -Be @('PM00PAYB1', 'PM00PAYA2', 'PM00PAYA1')
        { Get-GcPayment -ConfigPath $config -Live -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterMissing,GoCardlessHalo.Commands.GetGcPaymentCommand'
    }

    It 'picks up status changes incrementally, and a rerun with nothing new changes nothing' {
        $null = Sync-GcPayment -ConfigPath $config
        Move-Payment PM00PAYA2 confirmed
        Move-Payment PM00PAYA1 charged_back

        $changes = Sync-GcPayment -ConfigPath $config

        $changes.Count | Should -Be 2
        ($changes | Where-Object PaymentId -EQ 'PM00PAYA2').OldStatus | Should -Be 'submitted'
        ($changes | Where-Object PaymentId -EQ 'PM00PAYA2').NewStatus | Should -Be 'confirmed'
        ($changes | Where-Object PaymentId -EQ 'PM00PAYA1').NewStatus | Should -Be 'charged_back'
        ($changes | Where-Object PaymentId -EQ 'PM00PAYA1').HaloUserId | Should -Be (Get-GcUser -ConfigPath $config -CustomerId CU00PAYA).HaloUserId
        Sync-GcPayment -ConfigPath $config | Should -BeNullOrEmpty
        (Get-GcUser -ConfigPath $config -CustomerId CU00PAYA).CustomFields['LastPaymentStatus'] | Should -Be 'confirmed'
    }

    It 'writes a summary mapped to Halo''s CF spelling of a field once, not on every run' {
        Set-GcFieldMapping -ConfigPath $config mandate.status CFMandateStatus -CreateHaloField
        $null = Sync-GcPayment -ConfigPath $config
        $writes = Get-HaloWriteCount -Target $target -ConfigPath $config

        $null = Sync-GcPayment -ConfigPath $config

        Get-HaloWriteCount -Target $target -ConfigPath $config | Should -Be $writes
        (Get-GcUser -ConfigPath $config -CustomerId CU00PAYA).CustomFields['MandateStatus'] | Should -Be 'active'
    }

    It 'loses no payment change when a sync fails part-way' {
        $null = Sync-GcPayment -ConfigPath $config
        Move-Payment PM00PAYB1 submitted
        Invoke-Emulator -Method POST -Path '/__admin/faults' -Body @{ kind = 'status'; status = 401; count = 1; service = 'gocardless'; pathContains = '/events' }
        { Sync-GcPayment -ConfigPath $config -ErrorAction Stop } | Should -Throw -ErrorId 'GoCardlessAuthenticationFailed,*'
        (Get-GcModule -ConfigPath $config).LastPaymentSyncError | Should -Not -BeNullOrEmpty
        (Get-GcPayment -ConfigPath $config -CustomerId CU00PAYB).Status | Should -Be 'pending_submission'

        $rerun = Sync-GcPayment -ConfigPath $config

        $rerun.PaymentId | Should -Be 'PM00PAYB1'
        $rerun.NewStatus | Should -Be 'submitted'
        (Get-GcPayment -ConfigPath $config -CustomerId CU00PAYB).Status | Should -Be 'submitted'
    }

    It 'opens payments in the browser from the pipeline, or writes the URL where there is none' {
        $null = Sync-GcPayment -ConfigPath $config
        $log = Join-Path $TestDrive "opened-$target.txt"
        $opener = Join-Path $TestDrive 'open-url.sh'
        Set-Content -LiteralPath $opener -Value "#!/bin/sh`necho `"`$1`" >> '$log'"
        chmod +x $opener
        $env:BROWSER = $opener
        try {
            Get-GcPayment -ConfigPath $config -CustomerId CU00PAYA | Open-GcPayment -ConfigPath $config
        }
        finally {
            Remove-Item Env:BROWSER
        }
        # The opener runs on its own: wait until it has written both URLs (a fixed pause was too short on a busy machine).
        $deadline = [datetime]::UtcNow.AddSeconds(15)
        while (@(Get-Content $log -ErrorAction SilentlyContinue).Count -lt 2 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        # Each opener is its own process, so the two lines can land in either order: compare them as a set.
        Get-Content $log | Sort-Object | Should -Be @("$env:GCH_EMULATOR_URL/manage-gocardless/payments/PM00PAYA1", "$env:GCH_EMULATOR_URL/manage-gocardless/payments/PM00PAYA2")

        $env:DISPLAY = $null
        Open-GcPayment -ConfigPath $config -PaymentId PM00PAYB1 | Should -Be "$env:GCH_EMULATOR_URL/manage-gocardless/payments/PM00PAYB1"
        Open-GcPayment -ConfigPath $config -PaymentId PM00PAYB1 -WhatIf | Should -BeNullOrEmpty
    }

    It 'refuses to sync while disabled' {
        Disable-GcModule -ConfigPath $config
        { Sync-GcPayment -ConfigPath $config -ErrorAction Stop } | Should -Throw -ErrorId 'ModuleDisabled,GoCardlessHalo.Commands.SyncGcPaymentCommand'
    }
}

Describe 'Sync-GcPayment -WhatIf' {
    It 'names the SQL Server ledger database of the API target and how its Halo requests are counted, and contacts nothing' {
        $config = New-TestConfigPath
        Enable-TestModule -ConfigPath $config -Extra @{
            HaloUrl = 'https://contoso.halopsa.com'; ClientId = 'client-1'; ClientSecretReference = 'env:GCH_UNSET_HALO_SECRET'
            LedgerConnectionString = 'Server=sql01;Database=GcLedger;Integrated Security=True'; SkipConnectionCheck = $true; WarningAction = 'SilentlyContinue'
        }

        $output = Get-HostOutput { Sync-GcPayment -ConfigPath $config -WhatIf }

        $output | Should -Match "into the module's tables in sql01/GcLedger, and payment summaries"
        $output | Should -Match 'Halo API requests: 3 to start \(authentication, field definitions\); then, for the k users whose payment summary changes, k reads by id'
    }
}

Describe 'Get-GcPayment before any sync' {
    It 'finds no payments and creates no ledger beside the settings' {
        $config = New-TestConfigPath
        Enable-TestModule -ConfigPath $config -Extra @{
            HaloUrl = 'https://contoso.halopsa.com'; ClientId = 'client-1'; ClientSecretReference = 'env:GCH_UNSET_HALO_SECRET'
            SkipConnectionCheck = $true; WarningAction = 'SilentlyContinue'
        }

        Get-GcPayment -ConfigPath $config | Should -BeNullOrEmpty
        Get-GcPayment -ConfigPath $config -Status failed | Should -BeNullOrEmpty

        Join-Path $config 'GoCardlessHalo.ledger.db' | Should -Not -Exist
    }
}

Describe 'Dashboard links follow the environment' {
    It 'points at manage.gocardless.com for live and manage-sandbox for sandbox' -ForEach @(
        @{ Environment = 'Live'; Dashboard = 'https://manage.gocardless.com' }
        @{ Environment = 'Sandbox'; Dashboard = 'https://manage-sandbox.gocardless.com' }
    ) {
        $config = New-TestIntegration -Target Sqlite
        Set-TestGoCardless -Customers $customers -Mandates $mandates -Payments $payments
        $null = Import-GcUser -ConfigPath $config
        $null = Sync-GcPayment -ConfigPath $config
        # The same ledger seen by a configuration of the real service (no emulator address).
        $file = Join-Path $config 'GoCardlessHalo.yaml'
        (Get-Content $file) -notmatch '^\s*baseUri:' -replace '^(\s*environment:).*$', "`$1 $Environment" | Set-Content $file

        (Get-GcPayment -ConfigPath $config -CustomerId CU00PAYA)[0].DashboardUrl | Should -Be "$Dashboard/payments/PM00PAYA2"
    }
}
