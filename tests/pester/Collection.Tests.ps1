# Issue 9: Halo invoices planned (Get-GcCollectionPlan) and charged once and only once (New-GcPayment), on both targets.
BeforeDiscovery {
    $targets = @('Sqlite', 'Api')
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'IntegrationHelpers.psm1') -Force
    Import-TestedModule

    $today = (Get-Date).ToUniversalTime().Date
    $payers = @(
        New-TestPayer -Key COLA -GivenName Ann -FamilyName Payer -Company 'Acme Widgets Ltd' -Email 'ann@acme.example'
        New-TestPayer -Key COLB -GivenName Bea -FamilyName Euro -Company 'Brightside Dental Practice' -Email 'bea@bright.example' -Scheme sepa_core -ChargeInDays 5
        New-TestPayer -Key COLC -GivenName Cal -FamilyName Gone -Company 'Northwind Traders LLC' -Email 'cal@north.example' -MandateStatus cancelled
    )
    $customers = @($payers | ForEach-Object { $_.Customer })
    $mandates = @($payers | ForEach-Object { $_.Mandate })
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

    function Start-CollectionProcess([string] $ConfigPath) {
        <# New-GcPayment in a child pwsh, so it can be killed mid-run. #>
        Start-ModuleProcess "New-GcPayment -ConfigPath '$ConfigPath' -MaximumAmount 1000"
    }

    function Edit-TestHaloInvoiceTotal([string] $Target, [string] $ConfigPath, [int] $Id, [decimal] $Net, [decimal] $Tax) {
        <# An agent edits an invoice's amount: API, its one line replaced; SQLite, its header's amount due (the total is due + paid). #>
        if ($Target -eq 'Api') {
            $null = Invoke-HaloApi -Method Post -Path 'Invoice' -Body @{ id = $Id; lines = @(@{ item_shortdescription = 'Support'; net_amount = $Net; tax_amount = $Tax }) }
        }
        else {
            $total = ($Net + $Tax).ToString([Globalization.CultureInfo]::InvariantCulture)
            $null = Invoke-TestSqlite -DatabasePath (Join-Path $ConfigPath 'halo.db') -Sql "UPDATE INVOICEHEADER SET IHAmountDue = $total WHERE ihid = $Id"
        }
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
        # Halo's ids for the invoice numbers (the API allocates them).
        $id = @{}
        Add-TestHaloInvoice -Target $target -ConfigPath $config -Invoice $invoices | ForEach-Object { $id[$_.InvoiceNumber] = $_.Id }
    }

    It 'plans each invoice: what would be charged, when and under which mandate, or why not' {
        $plan = Get-GcCollectionPlan -ConfigPath $config -MaximumAmount 1000

        $plan.InvoiceNumber | Should -Be @('INV-101', 'INV-102', 'CN-103', 'INV-104', 'INV-105', 'INV-106', 'INV-107')
        $acme = $plan | Where-Object InvoiceNumber -EQ 'INV-101'
        $acme.Collectable | Should -BeTrue
        $acme.Amount | Should -Be 120.00
        $acme.Currency | Should -Be 'GBP'
        $acme.MandateId | Should -Be 'MD00COLA'
        $acme.CustomerId | Should -Be 'CU00COLA'
        $acme.ChargeDate | Should -Be $today.AddDays(3)
        ($plan | Where-Object InvoiceNumber -EQ 'INV-104').Amount | Should -Be 54.60
        ($plan | Where-Object InvoiceNumber -EQ 'INV-104').ChargeDate | Should -Be $today.AddDays(5)
        @($plan | Where-Object { -not $_.Collectable } | ForEach-Object { "$($_.InvoiceNumber):$($_.SkipReason)" }) |
            Should -Be @('INV-102:CurrencyNotCollectable', 'CN-103:NothingDue', 'INV-105:NoMandate', 'INV-106:AboveMaximum', 'INV-107:Voided')
        ($plan | Where-Object InvoiceNumber -EQ 'INV-102').Reason | Should -Match 'EUR cannot be collected on MD00COLA \(bacs collects GBP\)'
        Get-TestGoCardlessPayment | Should -BeNullOrEmpty
    }

    It 'charges nothing under -WhatIf, then the piped plan once, and a rerun charges nothing' {
        $plan = Get-GcCollectionPlan -ConfigPath $config -MaximumAmount 1000
        $whatIf = $plan | New-GcPayment -ConfigPath $config -WhatIf
        Get-TestGoCardlessPayment | Should -BeNullOrEmpty
        @($whatIf | Where-Object Action -EQ 'Created').Count | Should -Be 0

        $results = $plan | New-GcPayment -ConfigPath $config

        $results.InvoiceNumber | Should -Be @('INV-101', 'INV-102', 'CN-103', 'INV-104', 'INV-105', 'INV-106', 'INV-107')
        @($results | Where-Object Action -EQ 'Created').InvoiceNumber | Should -Be @('INV-101', 'INV-104')
        # The plan piped in skipped it (above -MaximumAmount there): held to, although this run sets no maximum.
        ($results | Where-Object InvoiceNumber -EQ 'INV-106').SkipReason | Should -Be 'DiffersFromPlan'
        $payments = Get-TestGoCardlessPayment
        @($payments).Count | Should -Be 2
        ($payments | Sort-Object InvoiceNumber).InvoiceNumber | Should -Be @('INV-101', 'INV-104')
        ($payments | Where-Object InvoiceNumber -EQ 'INV-101').Amount | Should -Be 12000
        ($payments | Where-Object InvoiceNumber -EQ 'INV-101').InvoiceId | Should -Be $id['INV-101']
        ($results | Where-Object InvoiceNumber -EQ 'INV-101').PaymentId | Should -Be ($payments | Where-Object InvoiceNumber -EQ 'INV-101').Id
        Get-Content (Join-Path $config 'GoCardlessHalo.audit.jsonl') | Where-Object { $_ -match '"action":"invoice.collected"' } | Should -HaveCount 2

        $rerun = New-GcPayment -ConfigPath $config -MaximumAmount 1000
        @($rerun | Where-Object Action -EQ 'Created').Count | Should -Be 0
        @($rerun | Where-Object Action -EQ 'AlreadyCollected').InvoiceNumber | Should -Be @('INV-101', 'INV-104')
        @(Get-TestGoCardlessPayment).Count | Should -Be 2
    }

    It 'holds to the plan piped in: what it skipped, or showed another amount for, is not charged' {
        $plan = Get-GcCollectionPlan -ConfigPath $config -MaximumAmount 100
        ($plan | Where-Object InvoiceNumber -EQ 'INV-101').SkipReason | Should -Be 'AboveMaximum'

        $results = $plan | New-GcPayment -ConfigPath $config

        @($results | Where-Object Action -EQ 'Created').InvoiceNumber | Should -Be @('INV-104')
        ($results | Where-Object InvoiceNumber -EQ 'INV-101').SkipReason | Should -Be 'DiffersFromPlan'
        ($results | Where-Object InvoiceNumber -EQ 'INV-101').Reason | Should -Match 'does not charge this invoice'
        (Get-TestGoCardlessPayment).InvoiceNumber | Should -Be 'INV-104'
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
        ($payments | Sort-Object InvoiceNumber).InvoiceNumber | Should -Be @('INV-101', 'INV-104')
        ($rerun | Where-Object InvoiceNumber -EQ 'INV-101').Action | Should -BeIn @('AlreadyCollected', 'Created')
        ($rerun | Where-Object InvoiceNumber -EQ 'INV-101').PaymentId | Should -Be ($payments | Where-Object InvoiceNumber -EQ 'INV-101').Id
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

    It 'follows a month of collections into Halo: paid out, failed, charged back and late failure; a rerun changes nothing' {
        Add-TestHaloInvoice -Target $target -ConfigPath $config -Invoice @(
            @{ id = 108; invoicenumber = 'INV-108'; client_id = 2; currency = 'GBP'; net = 25; tax = 5 }
            @{ id = 109; invoicenumber = 'INV-109'; client_id = 3; currency = 'EUR'; net = 10; tax = 0 }) | ForEach-Object { $id[$_.InvoiceNumber] = $_.Id }
        $created = New-GcPayment -ConfigPath $config -MaximumAmount 1000 | Where-Object Action -EQ 'Created'
        $created.InvoiceNumber | Should -Be @('INV-101', 'INV-104', 'INV-108', 'INV-109')
        $payment = @{}; foreach ($c in $created) { $payment[$c.InvoiceNumber] = $c.PaymentId }
        function Move-Collection([string] $Invoice, [string[]] $Statuses) {
            foreach ($status in $Statuses) { Invoke-Emulator -Method Post -Path "/__admin/gocardless/payments/$($payment[$Invoice])/transition" -Body @{ status = $status } | Out-Null }
        }
        Move-Collection INV-101 submitted, confirmed, paid_out
        Move-Collection INV-104 submitted, failed
        Move-Collection INV-108 submitted, confirmed, paid_out
        Move-Collection INV-109 submitted, confirmed, paid_out

        $first = Sync-GcPayment -ConfigPath $config -WarningVariable warned -WarningAction SilentlyContinue | Where-Object { $_ -is [GoCardlessHalo.GcInvoiceSettlement] }

        @($first | ForEach-Object { "$($_.InvoiceNumber):$($_.Action)" }) | Should -Be @('INV-101:MarkedPaid', 'INV-104:Unpaid', 'INV-108:MarkedPaid', 'INV-109:MarkedPaid')
        ($warned -join ' ') | Should -Match "INV-104.*failed.*-Retry"
        (Get-TestHaloInvoice -Target $target -ConfigPath $config -Id $id['INV-101']).AmountDue | Should -Be 0
        (Get-TestHaloInvoice -Target $target -ConfigPath $config -Id $id['INV-101']).References | Should -Be @($payment['INV-101'])
        (Get-TestHaloInvoice -Target $target -ConfigPath $config -Id $id['INV-104']).AmountDue | Should -Be 54.60
        $shown = Get-GcPayment -ConfigPath $config | Where-Object PaymentId -EQ $payment['INV-101']
        ($shown.InvoiceId, $shown.InvoiceNumber) | Should -Be @($id['INV-101'], 'INV-101')
        (Get-TestHaloInvoice -Target $target -ConfigPath $config -Id $id['INV-104']).References | Should -BeNullOrEmpty

        Move-Collection INV-108 charged_back
        Move-Collection INV-109 failed
        $second = Sync-GcPayment -ConfigPath $config -WarningAction SilentlyContinue | Where-Object { $_ -is [GoCardlessHalo.GcInvoiceSettlement] }

        @($second | ForEach-Object { "$($_.InvoiceNumber):$($_.Action):$($_.PaymentStatus)" }) | Should -Be @('INV-108:Unpaid:charged_back', 'INV-109:Unpaid:failed')
        foreach ($number in 'INV-104', 'INV-108', 'INV-109') {
            $invoice = Get-TestHaloInvoice -Target $target -ConfigPath $config -Id $id[$number]
            $invoice.AmountPaid | Should -Be 0
            $invoice.References | Should -BeNullOrEmpty
        }
        (Get-TestHaloInvoice -Target $target -ConfigPath $config -Id $id['INV-101']).References | Should -Be @($payment['INV-101'])
        @(Get-Content (Join-Path $config 'GoCardlessHalo.audit.jsonl') | Where-Object { $_ -match '"action":"invoice.unpaid"' }).Count | Should -Be 3

        Sync-GcPayment -ConfigPath $config | Where-Object { $_ -is [GoCardlessHalo.GcInvoiceSettlement] } | Should -BeNullOrEmpty
        $rerun = New-GcPayment -ConfigPath $config -MaximumAmount 1000
        @($rerun | Where-Object Action -EQ 'Created').Count | Should -Be 0
        @($rerun | Where-Object SkipReason -EQ 'PreviousAttemptFailed').InvoiceNumber | Should -Be @('INV-104', 'INV-108', 'INV-109')
        @(Get-TestGoCardlessPayment).Count | Should -Be 4
    }

    It 'reports an invoice edited in Halo after it was collected, and charges nothing more' {
        $first = New-GcPayment -ConfigPath $config -InvoiceId $id['INV-101']
        if ($target -eq 'Api') {
            $null = Invoke-HaloApi -Method Post -Path 'Invoice' -Body @{ id = $id['INV-101']; lines = @(@{ item_shortdescription = 'Support'; net_amount = 200; tax_amount = 40 }) }
        }
        else {
            $null = Invoke-TestSqlite -DatabasePath (Join-Path $config 'halo.db') -Sql "UPDATE INVOICEHEADER SET IHAmountDue = 240 WHERE ihid = $($id['INV-101'])"
        }

        $plan = Get-GcCollectionPlan -ConfigPath $config -InvoiceId $id['INV-101']
        $again = New-GcPayment -ConfigPath $config -InvoiceId $id['INV-101']

        $plan.SkipReason | Should -Be 'ChangedAfterCollection'
        $plan.Reason | Should -Match "Payment $($first.PaymentId) \(pending_submission\) collects 120.00 GBP, but the invoice now totals 240(\.00)? GBP \(it totalled 120.00 GBP\)"
        $again.Action | Should -Be 'Skipped'
        @(Get-TestGoCardlessPayment).Count | Should -Be 1
    }

    It 'leaves an invoice GoCardless will retry (collection.retryIfPossible) to GoCardless, and marks it paid once when that retry collects' {
        Add-Content -LiteralPath (Join-Path $config 'GoCardlessHalo.yaml') -Value "collection:`n  retryIfPossible: true"
        $first = New-GcPayment -ConfigPath $config -InvoiceId $id['INV-101']
        (Get-TestGoCardlessPayment | Where-Object Id -EQ $first.PaymentId).RetryIfPossible | Should -BeTrue
        function Move-Payment([string[]] $Statuses, [bool] $WillRetry = $false) {
            foreach ($status in $Statuses) {
                Invoke-Emulator -Method Post -Path "/__admin/gocardless/payments/$($first.PaymentId)/transition" -Body @{ status = $status; will_attempt_retry = $WillRetry } | Out-Null
            }
        }
        Move-Payment submitted
        $null = Sync-GcPayment -ConfigPath $config
        Move-Payment failed -WillRetry $true

        $failed = Sync-GcPayment -ConfigPath $config -WarningAction SilentlyContinue | Where-Object { $_ -is [GoCardlessHalo.GcInvoiceSettlement] }
        $retry = New-GcPayment -ConfigPath $config -InvoiceId $id['INV-101'] -Retry

        "$($failed.InvoiceNumber):$($failed.Action)" | Should -Be 'INV-101:Unpaid'
        $failed.Reason | Should -Match 'GoCardless will retry'
        (Get-TestHaloInvoice -Target $target -ConfigPath $config -Id $id['INV-101']).AmountDue | Should -Be 120
        ($retry.Action, $retry.SkipReason) | Should -Be @('Skipped', 'GoCardlessRetrying')
        $retry.Reason | Should -Match $first.PaymentId
        (Get-GcCollectionPlan -ConfigPath $config -InvoiceId $id['INV-101']).SkipReason | Should -Be 'GoCardlessRetrying'

        # GoCardless's own resubmission (resubmission_requested), then the normal flow to paid_out.
        Move-Payment pending_submission, submitted, confirmed, paid_out
        $paid = Sync-GcPayment -ConfigPath $config | Where-Object { $_ -is [GoCardlessHalo.GcInvoiceSettlement] }

        "$($paid.InvoiceNumber):$($paid.Action):$($paid.PaymentId)" | Should -Be "INV-101:MarkedPaid:$($first.PaymentId)"
        (Get-TestHaloInvoice -Target $target -ConfigPath $config -Id $id['INV-101']).References | Should -Be @($first.PaymentId)
        (Get-TestHaloInvoice -Target $target -ConfigPath $config -Id $id['INV-101']).AmountDue | Should -Be 0
        Sync-GcPayment -ConfigPath $config | Where-Object { $_ -is [GoCardlessHalo.GcInvoiceSettlement] } | Should -BeNullOrEmpty
        @((New-GcPayment -ConfigPath $config -InvoiceId $id['INV-101'] -Retry) | Where-Object Action -EQ 'Created').Count | Should -Be 0
        @(Get-TestGoCardlessPayment | Where-Object InvoiceNumber -EQ 'INV-101').Count | Should -Be 1
    }

    It 'charges an invoice again with -Retry once GoCardless''s retries are exhausted, and payments without the setting ask for none' {
        $first = New-GcPayment -ConfigPath $config -InvoiceId $id['INV-104']
        (Get-TestGoCardlessPayment | Where-Object Id -EQ $first.PaymentId).RetryIfPossible | Should -BeFalse
        foreach ($status in 'submitted', 'failed') {
            Invoke-Emulator -Method Post -Path "/__admin/gocardless/payments/$($first.PaymentId)/transition" -Body @{ status = $status } | Out-Null
        }
        # GoCardless retries only payments created with retry_if_possible; the emulator refuses to pretend otherwise.
        { Invoke-Emulator -Method Post -Path "/__admin/gocardless/payments/$($first.PaymentId)/transition" -Body @{ status = 'failed'; will_attempt_retry = $true } } | Should -Throw
        $null = Sync-GcPayment -ConfigPath $config -WarningAction SilentlyContinue

        $retry = New-GcPayment -ConfigPath $config -InvoiceId $id['INV-104'] -Retry

        $retry.Action | Should -Be 'Created'
        @(Get-TestGoCardlessPayment | Where-Object InvoiceNumber -EQ 'INV-104').Count | Should -Be 2
    }

    It 'cancels the payment of an invoice edited after collection only with -CancelChanged (never under -WhatIf), then settles it and charges the new amount only with -Retry' {
        $first = New-GcPayment -ConfigPath $config -InvoiceId $id['INV-101']
        Edit-TestHaloInvoiceTotal -Target $target -ConfigPath $config -Id $id['INV-101'] -Net 90 -Tax 18

        $reported = New-GcPayment -ConfigPath $config -InvoiceId $id['INV-101']
        $whatIf = New-GcPayment -ConfigPath $config -InvoiceId $id['INV-101'] -CancelChanged -WhatIf
        (Get-TestGoCardlessPayment).Status | Should -Be 'pending_submission'
        $cancelled = New-GcPayment -ConfigPath $config -InvoiceId $id['INV-101'] -CancelChanged
        $settled = Sync-GcPayment -ConfigPath $config -WarningAction SilentlyContinue | Where-Object { $_ -is [GoCardlessHalo.GcInvoiceSettlement] }
        $withoutRetry = New-GcPayment -ConfigPath $config -InvoiceId $id['INV-101']
        $retry = New-GcPayment -ConfigPath $config -InvoiceId $id['INV-101'] -Retry

        ($reported.Action, $reported.SkipReason) | Should -Be @('Skipped', 'ChangedAfterCollection')
        $reported.Reason | Should -Match "Payment $($first.PaymentId) \(pending_submission\) collects 120.00 GBP, but the invoice now totals 108"
        ($whatIf.Action, $whatIf.SkipReason) | Should -Be @('Skipped', 'ChangedAfterCollection')
        ($cancelled.Action, $cancelled.PaymentId) | Should -Be @('Cancelled', $first.PaymentId)
        ($settled.InvoiceNumber, $settled.Action, $settled.PaymentStatus) | Should -Be @('INV-101', 'Unpaid', 'cancelled')
        (Get-TestHaloInvoice -Target $target -ConfigPath $config -Id $id['INV-101']).References | Should -BeNullOrEmpty
        $withoutRetry.SkipReason | Should -Be 'PreviousAttemptFailed'
        ($retry.Action, $retry.Amount) | Should -Be @('Created', 108.00)
        (Get-TestGoCardlessPayment | Sort-Object Id | ForEach-Object { "$($_.Amount):$($_.Status)" }) | Should -Be @('12000:cancelled', '10800:pending_submission')
        Get-Content (Join-Path $config 'GoCardlessHalo.audit.jsonl') | Where-Object { $_ -match '"action":"invoice.collection_cancelled"' } | Should -HaveCount 1
    }

    It 'refuses to cancel a payment already submitted to the banks: CollectionCancelRefused, and the payment stands' {
        $first = New-GcPayment -ConfigPath $config -InvoiceId $id['INV-101']
        Invoke-Emulator -Method Post -Path "/__admin/gocardless/payments/$($first.PaymentId)/transition" -Body @{ status = 'submitted' } | Out-Null
        Edit-TestHaloInvoiceTotal -Target $target -ConfigPath $config -Id $id['INV-101'] -Net 50 -Tax 10

        $refused = New-GcPayment -ConfigPath $config -InvoiceId $id['INV-101'] -CancelChanged -ErrorVariable failures -ErrorAction SilentlyContinue

        $refused.Action | Should -Be 'Failed'
        $refused.Reason | Should -Match 'already submitted it to the banks.*Refund the payment'
        $failures[0].FullyQualifiedErrorId | Should -Be 'CollectionCancelRefused,GoCardlessHalo.Commands.NewGcPaymentCommand'
        (Get-TestGoCardlessPayment).Status | Should -Be 'submitted'
    }

    It 'charges a failed invoice again only with -Retry, under a new Idempotency-Key' {
        $first = New-GcPayment -ConfigPath $config -InvoiceId $id['INV-101']
        $first.Action | Should -Be 'Created'
        foreach ($status in 'submitted', 'failed') {
            Invoke-Emulator -Method Post -Path "/__admin/gocardless/payments/$($first.PaymentId)/transition" -Body @{ status = $status } | Out-Null
        }
        $null = Sync-GcPayment -ConfigPath $config

        (New-GcPayment -ConfigPath $config -InvoiceId $id['INV-101']).SkipReason | Should -Be 'PreviousAttemptFailed'
        $retry = New-GcPayment -ConfigPath $config -InvoiceId $id['INV-101'] -Retry

        $retry.Action | Should -Be 'Created'
        $retry.PaymentId | Should -Not -Be $first.PaymentId
        @(Get-TestGoCardlessPayment | Where-Object InvoiceNumber -EQ 'INV-101').Count | Should -Be 2
    }
}
