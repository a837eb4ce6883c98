# The Default Site is an inbox, not a grave (issue 11): who is there and why, which now match, and moves that never undo an agent's.
BeforeDiscovery {
    $targets = @('Sqlite', 'Api')
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'IntegrationHelpers.psm1') -Force
    Import-TestedModule

    function New-Customer([string] $Id, [string] $Company) {
        @{ id = $Id; given_name = 'Pat'; family_name = $Id; company_name = $Company; email = "$($Id.ToLowerInvariant())@example.com"; metadata = @{}; created_at = '2026-01-01T10:00:00.000Z' }
    }
}

Describe 'The Default Site inbox on <_>' -ForEach $targets {
    BeforeEach {
        $target = $_
        $config = New-TestIntegration -Target $target
        Set-TestGoCardless -Customers @(
            New-Customer 'CU0001LATER' 'Orchard Bakery Ltd'
            New-Customer 'CU0002AGENT' 'Orchard Bakery Ltd'
            New-Customer 'CU0003LOOSE' 'Orchard Bakery'
            New-Customer 'CU0004NONE' 'Acme Widget'
        )
        # The first import: no Halo customer has these names yet, so every user lands in the Default Site.
        $imported = Import-GcUser -ConfigPath $config
        $userOf = @{}; $imported | ForEach-Object { $userOf[$_.CustomerId] = $_.HaloUserId }
        # Later an agent adds the customer to Halo.
        Add-TestHaloClient -Target $target -ConfigPath $config -ClientId 7 -Name 'Orchard Bakery Ltd' -SiteId 70 -SiteName 'Bakehouse'
    }

    It 'lists the linked users still there, why each landed there, and which now match' {
        @($imported | Where-Object MatchedBy -EQ 'DefaultSite') | Should -HaveCount 4

        $listed = Get-GcDefaultSiteUser -ConfigPath $config -MatchMode Normalized

        $listed | Should -HaveCount 4
        $listed[0].PSObject.TypeNames[0] | Should -Be 'GoCardlessHalo.GcDefaultSiteUser'
        $byId = @{}; $listed | ForEach-Object { $byId[$_.CustomerId] = $_ }
        $byId.CU0001LATER.CanMove | Should -BeTrue
        $byId.CU0001LATER.Match | Should -Be 'Exact'
        $byId.CU0001LATER.Client | Should -Be 'Orchard Bakery Ltd'
        $byId.CU0001LATER.Site | Should -Be 'Bakehouse'
        $byId.CU0003LOOSE.Match | Should -Be 'Normalized'
        $byId.CU0004NONE.CanMove | Should -BeFalse
        $byId.CU0004NONE.CompanyName | Should -Be 'Acme Widget'
        $byId.CU0004NONE.NearestClients | Should -Contain 'Acme Widgets Ltd'
        $byId.CU0004NONE.Reason | Should -Match "'Acme Widget' matches no Halo customer \(nearest: .*Acme Widgets Ltd"
        # Exact mode (the setting): the loose name no longer matches.
        (Get-GcDefaultSiteUser -ConfigPath $config | Where-Object CustomerId -EQ 'CU0003LOOSE').CanMove | Should -BeFalse
    }

    It 'an override makes a user movable, shown as Match Override' {
        Set-GcPlacementOverride -ConfigPath $config -CompanyName 'Acme Widget' -HaloSite 'Acme Widgets Ltd/Leeds Warehouse'

        $none = Get-GcDefaultSiteUser -ConfigPath $config | Where-Object CustomerId -EQ 'CU0004NONE'

        $none.Match | Should -Be 'Override'
        $none.Site | Should -Be 'Leeds Warehouse'
    }

    It '-WhatIf moves nothing; a move takes only users still in the Default Site, never one an agent moved meanwhile' {
        $listed = Get-GcDefaultSiteUser -ConfigPath $config -MatchMode Normalized

        $whatIf = Get-HostOutput { $listed | Move-GcDefaultSiteUser -ConfigPath $config -MatchMode Normalized -WhatIf }
        $whatIf | Should -Match 'Move from the Default Site to Orchard Bakery Ltd / Bakehouse \(matched by Exact\)'
        (Get-GcUser -ConfigPath $config -CustomerId CU0001LATER).Site | Should -Be 'Default Site'
        @(Get-GcAuditLog -ConfigPath $config -Action 'user.moved-from-default-site') | Should -HaveCount 0

        # An agent moves one of them by hand after the listing.
        Move-TestHaloUser -Target $target -ConfigPath $config -UserId $userOf.CU0002AGENT -SiteId 20
        $moves = $listed | Move-GcDefaultSiteUser -ConfigPath $config -Confirm:$false

        $byId = @{}; $moves | ForEach-Object { $byId[$_.CustomerId] = $_ }
        $byId.CU0001LATER.Action | Should -Be 'Moved'
        $byId.CU0002AGENT.Action | Should -Be 'Skipped'
        $byId.CU0002AGENT.Reason | Should -Match 'no longer in the Default Site'
        $byId.CU0004NONE.Action | Should -Be 'Skipped'
        (Get-GcUser -ConfigPath $config -CustomerId CU0001LATER).Site | Should -Be 'Bakehouse'
        (Get-GcUser -ConfigPath $config -CustomerId CU0002AGENT).Site | Should -Be 'Main Surgery'
        (Get-GcUser -ConfigPath $config -CustomerId CU0004NONE).Site | Should -Be 'Default Site'
        $audit = @(Get-GcAuditLog -ConfigPath $config -Action 'user.moved-from-default-site')
        $audit | Should -HaveCount 1
        ($audit[0].Changes -join '; ') | Should -Match 'Default Site -> Orchard Bakery Ltd/Bakehouse'
    }

    It 'with no user named, moves every user that now matches, and a rerun moves nothing more' {
        $first = Move-GcDefaultSiteUser -ConfigPath $config -Confirm:$false
        @($first | Where-Object Action -EQ 'Moved').CustomerId | Sort-Object | Should -Be @('CU0001LATER', 'CU0002AGENT')

        @(Move-GcDefaultSiteUser -ConfigPath $config -Confirm:$false) | Should -HaveCount 0
        @(Get-GcDefaultSiteUser -ConfigPath $config).CustomerId | Sort-Object | Should -Be @('CU0003LOOSE', 'CU0004NONE')
        { Move-GcDefaultSiteUser -ConfigPath $config -HaloUserId 999999 -ErrorAction Stop } | Should -Throw -ErrorId 'HaloUserNotFound,*'
    }
}
