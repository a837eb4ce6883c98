# Tab completion (TabExpansion2, as the console asks) of -Status, -GoCardlessField, -HaloField, -DefaultSite, -Client,
# -Site and -CustomerId: the completers offer what the names cache beside the settings holds, and never ask the network.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'IntegrationHelpers.psm1') -Force
    Import-TestedModule

    function Get-Completion([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object CompletionText)
    }

    $config = New-TestIntegration -Target Sqlite
    Set-TestGoCardless -Customers @(
        @{ id = 'CU00TAB1'; given_name = 'Jane'; family_name = 'Doe'; company_name = 'Acme Widgets Ltd'; email = 'jane@acme.example'; metadata = @{ account_ref = 'A-1'; region = 'north' }; created_at = '2026-01-01T10:00:00.000Z' }
        @{ id = 'CU00TAB2'; given_name = 'Sam'; family_name = 'Smith'; email = 'sam@example.com'; metadata = @{ reseller = 'yes' }; created_at = '2026-01-02T10:00:00.000Z' }
    )
    Set-GcFieldMapping -ConfigPath $config account_ref AccountRef -CreateHaloField
    $cache = Update-GcCompletionCache -ConfigPath $config
}

Describe 'Update-GcCompletionCache' {
    It 'writes the names beside the settings and says how many of each it holds' {
        $cache.Path | Should -Be (Join-Path $config 'GoCardlessHalo.completion.json')
        $cache.Path | Should -Exist
        $cache.CustomerIds | Should -Be 2
        $cache.MetadataKeys | Should -Be 3
        $cache.Clients | Should -BeGreaterThan 1
        $cache.HaloFields | Should -Be 2 # AccountRef and the link field, GoCardlessCustomerId
    }

    It 'creates the file readable by its owner only' -Skip:$IsWindows {
        (Get-Item -LiteralPath $cache.Path).UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
    }
}

Describe 'Completers' {
    It '-Client offers Halo customer names, quoted when they hold spaces' {
        Get-Completion "Get-GcUser -ConfigPath '$config' -Client Acm" | Should -Be @("'Acme Widgets Ltd'")
    }

    It '-Site offers site names and -DefaultSite offers Customer/Site' {
        Get-Completion "Get-GcUser -ConfigPath '$config' -Site Leeds" | Should -Be @("'Leeds Warehouse'")
        Get-Completion "Enable-GcModule -ConfigPath '$config' -DefaultSite 'Acme Widgets Ltd/H" | Should -Be @("'Acme Widgets Ltd/Head Office'")
    }

    It '-HaloField offers the Text fields of users only' {
        $fields = Get-Completion "Set-GcFieldMapping -ConfigPath '$config' -GoCardlessField region -HaloField "
        $fields | Should -Contain 'AccountRef'
        $fields | Should -Not -Contain 'Birthday'   # a date field
        $fields | Should -Not -Contain 'TicketRef'  # a field of tickets
    }

    It '-GoCardlessField offers the metadata keys seen, then the payment and mandate summaries' {
        $fields = Get-Completion "Get-GcFieldMapping -ConfigPath '$config' -GoCardlessField "
        $fields[0..2] | Should -Be @('account_ref', 'region', 'reseller')
        $fields | Should -Contain 'payment.last_status'
        $fields | Should -Contain 'mandate.status'
        Get-Completion "Remove-GcFieldMapping -ConfigPath '$config' -GoCardlessField pay" | Should -Be @('payment.last_status', 'payment.last_charge_date', 'payment.last_amount')
    }

    It '-CustomerId offers the GoCardless customer ids seen, on every cmdlet that takes one' {
        Get-Completion "Import-GcUser -ConfigPath '$config' -CustomerId CU00TAB" | Should -Be @('CU00TAB1', 'CU00TAB2')
        Get-Completion "Get-GcPayment -ConfigPath '$config' -CustomerId CU00TAB2" | Should -Be @('CU00TAB2')
        Get-Completion "Get-GcUser -ConfigPath '$config' -CustomerId CU00TAB1" | Should -Be @('CU00TAB1')
    }

    It '-Status offers the payment statuses GoCardless documents, without any cache' {
        $empty = New-TestConfigPath
        Get-Completion "Get-GcPayment -ConfigPath '$empty' -Status charg" | Should -Be @('charged_back')
    }

    It 'offers nothing, and does not fail, where no run has cached names yet' {
        $empty = New-TestConfigPath
        Get-Completion "Get-GcUser -ConfigPath '$empty' -Client A" | Should -BeNullOrEmpty
    }

    It 'is refreshed by Import-GcUser, which reads the same names anyway' {
        Remove-Item -LiteralPath $cache.Path
        $null = Import-GcUser -ConfigPath $config

        Get-Completion "Get-GcPayment -ConfigPath '$config' -CustomerId CU" | Should -Be @('CU00TAB1', 'CU00TAB2')
        Get-Completion "Get-GcUser -ConfigPath '$config' -Client Bright" | Should -Be @("'Brightside Dental Practice'")
    }
}
