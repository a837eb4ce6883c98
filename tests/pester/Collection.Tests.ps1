# Issue 9: Halo invoices planned (Get-GcCollectionPlan) and charged once and only once (New-GcPayment), on both targets.
BeforeDiscovery {
    $targets = @('Sqlite', 'Api')
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'IntegrationHelpers.psm1') -Force
    Import-TestedModule

    $today = (Get-Date).ToUniversalTime().Date
    $customers = @(
        @{ id = 'CU00COLA'; given_name = 'Ann'; family_name = 'Payer'; company_name = 'Acme Widgets Ltd'; email = 'ann@acme.example'; created_at = '2026-01-01T10:00:00.000Z' }
        @{ id = 'CU00COLB'; given_name = 'Bea'; family_name = 'Euro'; company_name = 'Brightside Dental Practice'; email = 'bea@bright.example'; created_at = '2026-01-01T10:00:00.000Z' }
        @{ id = 'CU00COLC'; given_name = 'Cal'; family_name = 'Gone'; company_name = 'Northwind Traders LLC'; email = 'cal@north.example'; created_at = '2026-01-01T10:00:00.000Z' }
    )
    $mandates = @(
        @{ id = 'MD00COLA'; status = 'active'; scheme = 'bacs'; next_possible_charge_date = $today.AddDays(3).ToString('yyyy-MM-dd'); links = @{ customer = 'CU00COLA' }; created_at = '2026-01-01T10:00:00.000Z' }
        @{ id = 'MD00COLB'; status = 'active'; scheme = 'sepa_core'; next_possible_charge_date = $today.AddDays(5).ToString('yyyy-MM-dd'); links = @{ customer = 'CU00COLB' }; created_at = '2026-01-01T10:00:00.000Z' }
        @{ id = 'MD00COLC'; status = 'cancelled'; scheme = 'bacs'; links = @{ customer = 'CU00COLC' }; created_at = '2026-01-01T10:00:00.000Z' }
    )
    # A month of invoices: two collectable, and one of each reason not to collect.
    $invoices = @(
        @{ id = 101; invoicenumber = 'INV-101'; client_id = 2; currency = 'GBP'; net = 100; tax = 20 }
        @{ id = 102; invoicenumber = 'INV-102'; client_id = 2; currency = 'EUR'; net = 10; tax = 2 }
        @{ id = 103; invoicenumber = 'CN-103'; client_id = 2; currency = 'GBP'; net = -10; tax = -2 }
        @{ id = 104; invoicenumber = 'INV-104'; client_id = 3; currency = 'EUR'; net = 45.5; tax = 9.1 }
        @{ id = 105; invoicenumber = 'INV-105'; client_id = 4; currency = 'GBP'; net = 50; tax = 10 }
        @{ id = 106; invoicenumber = 'INV-106'; client_id = 2; currency = 'GBP'; net = 2000; tax = 400 }
        @{ id = 107; invoicenumber = 'INV-107'; client_id = 2; currency = 'GBP'; net = 5; tax = 1; voided = $true }
    )

    function Wait-Until([scriptblock] $Condition, [string] $What) {
        # Polls on observable state (not a fixed delay); the bound only keeps a broken test from hanging.
        for ($i = 0; $i -lt 600; $i++) {
            if (& $Condition) { return }
            Start-Sleep -Milliseconds 100
        }
        throw "Timed out waiting for: $What"
    }

    function Start-CollectionProcess([string] $ConfigPath) {
        <# New-GcPayment in a child pwsh, so it can be killed mid-run. #>
        $script = Join-Path $TestDrive ("collect-" + [guid]::NewGuid().ToString('N') + '.ps1')
        Set-Content -LiteralPath $script -Value @"
`$env:GCH_PESTER_TOKEN = 'emulator-token'; `$env:GCH_HALO_SECRET = 'emulator-secret'
Import-Module '$env:GCH_TEST_MODULE'
New-GcPayment -ConfigPath '$ConfigPath' -MaximumAmount 1000 | Out-Null
"@
        $pwshDll = Join-Path $PSHOME 'pwsh.dll'
        if (Test-Path $pwshDll) { Start-Process -FilePath 'dotnet' -ArgumentList @($pwshDll, '-NoProfile', '-NonInteractive', '-File', $script) -PassThru }
        else { Start-Process -FilePath (Join-Path $PSHOME 'pwsh') -ArgumentList @('-NoProfile', '-NonInteractive', '-File', $script) -PassThru }
    }

    function Get-PaymentCreateCount {
        $counts = (Invoke-Emulator -Path '/__admin/requests').byRoute
        $property = $counts.PSObject.Properties | Where-Object Name -EQ 'POST /gocardless/payments'
        if ($property) { $property.Value } else { 0 }
    }
}

Describe 'Collecting Halo invoices on <_>' -ForEach $targets {
    BeforeEach {
        $target = $_
        $config = New-TestIntegration -Target $target
        Set-TestGoCardless -Customers $customers -Mandates $mandates
        $null = Import-GcUser -ConfigPath $config
        Add-TestHaloInvoice -Target $target -ConfigPath $config -Invoice $invoices
    }

    It 'plans each invoice: what would be charged, when and under which mandate, or why not' {
        $plan = Get-GcCollectionPlan -ConfigPath $config -MaximumAmount 1000

        $plan.InvoiceId | Should -Be @(101, 102, 103, 104, 105, 106, 107)
        $acme = $plan | Where-Object InvoiceId -EQ 101
        $acme.Collectable | Should -BeTrue
        $acme.Amount | Should -Be 120.00
        $acme.Currency | Should -Be 'GBP'
        $acme.MandateId | Should -Be 'MD00COLA'
        $acme.CustomerId | Should -Be 'CU00COLA'
        $acme.ChargeDate | Should -Be $today.AddDays(3)
        ($plan | Where-Object InvoiceId -EQ 104).Amount | Should -Be 54.60
        ($plan | Where-Object InvoiceId -EQ 104).ChargeDate | Should -Be $today.AddDays(5)
        @($plan | Where-Object { -not $_.Collectable } | ForEach-Object { "$($_.InvoiceId):$($_.SkipReason)" }) |
            Should -Be @('102:CurrencyNotCollectable', '103:NothingDue', '105:NoMandate', '106:AboveMaximum', '107:Voided')
        ($plan | Where-Object InvoiceId -EQ 102).Reason | Should -Match 'EUR cannot be collected on MD00COLA \(bacs collects GBP\)'
        Get-TestGoCardlessPayment | Should -BeNullOrEmpty
    }

    It 'charges nothing under -WhatIf, then the piped plan once, and a rerun charges nothing' {
        $plan = Get-GcCollectionPlan -ConfigPath $config -MaximumAmount 1000
        $whatIf = $plan | New-GcPayment -ConfigPath $config -WhatIf
        Get-TestGoCardlessPayment | Should -BeNullOrEmpty
        @($whatIf | Where-Object Action -EQ 'Created').Count | Should -Be 0

        $results = $plan | New-GcPayment -ConfigPath $config

        $results.InvoiceId | Should -Be @(101, 102, 103, 104, 105, 106, 107)
        @($results | Where-Object Action -EQ 'Created').InvoiceId | Should -Be @(101, 104)
        ($results | Where-Object InvoiceId -EQ 106).SkipReason | Should -Be 'AboveMaximum'
        $payments = Get-TestGoCardlessPayment
        @($payments).Count | Should -Be 2
        ($payments | Sort-Object InvoiceId).InvoiceId | Should -Be @(101, 104)
        ($payments | Where-Object InvoiceId -EQ 101).Amount | Should -Be 12000
        ($results | Where-Object InvoiceId -EQ 101).PaymentId | Should -Be ($payments | Where-Object InvoiceId -EQ 101).Id
        Get-Content (Join-Path $config 'GoCardlessHalo.audit.jsonl') | Where-Object { $_ -match '"action":"invoice.collected"' } | Should -HaveCount 2

        $rerun = New-GcPayment -ConfigPath $config
        @($rerun | Where-Object Action -EQ 'Created').Count | Should -Be 0
        @($rerun | Where-Object Action -EQ 'AlreadyCollected').InvoiceId | Should -Be @(101, 104)
        @(Get-TestGoCardlessPayment).Count | Should -Be 2
    }

    It 'holds to the plan piped in: what it skipped, or showed another amount for, is not charged' {
        $plan = Get-GcCollectionPlan -ConfigPath $config -MaximumAmount 100
        ($plan | Where-Object InvoiceId -EQ 101).SkipReason | Should -Be 'AboveMaximum'

        $results = $plan | New-GcPayment -ConfigPath $config

        @($results | Where-Object Action -EQ 'Created').InvoiceId | Should -Be @(104)
        ($results | Where-Object InvoiceId -EQ 101).SkipReason | Should -Be 'DiffersFromPlan'
        ($results | Where-Object InvoiceId -EQ 101).Reason | Should -Match 'does not charge this invoice'
        (Get-TestGoCardlessPayment).InvoiceId | Should -Be 104
    }

    It 'charges every invoice exactly once after a kill before and after GoCardless created a payment' {
        # Kill 1: the first create never reaches GoCardless (stalled before it acts); the attempt is in the ledger.
        Invoke-Emulator -Method Post -Path '/__admin/faults' -Body @{ kind = 'stall'; service = 'gocardless'; method = 'POST'; path = '/gocardless/payments'; count = 1; stallMilliseconds = 60000 } | Out-Null
        $process = Start-CollectionProcess $config
        Wait-Until { (Get-PaymentCreateCount) -ge 1 } 'the first create to be sent'
        $process.Kill($true); $process.WaitForExit()
        @(Get-TestGoCardlessPayment).Count | Should -Be 0

        # Kill 2: GoCardless creates the payment, its answer never arrives.
        Invoke-Emulator -Method Delete -Path '/__admin/faults' | Out-Null
        Invoke-Emulator -Method Post -Path '/__admin/faults' -Body @{ kind = 'stall'; after = $true; service = 'gocardless'; method = 'POST'; path = '/gocardless/payments'; count = 5; stallMilliseconds = 60000 } | Out-Null
        $process = Start-CollectionProcess $config
        Wait-Until { @(Get-TestGoCardlessPayment).Count -ge 1 } 'GoCardless to create the payment'
        $process.Kill($true); $process.WaitForExit()
        Invoke-Emulator -Method Delete -Path '/__admin/faults' | Out-Null

        $rerun = New-GcPayment -ConfigPath $config -MaximumAmount 1000
        $again = New-GcPayment -ConfigPath $config -MaximumAmount 1000

        $payments = Get-TestGoCardlessPayment
        ($payments | Sort-Object InvoiceId).InvoiceId | Should -Be @(101, 104)
        ($rerun | Where-Object InvoiceId -EQ 101).Action | Should -BeIn @('AlreadyCollected', 'Created')
        ($rerun | Where-Object InvoiceId -EQ 101).PaymentId | Should -Be ($payments | Where-Object InvoiceId -EQ 101).Id
        @($again | Where-Object Action -EQ 'Created').Count | Should -Be 0
    }

    It 'stops with an ErrorId and charges nothing when Halo is unreachable, or the run total would be exceeded' {
        Invoke-Emulator -Method Post -Path '/__admin/faults' -Body @{ kind = 'status'; status = 503; count = 100; service = 'halo'; pathContains = '/api/Invoice' } | Out-Null
        if ($target -eq 'Api') {
            $failure = { New-GcPayment -ConfigPath $config -ErrorAction Stop } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Match '^Halo\w+,GoCardlessHalo\.Commands\.NewGcPaymentCommand$'
        }
        Invoke-Emulator -Method Delete -Path '/__admin/faults' | Out-Null

        { New-GcPayment -ConfigPath $config -MaximumAmount 1000 -MaximumRunTotal 100 -ErrorAction Stop } | Should -Throw -ErrorId 'CollectionRunTotalExceeded,*'

        Get-TestGoCardlessPayment | Should -BeNullOrEmpty
    }

    It 'charges a failed invoice again only with -Retry, under a new Idempotency-Key' {
        $first = New-GcPayment -ConfigPath $config -InvoiceId 101
        $first.Action | Should -Be 'Created'
        foreach ($status in 'submitted', 'failed') {
            Invoke-Emulator -Method Post -Path "/__admin/gocardless/payments/$($first.PaymentId)/transition" -Body @{ status = $status } | Out-Null
        }
        $null = Sync-GcPayment -ConfigPath $config

        (New-GcPayment -ConfigPath $config -InvoiceId 101).SkipReason | Should -Be 'PreviousAttemptFailed'
        $retry = New-GcPayment -ConfigPath $config -InvoiceId 101 -Retry

        $retry.Action | Should -Be 'Created'
        $retry.PaymentId | Should -Not -Be $first.PaymentId
        @(Get-TestGoCardlessPayment | Where-Object InvoiceId -EQ 101).Count | Should -Be 2
    }
}
