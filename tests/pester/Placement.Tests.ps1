# Placements an admin can steer (issue 11): exact names win, the match mode is a setting, overrides pin customers.
BeforeDiscovery {
    $targets = @('Sqlite', 'Api')
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'IntegrationHelpers.psm1') -Force
    Import-TestedModule

    function New-Customer([string] $Id, [string] $Company, [string] $Email) {
        @{ id = $Id; given_name = 'Pat'; family_name = $Id; company_name = $Company; email = $Email; metadata = @{}; created_at = '2026-01-01T10:00:00.000Z' }
    }
}

Describe 'Placements on <_>' -ForEach $targets {
    BeforeEach {
        $target = $_
        $config = New-TestIntegration -Target $target
        Add-TestHaloClient -Target $target -ConfigPath $config -ClientId 7 -Name 'Orchard Bakery Ltd' -SiteId 70 -SiteName 'Bakehouse'
        Add-TestHaloClient -Target $target -ConfigPath $config -ClientId 8 -Name 'Orchard Bakery Pty Ltd' -SiteId 80 -SiteName 'Sydney'
        Set-TestGoCardless -Customers @(
            New-Customer 'CU0001EXACT' 'Orchard Bakery Ltd' 'a@orchard.example'
            New-Customer 'CU0002PTY' 'Orchard Bakery Pty Ltd' 'b@orchard.example'
            New-Customer 'CU0003LOOSE' 'Northwind Traders' 'c@northwind.example'
            New-Customer 'CU0004PINNED' 'Somebody Else' 'd@else.example'
        )
    }

    It 'an exact company name wins over normalised matching' {
        $results = Import-GcUser -ConfigPath $config -MatchMode Normalized

        $byId = @{}; $results | ForEach-Object { $byId[$_.CustomerId] = $_ }
        $byId.CU0001EXACT.Action | Should -Be 'Created'
        $byId.CU0001EXACT.Client | Should -Be 'Orchard Bakery Ltd'
        $byId.CU0002PTY.Client | Should -Be 'Orchard Bakery Pty Ltd'
        $byId.CU0003LOOSE.Client | Should -Be 'Northwind Traders LLC'
    }

    It 'the match mode is a setting that runs without -MatchMode use, and -MatchMode still wins for one run' {
        Enable-GcModule -ConfigPath $config -MatchMode Normalized -SkipConnectionCheck -WarningAction SilentlyContinue
        (Get-GcModule -ConfigPath $config).MatchMode | Should -Be 'Normalized'
        Get-Content (Join-Path $config 'GoCardlessHalo.yaml') | Should -Contain 'matchMode: Normalized'

        (Get-GcImportPlan -ConfigPath $config -CustomerId CU0003LOOSE -MatchMode Exact).MatchedBy | Should -Be 'DefaultSite'
        $scheduled = Import-GcUser -ConfigPath $config -CustomerId CU0003LOOSE
        $scheduled.MatchedBy | Should -Be 'CompanyName'
        $scheduled.Client | Should -Be 'Northwind Traders LLC'
    }

    It 'overrides are set, listed, shown as MatchedBy Override, and removed' {
        Set-GcPlacementOverride -ConfigPath $config -CustomerId CU0004PINNED -HaloCustomer 'Brightside Dental Practice'
        Set-GcPlacementOverride -ConfigPath $config -CompanyName 'orchard bakery ltd' -HaloSite 'Acme Widgets Ltd/Leeds Warehouse'
        Set-GcPlacementOverride -ConfigPath $config -CustomerId CU0009NOWHERE -HaloSite 'No Such Site' -WhatIf

        $listed = Get-GcPlacementOverride -ConfigPath $config
        $listed | Should -HaveCount 2
        ($listed | Where-Object CustomerId -EQ 'CU0004PINNED').HaloCustomer | Should -Be 'Brightside Dental Practice'
        (Get-GcModule -ConfigPath $config).PlacementOverrides | Should -Be 2

        $plan = Get-GcImportPlan -ConfigPath $config
        $pinned = $plan | Where-Object CustomerId -EQ 'CU0004PINNED'
        $pinned.MatchedBy | Should -Be 'Override'
        $pinned.Site | Should -Be 'Main Surgery'
        ($plan | Where-Object CustomerId -EQ 'CU0001EXACT').Site | Should -Be 'Leeds Warehouse'
        $output = Get-HostOutput { Import-GcUser -ConfigPath $config -CustomerId CU0004PINNED -WhatIf }
        $output | Should -Match 'Brightside Dental Practice / Main Surgery \(matched by Override\)'

        $imported = Import-GcUser -ConfigPath $config -CustomerId CU0004PINNED
        $imported.MatchedBy | Should -Be 'Override'
        (Get-GcUser -ConfigPath $config -CustomerId CU0004PINNED).Site | Should -Be 'Main Surgery'

        Get-GcPlacementOverride -ConfigPath $config -CompanyName 'Orchard*' | Remove-GcPlacementOverride -ConfigPath $config
        (Get-GcImportPlan -ConfigPath $config -CustomerId CU0001EXACT).Site | Should -Be 'Bakehouse'
        { Remove-GcPlacementOverride -ConfigPath $config -CustomerId CU0009NOWHERE -ErrorAction Stop } | Should -Throw -ErrorId 'PlacementOverrideNotFound,*'
    }

    It 'an override naming nothing in Halo skips the customer with the reason, and a bad override is refused' {
        Set-GcPlacementOverride -ConfigPath $config -CustomerId CU0004PINNED -HaloSite 'No Such Site'

        $result = Import-GcUser -ConfigPath $config -CustomerId CU0004PINNED

        $result.Action | Should -Be 'Skipped'
        $result.Reason | Should -Match "'No Such Site', which is not an active Halo site"
        Get-GcUser -ConfigPath $config | Where-Object GoCardlessCustomerId -EQ 'CU0004PINNED' | Should -BeNullOrEmpty
        { Set-GcPlacementOverride -ConfigPath $config -CustomerId CU1 -HaloSite 1 -HaloCustomer 2 -ErrorAction Stop } | Should -Throw -ErrorId 'PlacementOverrideInvalid,*'
    }
}
