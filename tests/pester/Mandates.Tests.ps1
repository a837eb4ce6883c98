# Failures that cannot be missed (issue 11): mandate changes are objects, a first run's history is not news, mandates list with their Halo user.
BeforeDiscovery {
    $targets = @('Sqlite', 'Api')
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'IntegrationHelpers.psm1') -Force
    Import-TestedModule

    $customers = @(
        @{ id = 'CU00MDA'; given_name = 'Jane'; family_name = 'Doe'; company_name = 'Acme Widgets Ltd'; email = 'jane@acme.example'; created_at = '2026-01-01T10:00:00.000Z' }
        @{ id = 'CU00MDB'; given_name = 'Sam'; family_name = 'Smith'; company_name = 'Brightside Dental Practice'; email = 'sam@bright.example'; created_at = '2026-01-01T10:00:00.000Z' }
    )
    $mandates = @(
        @{ id = 'MD00MDA'; status = 'active'; scheme = 'bacs'; next_possible_charge_date = '2026-02-10'; links = @{ customer = 'CU00MDA' }; created_at = '2026-01-01T10:00:00.000Z' }
        # History: cancelled long before the module started watching.
        @{ id = 'MD00MDOLD'; status = 'cancelled'; scheme = 'bacs'; links = @{ customer = 'CU00MDB' }; created_at = '2025-01-01T10:00:00.000Z' }
        @{ id = 'MD00MDB'; status = 'active'; scheme = 'bacs'; next_possible_charge_date = '2026-02-11'; links = @{ customer = 'CU00MDB' }; created_at = '2026-01-01T10:00:00.000Z' }
    )
    $payments = @(@{ id = 'PM00MDA'; amount = 2500; currency = 'GBP'; status = 'paid_out'; charge_date = '2026-01-05'; links = @{ mandate = 'MD00MDA' }; created_at = '2026-01-02T09:00:00.000Z' })
}

Describe 'Mandates on <_>' -ForEach $targets {
    BeforeEach {
        $config = New-TestIntegration -Target $_
        Set-TestGoCardless -Customers $customers -Mandates $mandates -Payments $payments
        $null = Import-GcUser -ConfigPath $config
    }

    It 'the first sync presents no mandate history; a mandate cancelled later comes out as an object with its Halo user, and Test-GcModule warns' {
        $first = @(Sync-GcPayment -ConfigPath $config)
        @($first | Where-Object { $_ -is [GoCardlessHalo.GcMandateChange] }) | Should -HaveCount 0
        (Test-GcModule -ConfigPath $config | Where-Object Name -EQ 'LastPaymentSync').Status | Should -Be 'Passed'
        $null = Invoke-Emulator -Method POST -Path '/__admin/gocardless/mandates/MD00MDB/transition' -Body @{ status = 'cancelled' }

        $second = @(Sync-GcPayment -ConfigPath $config)

        $change = @($second | Where-Object { $_ -is [GoCardlessHalo.GcMandateChange] })
        $change | Should -HaveCount 1
        $change[0].PSObject.TypeNames[0] | Should -Be 'GoCardlessHalo.GcMandateChange'
        $change[0].MandateId | Should -Be 'MD00MDB'
        $change[0].OldStatus | Should -Be 'active'
        $change[0].NewStatus | Should -Be 'cancelled'
        $change[0].NeedsAttention | Should -BeTrue
        $change[0].HaloUserId | Should -Be (Get-GcUser -ConfigPath $config -CustomerId CU00MDB).HaloUserId
        $check = Test-GcModule -ConfigPath $config | Where-Object Name -EQ 'LastPaymentSync'
        $check.Status | Should -Be 'Warning'
        $check.ErrorId | Should -Be 'MandateFailed'
        $check.Message | Should -Match 'MD00MDB of CU00MDB: active -> cancelled'
        # The next sync finds nothing new: the warning clears.
        @(Sync-GcPayment -ConfigPath $config | Where-Object { $_ -is [GoCardlessHalo.GcMandateChange] }) | Should -HaveCount 0
        (Test-GcModule -ConfigPath $config | Where-Object Name -EQ 'LastPaymentSync').Status | Should -Be 'Passed'
    }

    It 'Get-GcMandate lists status, next possible charge date and the Halo user and client, per user or needing attention' {
        $all = @(Get-GcMandate -ConfigPath $config)
        $all | Should -HaveCount 3
        $active = $all | Where-Object MandateId -EQ 'MD00MDA'
        $active.PSObject.TypeNames[0] | Should -Be 'GoCardlessHalo.GcMandate'
        $active.Status | Should -Be 'active'
        $active.NextPossibleChargeDate | Should -Be ([datetime]'2026-02-10')
        $active.HaloUser | Should -Be 'Jane Doe'
        $active.Client | Should -Be 'Acme Widgets Ltd'

        @(Get-GcUser -ConfigPath $config -CustomerId CU00MDB | Get-GcMandate -ConfigPath $config).MandateId | Sort-Object | Should -Be @('MD00MDB', 'MD00MDOLD')
        $attention = @(Get-GcMandate -ConfigPath $config -NeedsAttention)
        $attention.MandateId | Should -Be @('MD00MDOLD')
        $attention[0].NeedsAttention | Should -BeTrue
        @(Get-GcMandate -ConfigPath $config -Status active).MandateId | Sort-Object | Should -Be @('MD00MDA', 'MD00MDB')
        { Get-GcMandate -ConfigPath $config -HaloUserId 999999 -ErrorAction Stop } | Should -Throw -ErrorId 'HaloUserNotLinked,*'
    }
}
