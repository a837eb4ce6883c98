# Get-GcAuditLog (issue 11): what the module changed, when, by which run, read back through the built module.
BeforeDiscovery {
    $targets = @('Sqlite', 'Api')
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'IntegrationHelpers.psm1') -Force
    Import-TestedModule

    $customers = @(
        @{ id = 'CU0001AUD'; given_name = 'Ann'; family_name = 'Audit'; company_name = 'Zed Holdings'; email = 'ann@zed.example'; metadata = @{}; created_at = '2026-01-01T10:00:00.000Z' }
        @{ id = 'CU0002AUD'; given_name = 'Bob'; family_name = 'Audit'; company_name = 'Zed Holdings'; email = 'bob@zed.example'; metadata = @{}; created_at = '2026-01-01T10:00:00.000Z' }
    )
}

Describe 'Get-GcAuditLog on <_>' -ForEach $targets {
    BeforeEach {
        $target = $_
        $config = New-TestIntegration -Target $target
        Set-TestGoCardless -Customers $customers
    }

    It 'shows what the last run did in one line, and filters by customer, Halo user, run, action and time' {
        Get-GcAuditLog -ConfigPath $config -Last | Should -BeNullOrEmpty
        $imported = Import-GcUser -ConfigPath $config
        $ann = ($imported | Where-Object CustomerId -EQ 'CU0001AUD').HaloUserId
        Remove-GcUserLink -ConfigPath $config -HaloUserId $ann -Confirm:$false

        $last = @(Get-GcAuditLog -ConfigPath $config -Last)
        $last.Action | Should -Be @('user.unlinked')
        $last[0].HaloUserId | Should -Be $ann
        $last[0] | Should -BeOfType 'GoCardlessHalo.GcAuditEntry'

        $all = @(Get-GcAuditLog -ConfigPath $config)
        $firstRun = $all[0].RunId
        $firstRun | Should -Not -Be $last[0].RunId
        @(Get-GcAuditLog -ConfigPath $config -RunId $firstRun | Where-Object Action -EQ 'user.created').CustomerId |
            Sort-Object | Should -Be @('CU0001AUD', 'CU0002AUD')
        @(Get-GcAuditLog -ConfigPath $config -CustomerId CU0002AUD).CustomerId | Sort-Object -Unique | Should -Be 'CU0002AUD'
        @(Get-GcAuditLog -ConfigPath $config -HaloUserId $ann).Action | Should -Contain 'user.unlinked'
        @(Get-GcAuditLog -ConfigPath $config -Action 'user.unl*').Count | Should -Be 1
        Get-GcAuditLog -ConfigPath $config -Until (Get-Date).AddDays(-1) | Should -BeNullOrEmpty
        @(Get-GcAuditLog -ConfigPath $config -Since (Get-Date).AddHours(-1)).Count | Should -Be $all.Count
        (Get-GcAuditLog -ConfigPath $config -Last | Format-Table | Out-String) | Should -Match 'user\.unlinked\s+halo-user:'
    }

    It 'logs, under its own run id, a user a killed import left only as an intent, and shows who reconciled it' {
        $verbose = Import-GcUser -ConfigPath $config -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $read = $verbose | ForEach-Object { $_.Message } | Where-Object { $_ -match '^Read Halo \(' } | Select-Object -First 1
        $location = $read -replace '^Read Halo \((.+?)\): .*$', '$1'
        $bob = (Get-GcAuditLog -ConfigPath $config | Where-Object CustomerId -EQ 'CU0002AUD').HaloUserId
        # A run killed after Halo saved Bob and before his line: its intent is all that is left of it.
        $pending = Join-Path $config 'GoCardlessHalo.audit.pending.jsonl'
        $intent = [ordered]@{ time = '2026-12-01T10:00:00+00:00'; run = 'killed-run'; location = $location; action = 'user.created'; target = 'halo-user:?'; customerId = 'CU0002AUD'; after = @{ Name = 'Bob Audit' } }
        Set-Content -LiteralPath $pending -Value ($intent | ConvertTo-Json -Compress)

        $null = Import-GcUser -ConfigPath $config -WhatIf
        Get-GcAuditLog -ConfigPath $config -RunId 'killed-run' | Should -BeNullOrEmpty
        $null = Import-GcUser -ConfigPath $config

        $reconciled = @(Get-GcAuditLog -ConfigPath $config -RunId 'killed-run')
        $reconciled.Count | Should -Be 1
        $reconciled[0].HaloUserId | Should -Be $bob
        $reconciled[0].ReconciledBy | Should -Not -BeNullOrEmpty
        $reconciled[0].ReconciledBy | Should -Not -Be 'killed-run'
        (Get-Content -LiteralPath $pending -Raw) | Should -BeNullOrEmpty
        @(Get-GcAuditLog -ConfigPath $config | Where-Object { -not $_.ReconciledBy }).Count | Should -BeGreaterThan 0
    }

    It 'reads rotated files too, oldest first, and warns about a line a killed run cut short' {
        $null = Import-GcUser -ConfigPath $config
        $log = Join-Path $config 'GoCardlessHalo.audit.jsonl'
        $count = @(Get-GcAuditLog -ConfigPath $config).Count
        Move-Item $log (Join-Path $config 'GoCardlessHalo.audit.20260131-230000.jsonl')
        Set-Content -LiteralPath $log -Value '{"time":"2026-'

        $entries = @(Get-GcAuditLog -ConfigPath $config -WarningVariable warnings -WarningAction SilentlyContinue)
        $entries.Count | Should -Be $count
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -Match 'line 1'
    }
}
