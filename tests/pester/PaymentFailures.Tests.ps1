# Payments keep their failure, and a first run's history is not news (issue 11).
BeforeDiscovery {
    $targets = @('Sqlite', 'Api')
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'IntegrationHelpers.psm1') -Force
    Import-TestedModule

    $customers = @(@{ id = 'CU00PFA'; given_name = 'Jane'; family_name = 'Doe'; company_name = 'Acme Widgets Ltd'; email = 'jane@acme.example'; created_at = '2026-01-01T10:00:00.000Z' })
    $mandates = @(@{ id = 'MD00PFA'; status = 'active'; scheme = 'bacs'; links = @{ customer = 'CU00PFA' }; created_at = '2026-01-01T10:00:00.000Z' })
    $payments = @(
        # Years of history, failures among them.
        @{ id = 'PM00PFOLD1'; amount = 1000; currency = 'GBP'; status = 'failed'; charge_date = '2024-03-05'; links = @{ mandate = 'MD00PFA' }; created_at = '2024-03-01T09:00:00.000Z' }
        @{ id = 'PM00PFOLD2'; amount = 1000; currency = 'GBP'; status = 'charged_back'; charge_date = '2024-04-05'; links = @{ mandate = 'MD00PFA' }; created_at = '2024-04-01T09:00:00.000Z' }
        @{ id = 'PM00PFNEW'; amount = 2500; currency = 'GBP'; status = 'submitted'; charge_date = '2026-01-05'; links = @{ mandate = 'MD00PFA' }; created_at = '2026-01-02T09:00:00.000Z' }
    )
}

Describe 'Payment failures on <_>' -ForEach $targets {
    BeforeEach {
        $config = New-TestIntegration -Target $_
        Set-TestGoCardless -Customers $customers -Mandates $mandates -Payments $payments
        $null = Import-GcUser -ConfigPath $config
    }

    It 'the first sync stores history without presenting it as changes, in its output and its audit' {
        $first = @(Sync-GcPayment -ConfigPath $config -Verbose 4>&1)

        @($first | Where-Object { $_.PSObject.TypeNames -contains 'GoCardlessHalo.GcPaymentChange' }) | Should -HaveCount 0
        ($first | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) -join "`n" | Should -Match '3 payment\(s\) read by a backfill were stored as history'
        @(Get-GcAuditLog -ConfigPath $config -Action 'payment.status') | Should -HaveCount 0
        @(Get-GcAuditLog -ConfigPath $config -Action 'payment.backfill') | Should -Not -HaveCount 0
        @(Get-GcPayment -ConfigPath $config) | Should -HaveCount 3
        @(Get-GcPayment -ConfigPath $config -ChangedSince (Get-Date).AddYears(-20)) | Should -HaveCount 0
        (Get-GcPayment -ConfigPath $config -Status failed).StatusChangedAt | Should -BeNullOrEmpty
    }

    It 'a failure since then keeps its cause, description, change time, Halo client and site, and -ChangedSince finds it' {
        $null = Sync-GcPayment -ConfigPath $config
        $before = (Get-Date).AddSeconds(-2)
        $null = Invoke-Emulator -Method POST -Path '/__admin/gocardless/payments/PM00PFNEW/transition' -Body @{ status = 'failed' }

        $change = @(Sync-GcPayment -ConfigPath $config)

        $change | Should -HaveCount 1
        $change[0].Cause | Should -Be 'insufficient_funds'
        $payment = @(Get-GcPayment -ConfigPath $config -ChangedSince $before)
        $payment | Should -HaveCount 1
        $payment[0].PaymentId | Should -Be 'PM00PFNEW'
        $payment[0].FailureCause | Should -Be 'insufficient_funds'
        $payment[0].FailureDescription | Should -Match 'insufficient funds'
        $payment[0].StatusChangedAt | Should -BeGreaterOrEqual ([DateTimeOffset]$before)
        $payment[0].Client | Should -Be 'Acme Widgets Ltd'
        $payment[0].Site | Should -Be 'Head Office'
        @(Get-GcPayment -ConfigPath $config -ChangedSince (Get-Date).AddMinutes(5)) | Should -HaveCount 0
        (Get-GcPayment -ConfigPath $config -CustomerId CU00PFA -NoHaloLookup | Select-Object -First 1).Client | Should -BeNullOrEmpty
    }
}
