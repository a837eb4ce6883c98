# Every example in examples/ runs against the emulator, in a fresh pwsh as an RMM tool or a person would run it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'IntegrationHelpers.psm1') -Force
    Import-TestedModule
    $examples = Join-Path $PSScriptRoot '../../examples'

    $customers = @(
        @{ id = 'CU00EXA'; given_name = 'Jane'; family_name = 'Doe'; company_name = 'Acme Widgets Ltd'; email = 'jane@acme.example'; metadata = @{ account_ref = 'ACC-7' }; created_at = '2026-01-01T10:00:00.000Z' }
        @{ id = 'CU00EXB'; given_name = 'Sam'; family_name = 'Smith'; email = 'sam@example.com'; created_at = '2026-01-01T10:00:00.000Z' }
    )
    $unmatched = @{ id = 'CU00EXC'; given_name = 'Ola'; family_name = 'Nordmann'; company_name = 'Acme Widgits'; email = 'ola@widgits.example'; created_at = '2026-01-01T10:00:00.000Z' }
    $mandates = @(@{ id = 'MD00EXA'; status = 'active'; scheme = 'bacs'; links = @{ customer = 'CU00EXA' }; created_at = '2026-01-01T10:00:00.000Z' })
    $payments = @(@{ id = 'PM00EXA'; amount = 2500; currency = 'GBP'; status = 'submitted'; charge_date = '2026-01-05'; links = @{ mandate = 'MD00EXA' }; created_at = '2026-01-02T09:00:00.000Z' })
}

Describe 'examples/Invoke-ScheduledSync.ps1' {
    It 'exits 0 with the summary line first when all is well' {
        $config = New-TestIntegration -Target Sqlite
        Set-TestGoCardless -Customers $customers -Mandates $mandates -Payments $payments

        $run = Invoke-ScriptInFreshPwsh -Path "$examples/Invoke-ScheduledSync.ps1" -ArgumentList '-ConfigPath', $config, '-ModulePath', $env:GCH_TEST_MODULE

        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output[0] | Should -Match '^GoCardlessHalo sync OK: import 2 created; payments 0 changed\. Audit: .*GoCardlessHalo\.audit\.jsonl$'
        $run.Output.Count | Should -Be 1 -Because ($run.Output -join "`n")
    }

    It 'exits 2 when a company matches no Halo customer or a payment fails, summary first, warnings after it and capped, no colour codes' {
        $config = New-TestIntegration -Target Sqlite
        Set-TestGoCardless -Customers ($customers + $unmatched) -Mandates $mandates -Payments $payments
        $first = Invoke-ScriptInFreshPwsh -Path "$examples/Invoke-ScheduledSync.ps1" -ArgumentList '-ConfigPath', $config, '-ModulePath', $env:GCH_TEST_MODULE, '-MaxWarnings', '0'
        $first.ExitCode | Should -Be 2 -Because ($first.Output -join "`n")
        $first.Output[0] | Should -Match '^GoCardlessHalo sync NEEDS ATTENTION: .*attention: 1 company name\(s\) matched no Halo customer'
        ($first.Output -join "`n") | Should -Not -Match 'CU00EXC \(' -Because 'no warning is shown with -MaxWarnings 0'
        $first.Output[-1] | Should -Match '^WARNING: \d+ more warning\(s\) not shown; run Get-GcAuditLog -Last'
        $null = Invoke-Emulator -Method POST -Path '/__admin/gocardless/payments/PM00EXA/transition' -Body @{ status = 'failed' }

        $run = Invoke-ScriptInFreshPwsh -Path "$examples/Invoke-ScheduledSync.ps1" -ArgumentList '-ConfigPath', $config, '-ModulePath', $env:GCH_TEST_MODULE -KeepColour

        $run.ExitCode | Should -Be 2 -Because ($run.Output -join "`n")
        $run.Output[0] | Should -Match '^GoCardlessHalo sync NEEDS ATTENTION: import 3 unchanged; payments 1 changed \| attention: 1 payment\(s\) failed or charged back'
        @($run.Output | Select-Object -Skip 1) -join "`n" | Should -Match 'WARNING: Payment PM00EXA of CU00EXA: failed'
        $run.ColourLines | Should -Be 0 -Because 'output redirected to a file or an RMM tool carries no colour codes'
        ($run.Output -join "`n") | Should -Not -Match 'more warning\(s\) not shown'
    }

    It 'exits 2 for a mandate cancelled since the last run, never for mandate history on the first run' {
        $config = New-TestIntegration -Target Sqlite
        $history = @{ id = 'MD00EXOLD'; status = 'cancelled'; scheme = 'bacs'; links = @{ customer = 'CU00EXA' }; created_at = '2025-01-01T10:00:00.000Z' }
        Set-TestGoCardless -Customers $customers -Mandates ($mandates + $history) -Payments $payments
        $first = Invoke-ScriptInFreshPwsh -Path "$examples/Invoke-ScheduledSync.ps1" -ArgumentList '-ConfigPath', $config, '-ModulePath', $env:GCH_TEST_MODULE
        $first.ExitCode | Should -Be 0 -Because ($first.Output -join "`n")
        $null = Invoke-Emulator -Method POST -Path '/__admin/gocardless/mandates/MD00EXA/transition' -Body @{ status = 'cancelled' }

        $run = Invoke-ScriptInFreshPwsh -Path "$examples/Invoke-ScheduledSync.ps1" -ArgumentList '-ConfigPath', $config, '-ModulePath', $env:GCH_TEST_MODULE

        $run.ExitCode | Should -Be 2 -Because ($run.Output -join "`n")
        $run.Output[0] | Should -Match '^GoCardlessHalo sync NEEDS ATTENTION: .*mandates 1 changed \| attention: 1 mandate\(s\) failed, cancelled, expired, blocked or suspended'
        ($run.Output -join "`n") | Should -Match 'WARNING: Mandate MD00EXA of CU00EXA \(Halo user \d+\): active -> cancelled'
    }

    It 'exits 1 when GoCardless refuses the token, and says why' {
        $config = New-TestIntegration -Target Sqlite
        Set-TestGoCardless -Customers $customers
        $env:GCH_PESTER_TOKEN = 'zq91-not-a-token'
        try {
            $run = Invoke-ScriptInFreshPwsh -Path "$examples/Invoke-ScheduledSync.ps1" -ArgumentList '-ConfigPath', $config, '-ModulePath', $env:GCH_TEST_MODULE
        }
        finally {
            $env:GCH_PESTER_TOKEN = 'emulator-token'
        }
        $run.ExitCode | Should -Be 1
        $run.Output[0] | Should -Match '^GoCardlessHalo sync ERROR: stopped: GoCardless'
        ($run.Output -join "`n") | Should -Not -Match 'zq91-not-a-token'
    }
}

Describe 'examples/Invoke-MonthlyCollection.ps1' {
    BeforeEach {
        $config = New-TestIntegration -Target Sqlite
        Set-TestGoCardless -Customers $customers -Mandates $mandates
        $null = Import-GcUser -ConfigPath $config
        $invoice = Add-TestHaloInvoice -Target Sqlite -ConfigPath $config -Invoice @{ id = 1; invoicenumber = 'INV-1'; client_id = 2; currency = 'GBP'; net = 100; tax = 20 }
        $arguments = @('-ConfigPath', $config, '-ModulePath', $env:GCH_TEST_MODULE, '-MaximumAmount', '1000')
    }

    It 'charges the month once and exits 0; a rerun charges nothing' {
        $first = Invoke-ScriptInFreshPwsh -Path "$examples/Invoke-MonthlyCollection.ps1" -ArgumentList $arguments
        $again = Invoke-ScriptInFreshPwsh -Path "$examples/Invoke-MonthlyCollection.ps1" -ArgumentList $arguments

        $first.ExitCode | Should -Be 0 -Because ($first.Output -join "`n")
        $first.Output[0] | Should -Match '^GoCardlessHalo collection OK: settled 0 \(0 paid\); charged 1 \(120[.,]00 GBP\)\. Audit: .*GoCardlessHalo\.audit\.jsonl$'
        $again.ExitCode | Should -Be 0 -Because ($again.Output -join "`n")
        $again.Output[0] | Should -Match '^GoCardlessHalo collection OK: settled 0 \(0 paid\); charged 0; 1 already collected\.'
        @(Get-TestGoCardlessPayment).Count | Should -Be 1
    }

    It 'exits 2 when an invoice cannot be charged or a collection failed, summary first' {
        Add-TestHaloInvoice -Target Sqlite -ConfigPath $config -Invoice @{ id = 2; invoicenumber = 'INV-2'; client_id = 2; currency = 'EUR'; net = 10; tax = 0 } | Out-Null
        $first = Invoke-ScriptInFreshPwsh -Path "$examples/Invoke-MonthlyCollection.ps1" -ArgumentList $arguments
        $first.ExitCode | Should -Be 2 -Because ($first.Output -join "`n")
        $first.Output[0] | Should -Match 'charged 1 .*\| attention: 1 invoice\(s\) not charged'
        $first.Output[1] | Should -Match '^WARNING: INV-2 \(Acme Widgets Ltd\): CurrencyNotCollectable'
        $payment = (Get-TestGoCardlessPayment).Id
        foreach ($status in 'submitted', 'failed') { $null = Invoke-Emulator -Method POST -Path "/__admin/gocardless/payments/$payment/transition" -Body @{ status = $status } }

        $run = Invoke-ScriptInFreshPwsh -Path "$examples/Invoke-MonthlyCollection.ps1" -ArgumentList $arguments

        $run.ExitCode | Should -Be 2
        $run.Output[0] | Should -Match '^GoCardlessHalo collection NEEDS ATTENTION: settled 1 \(0 paid\); charged 0 \| attention: 1 collection\(s\) failed or charged back, 2 invoice\(s\) not charged'
        ($run.Output -join "`n") | Should -Match "INV-1 is failed: the invoice is unpaid in Halo"
        @(Get-TestGoCardlessPayment).Count | Should -Be 1
    }

    It 'cancels the payment of an invoice changed in Halo only with -CancelChanged, and exits 2 to ask for the retry' {
        $null = Invoke-ScriptInFreshPwsh -Path "$examples/Invoke-MonthlyCollection.ps1" -ArgumentList $arguments
        $null = Invoke-TestSqlite -DatabasePath (Join-Path $config 'halo.db') -Sql 'UPDATE INVOICEHEADER SET IHAmountDue = 90 WHERE ihid = 1'

        $reported = Invoke-ScriptInFreshPwsh -Path "$examples/Invoke-MonthlyCollection.ps1" -ArgumentList $arguments
        (Get-TestGoCardlessPayment).Status | Should -Be 'pending_submission'
        $cancelled = Invoke-ScriptInFreshPwsh -Path "$examples/Invoke-MonthlyCollection.ps1" -ArgumentList ($arguments + '-CancelChanged')

        $reported.ExitCode | Should -Be 2
        ($reported.Output -join "`n") | Should -Match 'INV-1 \(Acme Widgets Ltd\): ChangedAfterCollection'
        $cancelled.ExitCode | Should -Be 2 -Because ($cancelled.Output -join "`n")
        $cancelled.Output[0] | Should -Match 'cancelled 1 \(changed in Halo\) \| attention: 1 payment\(s\) cancelled: charge the new amounts with New-GcPayment -Retry'
        (Get-TestGoCardlessPayment).Status | Should -Be 'cancelled'
    }
}

Describe 'examples/Find-CustomerPlacement.ps1' {
    It 'explains where a customer is, why, and its history' {
        $config = New-TestIntegration -Target Sqlite
        Set-TestGoCardless -Customers ($customers + $unmatched)
        $null = Import-GcUser -ConfigPath $config

        $report = & "$examples/Find-CustomerPlacement.ps1" -CustomerId CU00EXC -ConfigPath $config -ModulePath $env:GCH_TEST_MODULE

        $report.NowIn | Should -Be 'Unassigned Customers / Default Site'
        $report.NextImport | Should -Be 'Unchanged'
        $report.MatchedBy | Should -Be 'Link'
        $report.History | Should -HaveCount 1
        $report.History[0] | Should -Match 'user\.created\s+halo-user:\d+'
        (& "$examples/Find-CustomerPlacement.ps1" -CustomerId CU00EXA -ConfigPath $config -ModulePath $env:GCH_TEST_MODULE).CustomFields | Should -Be 'account_ref=ACC-7'
    }
}

Describe 'examples/Quickstart.ps1' {
    It 'runs from start to finish against the emulator' {
        Invoke-Emulator -Method POST -Path '/__admin/reset'
        Set-TestGoCardless -Customers $customers -Mandates $mandates -Payments $payments
        $config = New-TestConfigPath
        $env:GOCARDLESS_ACCESS_TOKEN = 'emulator-token'

        $run = Invoke-ScriptInFreshPwsh -Path "$examples/Quickstart.ps1" -ArgumentList '-ConfigPath', $config, '-GoCardlessBaseUri', "$env:GCH_EMULATOR_URL/gocardless", '-ModulePath', $env:GCH_TEST_MODULE

        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        ($run.Output -join "`n") | Should -Match '1 payment\(s\) recorded'
        (Get-GcUser -ConfigPath $config).Count | Should -Be 2
        (Get-GcUser -ConfigPath $config -CustomerId CU00EXA).CustomFields['account_ref'] | Should -Be 'ACC-7'
    }
}

Describe 'examples/Test-GcInstallation.ps1' {
    # Its report needs Windows (both editions, DPAPI, SYSTEM); here its per-edition probe runs, which must still import
    # the module and find its help, and must report what cannot work here as FAILED with the reason, never crash.
    BeforeAll {
        $run = Invoke-ScriptInFreshPwsh -Path "$examples/Test-GcInstallation.ps1" -ArgumentList '-Probe', '-ModulePath', $env:GCH_TEST_MODULE
        $checks = if ($run.ExitCode -eq 0) { $run.Output[-1] | ConvertFrom-Json }
    }

    It 'imports the module, finds the cmdlet help and about_GoCardlessHalo' {
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        ($checks | Where-Object Check -EQ 'Import-Module').Detail | Should -Match 'flavour net8\.0'
        ($checks | Where-Object Check -EQ 'Get-Help (cmdlet)').Result | Should -Be 'OK'
        ($checks | Where-Object Check -EQ 'Get-Help about_GoCardlessHalo').Result | Should -Be 'OK'
    }

    It 'reports the Windows-only checks as failed with the reason off Windows' -Skip:$IsWindows {
        $dpapi = $checks | Where-Object Check -EQ 'Enable-GcModule (DPAPI, SQLite)'
        $dpapi.Result | Should -Be 'FAILED'
        $dpapi.Detail | Should -Match 'SecretCannotBePersisted'
    }
}
