# Contacts that stay single (issue 11): email matching across Halo, field ownership, links set and cleared by hand.
BeforeDiscovery {
    $targets = @('Sqlite', 'Api')
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'IntegrationHelpers.psm1') -Force
    Import-TestedModule

    function Add-TestContact([string] $Target, [string] $ConfigPath, [int] $Id, [string] $Name, [string] $Email, [int] $SiteId) {
        <# A contact an agent created in Halo (no GoCardless link); returns its id. #>
        if ($Target -eq 'Api') {
            (Invoke-HaloApi -Method Post -Path 'Users' -Body @{ name = $Name; emailaddress = $Email; site_id = $SiteId } | Select-Object -First 1).id
        }
        else {
            $null = Invoke-TestSqlite -DatabasePath (Join-Path $ConfigPath 'halo.db') -Sql "INSERT INTO USERS (Uid, Usite, uusername, uemail) VALUES ($Id, $SiteId, '$Name', '$Email')"
            $Id
        }
    }

    function Set-TestContactPhone([string] $Target, [string] $ConfigPath, [int] $Id, [string] $Phone) {
        <# An agent corrects the phone number in Halo. #>
        if ($Target -eq 'Api') { $null = Invoke-HaloApi -Method Post -Path 'Users' -Body @{ id = $Id; phonenumber = $Phone } }
        else { $null = Invoke-TestSqlite -DatabasePath (Join-Path $ConfigPath 'halo.db') -Sql "UPDATE USERS SET uextn = '$Phone' WHERE Uid = $Id" }
    }

    $pat = @{ id = 'CU0001PAT'; given_name = 'Pat'; family_name = 'Jones'; company_name = 'Zed Holdings'; email = 'billing@acme.example'; phone_number = '+44 20 7946 0000'; metadata = @{}; created_at = '2026-01-01T10:00:00.000Z' }
}

Describe 'Contacts on <_>' -ForEach $targets {
    BeforeEach {
        $target = $_
        $config = New-TestIntegration -Target $target
        Set-TestGoCardless -Customers @($pat)
    }

    It 'links the contact that already has the email under another Halo customer, where it lives, keeping what an agent typed' {
        $contact = Add-TestContact -Target $target -ConfigPath $config -Id 500 -Name 'Billing Contact' -Email 'Billing@Acme.example' -SiteId 10

        $whatIf = Get-HostOutput { Import-GcUser -ConfigPath $config -WhatIf }
        $whatIf | Should -Match "Name kept 'Billing Contact' by FillWhenEmpty \(GoCardless has 'Pat Jones'\)"
        $result = Import-GcUser -ConfigPath $config

        $result.Action | Should -Be 'Linked'
        $result.MatchedBy | Should -Be 'Email'
        $result.HaloUserId | Should -Be $contact
        $result.Client | Should -Be 'Acme Widgets Ltd'
        $result.Site | Should -Be 'Head Office'
        $result.Kept.Field | Should -Contain 'Name'
        $user = Get-GcUser -ConfigPath $config -CustomerId CU0001PAT
        $user.Name | Should -Be 'Billing Contact'
        $user.Phone | Should -Be '+44 20 7946 0000'
        @(Get-GcUser -ConfigPath $config).Count | Should -Be 1
    }

    It 'does not revert a phone an agent corrected, and overwrites a field the admin gave to GoCardless' {
        $contact = Add-TestContact -Target $target -ConfigPath $config -Id 500 -Name 'Billing Contact' -Email 'billing@acme.example' -SiteId 10
        $null = Import-GcUser -ConfigPath $config
        Set-TestContactPhone -Target $target -ConfigPath $config -Id $contact -Phone '0161 496 0000'
        Set-GcFieldOwnership -ConfigPath $config -Field Name -Rule Overwrite
        (Get-GcModule -ConfigPath $config).FieldOwnership | Should -Contain 'Name: Overwrite'
        (Get-GcModule -ConfigPath $config).FieldOwnership | Should -Contain 'Phone: FillWhenEmpty (default)'

        $result = Import-GcUser -ConfigPath $config

        $result.Action | Should -Be 'Updated'
        $result.Changes.Field | Should -Be @('Name')
        ($result.Kept | Where-Object Field -EQ 'Phone').Rule | Should -Be 'FillWhenEmpty'
        $user = Get-GcUser -ConfigPath $config -CustomerId CU0001PAT
        $user.Name | Should -Be 'Pat Jones'
        $user.Phone | Should -Be '0161 496 0000'
    }

    It 'skips a customer whose email several contacts have, naming them; Set-GcUserLink chooses, refuses a second link, Remove-GcUserLink clears' {
        $first = Add-TestContact -Target $target -ConfigPath $config -Id 500 -Name 'Pat at Acme' -Email 'billing@acme.example' -SiteId 10
        $second = Add-TestContact -Target $target -ConfigPath $config -Id 501 -Name 'Pat at Brightside' -Email 'billing@acme.example' -SiteId 20

        $skipped = Import-GcUser -ConfigPath $config
        $skipped.Action | Should -Be 'Skipped'
        $skipped.Reason | Should -Match "$first 'Pat at Acme' in Acme Widgets Ltd / Head Office"
        $skipped.Reason | Should -Match "$second 'Pat at Brightside' in Brightside Dental Practice / Main Surgery"

        Set-GcUserLink -ConfigPath $config -HaloUserId $second -CustomerId CU0001PAT
        $linked = Import-GcUser -ConfigPath $config
        $linked.MatchedBy | Should -Be 'Link'
        $linked.HaloUserId | Should -Be $second
        { Set-GcUserLink -ConfigPath $config -HaloUserId $first -CustomerId CU0001PAT -ErrorAction Stop } | Should -Throw -ErrorId 'UserLinkConflict,*'
        { Set-GcUserLink -ConfigPath $config -HaloUserId 99999 -CustomerId CU0002 -ErrorAction Stop } | Should -Throw -ErrorId 'HaloUserNotFound,*'

        Get-GcUser -ConfigPath $config -CustomerId CU0001PAT | Remove-GcUserLink -ConfigPath $config -WhatIf
        (Get-GcUser -ConfigPath $config -CustomerId CU0001PAT).HaloUserId | Should -Be $second
        Remove-GcUserLink -ConfigPath $config -HaloUserId $second
        { Get-GcUser -ConfigPath $config -CustomerId CU0001PAT -ErrorAction Stop } | Should -Throw -ErrorId 'HaloUserNotLinked,*'
        Get-Content (Join-Path $config 'GoCardlessHalo.audit.jsonl') -Raw | Should -Match '"action":"user.unlinked"'
        (Get-GcModule -ConfigPath $config).LastImport | Should -Not -BeNullOrEmpty
    }
}
