# Issue 9: a collection that fails, is cancelled or charged back raises one Halo ticket (collection.failureTicketTypeId), on both
# targets, exactly once; none when the setting is off or the payment is paid out.
BeforeDiscovery {
    $targets = @('Sqlite', 'Api')
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'IntegrationHelpers.psm1') -Force
    Import-TestedModule

    $payer = New-TestPayer -Key TKTA -GivenName Ann -FamilyName Payer -Company 'Acme Widgets Ltd' -Email 'ann@acme.example'
    $customers = @($payer.Customer)
    $mandates = @($payer.Mandate)
    $invoices = @(
        @{ id = 201; invoicenumber = 'INV-201'; client_id = 2; currency = 'GBP'; net = 100; tax = 20 }
        @{ id = 202; invoicenumber = 'INV-202'; client_id = 2; currency = 'GBP'; net = 25; tax = 5 }
    )

    function Set-FailureTicketType([string] $ConfigPath, [int] $TypeId) {
        <# The opt-in, as an admin writes it into the settings file. #>
        Add-Content -LiteralPath (Join-Path $ConfigPath 'GoCardlessHalo.yaml') -Value "collection:`n  failureTicketTypeId: $TypeId"
    }

    function Get-TestHaloTicket([string] $Target, [string] $ConfigPath) {
        <# The failed-collection tickets Halo holds for customer 2: summary, type, details. #>
        if ($Target -eq 'Api') {
            @((Invoke-HaloApi -Path 'Tickets?client_id=2&search=Direct%20debit').tickets) |
                ForEach-Object { [pscustomobject]@{ Id = $_.id; Summary = $_.summary; TypeId = $_.tickettype_id; Details = $_.details } }
        }
        else {
            @(Invoke-TestSqlite -DatabasePath (Join-Path $ConfigPath 'halo.db') -Sql "SELECT faultid, symptom, requesttypenew, symptom2 FROM FAULTS WHERE areaint = 2 ORDER BY faultid") |
                ForEach-Object { [pscustomobject]@{ Id = $_.faultid; Summary = $_.symptom; TypeId = $_.requesttypenew; Details = $_.symptom2 } }
        }
    }

    function Move-TestPayment([string] $PaymentId, [string[]] $Statuses) {
        foreach ($status in $Statuses) { $null = Invoke-Emulator -Method Post -Path "/__admin/gocardless/payments/$PaymentId/transition" -Body @{ status = $status } }
    }
}

Describe 'Failure tickets on <_>' -ForEach $targets {
    BeforeEach {
        $target = $_
        $config = New-TestIntegration -Target $target
        Set-TestGoCardless -Customers $customers -Mandates $mandates
        $null = Import-GcUser -ConfigPath $config
        $id = @{}
        Add-TestHaloInvoice -Target $target -ConfigPath $config -Invoice $invoices | ForEach-Object { $id[$_.InvoiceNumber] = $_.Id }
        $payment = @{}
        New-GcPayment -ConfigPath $config | Where-Object Action -EQ 'Created' | ForEach-Object { $payment[$_.InvoiceNumber] = $_.PaymentId }
        Move-TestPayment $payment['INV-201'] submitted
        Move-TestPayment $payment['INV-202'] submitted
        # Synced before anything fails: the failure then arrives as an event, with GoCardless's cause and time.
        $null = Sync-GcPayment -ConfigPath $config
    }

    It 'raises one ticket per failed collection, none for one paid out, and a rerun raises none' {
        Set-FailureTicketType -ConfigPath $config -TypeId 5
        Move-TestPayment $payment['INV-201'] failed
        Move-TestPayment $payment['INV-202'] confirmed, paid_out

        $first = Sync-GcPayment -ConfigPath $config -WarningAction SilentlyContinue | Where-Object { $_ -is [GoCardlessHalo.GcInvoiceSettlement] }
        $again = Sync-GcPayment -ConfigPath $config | Where-Object { $_ -is [GoCardlessHalo.GcInvoiceSettlement] }

        $tickets = @(Get-TestHaloTicket -Target $target -ConfigPath $config)
        $tickets.Count | Should -Be 1
        $tickets[0].Summary | Should -Match "^Direct debit failed: invoice INV-201 \(payment $($payment['INV-201']) failed \d{4}-\d\d-\d\d "
        $tickets[0].TypeId | Should -Be 5
        $tickets[0].Details | Should -Match '120\.00 GBP'
        $tickets[0].Details | Should -Match "New-GcPayment -InvoiceId $($id['INV-201']) -Retry"
        $failed = $first | Where-Object InvoiceNumber -EQ 'INV-201'
        ($failed.Action, $failed.HaloTicketId) | Should -Be @('Unpaid', $tickets[0].Id)
        ($first | Where-Object InvoiceNumber -EQ 'INV-202').HaloTicketId | Should -BeNullOrEmpty
        $again | Should -BeNullOrEmpty
        @(Get-Content (Join-Path $config 'GoCardlessHalo.audit.jsonl') | Where-Object { $_ -match '"action":"invoice.unpaid"' -and $_ -match "Halo ticket $($tickets[0].Id) was raised" }).Count | Should -Be 1
    }

    It 'raises none while the setting is off' {
        Move-TestPayment $payment['INV-201'] failed

        $result = Sync-GcPayment -ConfigPath $config -WarningAction SilentlyContinue | Where-Object { $_ -is [GoCardlessHalo.GcInvoiceSettlement] }

        $result.Action | Should -Be 'Unpaid'
        $result.HaloTicketId | Should -BeNullOrEmpty
        @(Get-TestHaloTicket -Target $target -ConfigPath $config).Count | Should -Be 0
    }

    It 'raises the ticket once when a run died after Halo saved it, before the settlement was recorded' {
        Set-FailureTicketType -ConfigPath $config -TypeId 5
        Move-TestPayment $payment['INV-201'] failed
        $first = Sync-GcPayment -ConfigPath $config -WarningAction SilentlyContinue | Where-Object { $_ -is [GoCardlessHalo.GcInvoiceSettlement] }
        # The kill: the ledger as it was before the run recorded the settlement (Halo already holds the ticket).
        $ledger = if ($target -eq 'Api') { Join-Path $config 'GoCardlessHalo.ledger.db' } else { Join-Path $config 'halo.db' }
        $null = Invoke-TestSqlite -DatabasePath $ledger -Sql "UPDATE gch_collection SET payment_status = 'submitted' WHERE payment_id = '$($payment['INV-201'])'"

        $rerun = Sync-GcPayment -ConfigPath $config -WarningAction SilentlyContinue | Where-Object { $_ -is [GoCardlessHalo.GcInvoiceSettlement] }

        $tickets = @(Get-TestHaloTicket -Target $target -ConfigPath $config)
        $tickets.Count | Should -Be 1
        ($first.HaloTicketId, $rerun.HaloTicketId) | Should -Be @($tickets[0].Id, $tickets[0].Id)
        $rerun.Reason | Should -Match 'raised for it by an earlier run'
    }

    It 'raises a charged-back collection''s ticket once even when Halo saved it and its answer was lost' -Skip:($_ -ne 'Api') {
        Set-FailureTicketType -ConfigPath $config -TypeId 5
        Move-TestPayment $payment['INV-201'] confirmed, paid_out
        $null = Sync-GcPayment -ConfigPath $config
        Move-TestPayment $payment['INV-201'] charged_back
        $null = Invoke-Emulator -Method Post -Path '/__admin/faults' -Body @{ kind = 'malformed'; after = $true; service = 'halo'; method = 'POST'; pathContains = '/api/Tickets'; count = 1 }

        $first = Sync-GcPayment -ConfigPath $config -WarningAction SilentlyContinue -ErrorVariable failures -ErrorAction SilentlyContinue | Where-Object { $_ -is [GoCardlessHalo.GcInvoiceSettlement] }
        $second = Sync-GcPayment -ConfigPath $config -WarningAction SilentlyContinue | Where-Object { $_ -is [GoCardlessHalo.GcInvoiceSettlement] }
        $third = Sync-GcPayment -ConfigPath $config | Where-Object { $_ -is [GoCardlessHalo.GcInvoiceSettlement] }

        $first.HaloTicketId | Should -BeNullOrEmpty
        @($failures).Count | Should -Be 1
        $first.Reason | Should -Match 'next Sync-GcPayment tries again'
        $tickets = @(Get-TestHaloTicket -Target $target -ConfigPath $config)
        $tickets.Count | Should -Be 1
        $tickets[0].Summary | Should -Match "payment $($payment['INV-201']) charged_back"
        $second.HaloTicketId | Should -Be $tickets[0].Id
        $second.Reason | Should -Match 'raised for it by an earlier run'
        $third | Should -BeNullOrEmpty
    }
}
