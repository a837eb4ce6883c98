# Issue 8: zero duplicate users whatever Halo answers, whatever the settings file says, however many
# configurations point at one Halo, and a killed run is not reported healthy.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'IntegrationHelpers.psm1') -Force
    Import-TestedModule

    $customers = 1..12 | ForEach-Object {
        @{ id = ('CU{0:D4}NODUP' -f $_); given_name = 'Pat'; family_name = "Number $_"; email = "pat$_@example.com"; metadata = @{}; created_at = '2026-01-01T10:00:00.000Z' }
    }

    function Get-LinkCount {
        <# How many Halo users hold each GoCardless id (read as an administrator would, straight from Halo). #>
        $field = @(Invoke-HaloApi -Path 'FieldInfo') | ForEach-Object { $_ } | Where-Object name -EQ 'GoCardlessCustomerId'
        $users = @((Invoke-HaloApi -Path "Users?includeinactive=true&pageinate=true&page_size=100&page_no=1&include_custom_fields=$($field.id)").users)
        $counts = @{}
        foreach ($user in $users) {
            $link = @($user.customfields | Where-Object { $_.name -eq 'CFGoCardlessCustomerId' -or $_.name -eq 'GoCardlessCustomerId' } | Select-Object -ExpandProperty value)
            if ($link -and $link[0]) { $counts[$link[0]] = 1 + [int]$counts[$link[0]] }
        }
        $counts
    }

    function Add-HaloFault([hashtable] $Rule) {
        $null = Invoke-Emulator -Method Post -Path '/__admin/faults' -Body $Rule
    }

    function Start-ImportProcess([string] $ConfigPath) {
        <# Import-GcUser in a child pwsh, so it can be killed or run beside this session. #>
        Start-ModuleProcess "Import-GcUser -ConfigPath '$ConfigPath'"
    }
}

Describe 'Import-GcUser never duplicates a user' {
    BeforeEach {
        $config = New-TestIntegration -Target Api
        Set-TestGoCardless -Customers $customers
    }

    It 'reads back after a damaged answer to a batch write, then a rerun changes nothing (zero duplicates)' {
        Add-HaloFault @{ kind = 'malformed'; service = 'halo'; method = 'POST'; pathContains = '/api/Users'; count = 1 }

        $first = Import-GcUser -ConfigPath $config -WarningVariable warned -WarningAction SilentlyContinue
        $again = Import-GcUser -ConfigPath $config

        @($first | Where-Object Action -EQ 'Created').Count | Should -Be 12
        ($warned -join ' ') | Should -Match 'did not say what it saved'
        @($again | Where-Object Action -NE 'Unchanged').Count | Should -Be 0
        $links = Get-LinkCount
        $links.Count | Should -Be 12
        @($links.Values | Where-Object { $_ -ne 1 }).Count | Should -Be 0
    }

    It 'refuses a hand-edited settings file that maps a metadata key into the link field, before writing anything' {
        $settings = Join-Path $config 'GoCardlessHalo.yaml'
        $text = (Get-Content -LiteralPath $settings -Raw) -replace '(?m)^fieldMappings:.*\r?\n(?:^[ -].*\r?\n)*', ''
        Set-Content -LiteralPath $settings -Value ($text + "fieldMappings:`n  - goCardlessField: account_ref`n    haloField: GoCardlessCustomerId`n") -NoNewline

        { Import-GcUser -ConfigPath $config -ErrorAction Stop } | Should -Throw -ErrorId 'FieldMappingConflict,*'
        { Get-GcUser -ConfigPath $config -ErrorAction Stop } | Should -Throw -ErrorId 'FieldMappingConflict,*'
        $configuration = Test-GcModule -ConfigPath $config | Where-Object Name -EQ 'Configuration'
        $configuration.Status | Should -Be 'Failed'
        $configuration.ErrorId | Should -Be 'FieldMappingConflict'
        (Get-LinkCount).Count | Should -Be 0
    }

    It 'lets one configuration at a time write to one Halo; the other gets SyncLockTimeout naming it (zero duplicates)' {
        $second = New-TestConfigPath
        Enable-TestModule -ConfigPath $second -Extra @{ HaloUrl = "$env:GCH_EMULATOR_URL/halo"; ClientId = 'emulator-client'; ClientSecretReference = 'env:GCH_HALO_SECRET'; DefaultSite = '1' } | Out-Null
        # The first run stalls reading users while it holds the lock.
        Add-HaloFault @{ kind = 'stall'; service = 'halo'; method = 'GET'; pathContains = '/api/Users'; count = 1; stallMilliseconds = 8000 }
        $process = Start-ImportProcess $config
        try {
            Wait-Until { (Test-Path (Join-Path $config 'GoCardlessHalo.state.json')) -and (Get-Content -Raw (Join-Path $config 'GoCardlessHalo.state.json')) -match 'lastStart' } 'the first run to take the lock'

            { Import-GcUser -ConfigPath $second -LockTimeout '00:00:01' -ErrorAction Stop } | Should -Throw -ErrorId 'SyncLockTimeout,*'
            try { Import-GcUser -ConfigPath $second -LockTimeout '00:00:01' -ErrorAction Stop } catch { $message = $_.Exception.Message }
            $message | Should -Match ([regex]::Escape((Join-Path $config 'GoCardlessHalo.yaml')))
            $message | Should -Match "process $($process.Id)"
        }
        finally {
            $process.WaitForExit()
        }

        $rerun = Import-GcUser -ConfigPath $second
        @($rerun | Where-Object Action -EQ 'Created').Count | Should -Be 0
        $links = Get-LinkCount
        $links.Count | Should -Be 12
        @($links.Values | Where-Object { $_ -ne 1 }).Count | Should -Be 0
        # The first configuration's health check sees that the second ran last against the same Halo.
        (Test-GcModule -ConfigPath $config | Where-Object Name -EQ 'LastImport').ErrorId | Should -Be 'SyncOtherConfiguration'
    }

    It 'warns, through the API, when the sync state shows runs from another machine, until this machine has run both' {
        $null = Import-GcUser -ConfigPath $config
        $statePath = Join-Path $config 'GoCardlessHalo.state.json'
        $state = Get-Content -LiteralPath $statePath -Raw | ConvertFrom-Json
        $state.import.lastMachine | Should -Be ([Environment]::MachineName)
        # As if the configuration folder were shared with a second scheduler on another machine, which ran last.
        $state.import.lastMachine = 'RMM-AGENT-2'
        $state | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $statePath

        $null = Sync-GcPayment -ConfigPath $config -WarningVariable paymentWarnings -WarningAction SilentlyContinue
        $check = Test-GcModule -ConfigPath $config | Where-Object Name -EQ 'SyncMachine'
        $null = Import-GcUser -ConfigPath $config -WarningVariable importWarnings -WarningAction SilentlyContinue
        $after = Test-GcModule -ConfigPath $config | Where-Object Name -EQ 'SyncMachine'

        ($paymentWarnings -join ' ') | Should -Match 'last Import-GcUser started on RMM-AGENT-2.*\(SyncOtherMachine\)'
        $check.Status | Should -Be 'Warning'
        $check.ErrorId | Should -Be 'SyncOtherMachine'
        $check.Message | Should -Match 'RMM-AGENT-2'
        ($importWarnings -join ' ') | Should -Match 'RMM-AGENT-2'
        $after.Status | Should -Be 'Passed'
    }

    It 'reports two users holding one GoCardless id everywhere, and never adds a third' {
        # Left by an older run or typed by hand: two Halo users hold the first customer's id.
        $twice = $customers[0].id
        $null = Invoke-HaloApi -Method Post -Path 'Users' -Body @(
            @{ name = 'Pat Old'; site_id = 1; customfields = @(@{ name = 'GoCardlessCustomerId'; value = $twice }) }
            @{ name = 'Pat Typed'; site_id = 1; customfields = @(@{ name = 'GoCardlessCustomerId'; value = $twice }) })
        $ids = @((Invoke-HaloApi -Path 'Users?includeinactive=true').users | Where-Object name -Like 'Pat Old*' | Select-Object -ExpandProperty id) +
            @((Invoke-HaloApi -Path 'Users?includeinactive=true').users | Where-Object name -Like 'Pat Typed*' | Select-Object -ExpandProperty id)

        $first = @(Import-GcUser -ConfigPath $config -WarningAction SilentlyContinue)
        $again = @(Import-GcUser -ConfigPath $config -WarningAction SilentlyContinue)
        $null = Get-GcUser -ConfigPath $config -WarningVariable userWarnings -WarningAction SilentlyContinue
        $health = Test-GcModule -ConfigPath $config | Where-Object Name -EQ 'LastImport'

        $skipped = $first | Where-Object CustomerId -EQ $twice
        $skipped.Action | Should -Be 'Skipped'
        $skipped.Reason | Should -Match "Halo users $($ids[0]) and $($ids[1]) hold GoCardless id $twice"
        ($again | Where-Object CustomerId -EQ $twice).Action | Should -Be 'Skipped'
        ($userWarnings -join ' ') | Should -Match "Halo users $($ids[0]) and $($ids[1]) hold GoCardless id $twice"
        $health.Status | Should -Be 'Failed'
        $health.ErrorId | Should -Be 'DuplicateLinks'
        $health.Message | Should -Match $twice
        $links = Get-LinkCount
        $links[$twice] | Should -Be 2
        @($links.Keys | Where-Object { $_ -ne $twice -and $links[$_] -ne 1 }).Count | Should -Be 0
        $links.Count | Should -Be 12
    }

    It 'reports a killed run as Failed until it is rerun' {
        Add-HaloFault @{ kind = 'stall'; service = 'halo'; method = 'GET'; pathContains = '/api/Users'; count = 1; stallMilliseconds = 60000 }
        $process = Start-ImportProcess $config
        Wait-Until { (Test-Path (Join-Path $config 'GoCardlessHalo.state.json')) -and (Get-Content -Raw (Join-Path $config 'GoCardlessHalo.state.json')) -match 'lastStart' } 'the run to start'
        $process.Kill($true)
        $process.WaitForExit()

        $check = Test-GcModule -ConfigPath $config | Where-Object Name -EQ 'LastImport'
        $check.Status | Should -Be 'Failed'
        $check.ErrorId | Should -Be 'SyncNeverFinished'
        $check.Message | Should -Match 'never finished.*Rerun Import-GcUser'

        $null = Invoke-Emulator -Method Delete -Path '/__admin/faults'
        $null = Import-GcUser -ConfigPath $config
        (Test-GcModule -ConfigPath $config | Where-Object Name -EQ 'LastImport').Status | Should -Be 'Passed'
    }
}

Describe 'A batch write Halo saved but answered badly (fault after Halo acted), then a rerun' {
    # Issue 8's fault acceptance through the built module: the emulator saves the POST /api/Users batch and only
    # THEN damages its answer (emulator README, "Faults after the other side acted"). 30 customers in batches of 10,
    # so a fault can hit the first or the last batch.
    BeforeAll {
        $batchCustomers = 1..30 | ForEach-Object {
            @{ id = ('CU{0:D4}AFTER' -f $_); given_name = 'Sam'; family_name = "Batch $_"; email = "sam$_@example.com"; metadata = @{}; created_at = '2026-01-01T10:00:00.000Z' }
        }
    }

    It '<Kind> after Halo saved batch <Position> of 3 (<Variant>): every customer linked once, nothing created twice' -ForEach @(
        foreach ($position in 1, 3) {
            @{ Kind = 'malformed'; Position = $position; Variant = 'Array'; Rule = @{ kind = 'malformed' } }
            @{ Kind = 'reset'; Position = $position; Variant = 'Array'; Rule = @{ kind = 'reset' } }
            @{ Kind = 'status 504'; Position = $position; Variant = 'Array'; Rule = @{ kind = 'status'; status = 504; body = 'Gateway Timeout' } }
            # Held beyond the module's Halo timeout (2 s below): a timeout after the write.
            @{ Kind = 'stall'; Position = $position; Variant = 'Array'; Rule = @{ kind = 'stall'; stallMilliseconds = 10000 } }
        }
        @{ Kind = 'malformed'; Position = 2; Variant = 'EmptyBody'; Rule = @{ kind = 'malformed' } }
        @{ Kind = 'reset'; Position = 2; Variant = 'FirstObject'; Rule = @{ kind = 'reset' } }
    ) {
        $config = New-TestIntegration -Target Api
        Enable-GcModule -ConfigPath $config -HaloTimeout 2 -WarningAction SilentlyContinue | Out-Null
        Set-TestGoCardless -Customers $batchCustomers
        $null = Invoke-Emulator -Method Post -Path '/__admin/halo/settings' -Body @{ usersPostAnswer = $Variant }
        Add-HaloFault ($Rule + @{ after = $true; service = 'halo'; method = 'POST'; path = '/halo/api/Users'; skip = $Position - 1; count = 1 })
        $postsBefore = Get-HaloWriteCount -Target Api -ConfigPath $config

        $first = @(Import-GcUser -ConfigPath $config -BatchSize 10 -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction SilentlyContinue -ErrorVariable failed)
        $afterFirst = Get-LinkCount
        $null = Invoke-Emulator -Method Delete -Path '/__admin/faults'
        $rerun = @(Import-GcUser -ConfigPath $config -BatchSize 10)
        $third = @(Import-GcUser -ConfigPath $config -BatchSize 10)

        # The fault hit a batch Halo had saved: the importer found its users by their link instead of posting them again.
        (Get-HaloWriteCount -Target Api -ConfigPath $config) - $postsBefore | Should -BeGreaterOrEqual 3
        $failed | Should -BeNullOrEmpty
        ($warned -join ' ') | Should -Match 'did not say what it saved'
        # Every batch whose answer said nothing waits for one read-back (10 users under Array, all 30 or 28 under the variants).
        ($warned -join ' ') | Should -Match '\b(10|28|30) found saved, 0 written again'
        @($first | Where-Object Action -EQ 'Created').Count | Should -Be 30
        $afterFirst.Count | Should -Be 30
        @($afterFirst.Values | Where-Object { $_ -ne 1 }).Count | Should -Be 0
        # The rerun and the run after it change nothing; Halo holds each customer exactly once.
        @($rerun + $third | Where-Object Action -NE 'Unchanged').Count | Should -Be 0
        $links = Get-LinkCount
        $links.Count | Should -Be 30
        @($links.Values | Where-Object { $_ -ne 1 }).Count | Should -Be 0
        @((Invoke-HaloApi -Path 'Users?includeinactive=true&pageinate=true&page_size=100&page_no=1').users).Count | Should -Be 30
        @($batchCustomers.id | Where-Object { -not $links.ContainsKey($_) }) | Should -BeNullOrEmpty
    }
}

Describe 'Bad input gets a clear error with a stable ErrorId' {
    BeforeAll {
        $config = New-TestIntegration -Target Api
        Set-TestGoCardless -Customers $customers
    }

    It 'refuses <Name>' -ForEach @(
        @{ Name = 'an invalid wildcard'; Script = { Get-GcUser -ConfigPath $config -Client '[' -ErrorAction Stop }; ErrorId = 'WildcardPatternInvalid'; Says = "'`\[" }
        @{ Name = 'a negative -LockTimeout'; Script = { Import-GcUser -ConfigPath $config -LockTimeout '-00:00:05' -ErrorAction Stop }; ErrorId = 'ParameterOutOfRange'; Says = 'LockTimeout is negative' }
        @{ Name = 'a negative -WarningAge'; Script = { Test-GcModule -ConfigPath $config -WarningAge '-1.00:00:00' -ErrorAction Stop }; ErrorId = 'ParameterOutOfRange'; Says = 'WarningAge is negative' }
        @{ Name = 'an unknown payment status'; Script = { Get-GcPayment -ConfigPath $config -Status bogus -ErrorAction Stop }; ErrorId = 'PaymentStatusInvalid'; Says = 'charged_back' }
        @{ Name = 'an unknown payment summary source'; Script = { Set-GcFieldMapping -ConfigPath $config payment.bogus CFPay -ErrorAction Stop }; ErrorId = 'FieldMappingInvalid'; Says = 'payment.last_status' }
    ) {
        $thrown = { & $Script } | Should -Throw -ErrorId "$ErrorId,*" -PassThru
        $thrown.Exception.Message | Should -Match $Says
    }
}

Describe 'Files holding personal data or payments' {
    It 'are readable by their owner only after a run: settings, sync state, audit log and ledger' -Skip:$IsWindows {
        $config = New-TestIntegration -Target Api
        Set-TestGoCardless -Customers $customers
        $null = Import-GcUser -ConfigPath $config
        $null = Sync-GcPayment -ConfigPath $config

        $files = Get-ChildItem -LiteralPath $config -File | Where-Object Name -Match '^GoCardlessHalo\.(yaml|state\.json|audit\.jsonl|ledger\.db.*)$'
        @($files.Name | Where-Object { $_ -in 'GoCardlessHalo.yaml', 'GoCardlessHalo.state.json', 'GoCardlessHalo.audit.jsonl', 'GoCardlessHalo.ledger.db' }).Count | Should -Be 4
        $ownerOnly = [System.IO.UnixFileMode]'UserRead, UserWrite'
        @($files | Where-Object UnixFileMode -NE $ownerOnly | ForEach-Object { "$($_.Name) $($_.UnixFileMode)" }) | Should -BeNullOrEmpty
    }
}

Describe 'An insecure address gets one ErrorId, from a parameter or from the file' {
    It 'refuses plain http to another machine as InsecureAddress: -<Parameter> and the file''s <Key>' -ForEach @(
        @{ Parameter = 'GoCardlessBaseUri'; Key = 'baseUri'; Address = 'http://gocardless.example.com/' }
        @{ Parameter = 'HaloUrl'; Key = 'url'; Address = 'http://halo.example.com/' }
    ) {
        $config = New-TestIntegration -Target Api
        $settings = Join-Path $config 'GoCardlessHalo.yaml'
        $text = Get-Content -LiteralPath $settings -Raw
        $text -replace "(?m)^(\s+$Key\s*:\s*)\S+", "`${1}$Address" | Set-Content -LiteralPath $settings -NoNewline
        (Get-Content -LiteralPath $settings -Raw) | Should -Match ([regex]::Escape($Address))

        { Import-GcUser -ConfigPath $config -ErrorAction Stop } | Should -Throw -ErrorId 'InsecureAddress,*'
        $enable = @{ ConfigPath = (New-TestConfigPath); AccessTokenReference = 'env:X'; HaloUrl = 'https://halo.example.com'; ClientId = 'x'; ClientSecretReference = 'env:Y'; DefaultSite = '1'; SkipConnectionCheck = $true }
        $enable[$Parameter] = $Address
        { Enable-GcModule @enable -ErrorAction Stop } | Should -Throw -ErrorId 'InsecureAddress,*'
    }
}

Describe 'Enable-GcModule and a hand-edited settings file' {
    It 'warns that unknown settings are left out of the saved file, and keeps the file as it was beside it' {
        $config = New-TestIntegration -Target Api
        $settings = Join-Path $config 'GoCardlessHalo.yaml'
        Add-Content -LiteralPath $settings -Value 'mysterySetting: 1'

        Enable-GcModule -ConfigPath $config -AccessTokenReference 'env:GCH_PESTER_TOKEN' -GoCardlessBaseUri "$env:GCH_EMULATOR_URL/gocardless" `
            -HaloUrl "$env:GCH_EMULATOR_URL/halo" -ClientId 'emulator-client' -ClientSecretReference 'env:GCH_HALO_SECRET' -DefaultSite '1' `
            -WarningVariable warned -WarningAction SilentlyContinue | Out-Null

        ($warned -join ' ') | Should -Match 'mysterySetting'
        ($warned -join ' ') | Should -Match ([regex]::Escape("$settings.bak"))
        Get-Content -LiteralPath "$settings.bak" -Raw | Should -Match 'mysterySetting'
        Get-Content -LiteralPath $settings -Raw | Should -Not -Match 'mysterySetting'
    }
}
