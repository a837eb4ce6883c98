# Migrating from Halo's own GoCardless integration (issue 11): its settings become the module's; a switch-over keeps behaviour.
BeforeDiscovery {
    $targets = @('Sqlite', 'Api')
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'IntegrationHelpers.psm1') -Force
    Import-TestedModule

    function Set-HaloGoCardlessIntegration([string] $Target, [string] $ConfigPath, [int] $DefaultSite, [bool] $Matching, [bool] $Sandbox, [bool] $IntegratorOn) {
        <# Halo's own integration as an admin left it: Default Site, company-name matching, sandbox flag, one 'don't update' mapping. #>
        if ($Target -eq 'Api') {
            $null = Invoke-Emulator -Method Post -Path '/__admin/halo/control' -Body @{
                gocardless_defaultsite = $DefaultSite; gocardless_companyname_matching = $Matching; gocardless_use_sandbox = $Sandbox
                halointegrator_gocardless = $IntegratorOn
                gocardless_userfieldmappings = @(@{ name = 'CFAccountRef'; thirdpartyname = 'account_ref'; dontupdate = $true })
            }
        }
        else {
            $db = Join-Path $ConfigPath 'halo.db'
            $null = Invoke-TestSqlite -DatabasePath $db -Sql "UPDATE Control4 SET rgocardlessdefaultsite = $DefaultSite, rgocardlesscompanynamematching = $([int]$Matching), rgocardlessusesandbox = $([int]$Sandbox)"
            $null = Invoke-TestSqlite -DatabasePath $db -Sql "INSERT INTO MODULESETUP (MSid, MSName, MSHaloIntegratorEnabled) VALUES (7, 'GoCardless', $([int]$IntegratorOn))"
            $null = Invoke-TestSqlite -DatabasePath $db -Sql "INSERT INTO IntegrationFieldMapping (IFMfiname, IFMThirdPartyName, IFMmsid, IFMDontUpdate) VALUES ('CFAccountRef', 'account_ref', 7, 1)"
        }
    }
}

Describe "Importing Halo's GoCardless integration settings on <_>" -ForEach $targets {
    BeforeEach {
        $target = $_
        $config = New-TestIntegration -Target $target
        # The Halo field Halo's mapping names exists; the module does not map it yet.
        Set-GcFieldMapping -ConfigPath $config -GoCardlessField account_ref -HaloField AccountRef -CreateHaloField
        Remove-GcFieldMapping -ConfigPath $config -GoCardlessField account_ref
        Set-HaloGoCardlessIntegration -Target $target -ConfigPath $config -DefaultSite 20 -Matching $false -Sandbox $false -IntegratorOn $true
        Set-TestGoCardless -Customers @(
            @{ id = 'CU0001ACME'; given_name = 'Pat'; family_name = 'Acme'; company_name = 'Acme Widgets Ltd'; email = 'pat@acme.example'; metadata = @{ account_ref = 'A-1' }; created_at = '2026-01-01T10:00:00.000Z' }
        )
    }

    It '-WhatIf shows what would be set and saves nothing' {
        $settingsBefore = Get-Content (Join-Path $config 'GoCardlessHalo.yaml') -Raw

        $output = Get-HostOutput { Import-GcHaloIntegrationSetting -ConfigPath $config -WhatIf -WarningAction SilentlyContinue }

        $output | Should -Match "Set defaultSite to '20'"
        $output | Should -Match "Set matchMode to 'Off' \(was 'Exact'\) \[inferred\]"
        $output | Should -Match "Set fieldMappings\[account_ref\] to 'AccountRef'"
        Get-Content (Join-Path $config 'GoCardlessHalo.yaml') -Raw | Should -Be $settingsBefore
    }

    It "takes over Halo's settings, warns while Halo's integrator is on, keeps Halo's placement, and a rerun changes nothing" {
        $results = Import-GcHaloIntegrationSetting -ConfigPath $config -WarningVariable warned -WarningAction SilentlyContinue

        ($warned -join "`n") | Should -Match "Halo's own GoCardless integrator is still switched on"
        $bySetting = @{}; $results | ForEach-Object { $bySetting[$_.Setting] = $_ }
        $results[0].PSObject.TypeNames[0] | Should -Be 'GoCardlessHalo.GcIntegrationSetting'
        $bySetting['defaultSite'].Action | Should -Be 'Set'
        $bySetting['matchMode'].FromHalo | Should -Be 'Off'
        $bySetting['matchMode'].Inferred | Should -BeTrue
        $bySetting['goCardless.environment'].FromHalo | Should -Be 'Live'
        $bySetting['fieldOwnership[AccountRef]'].FromHalo | Should -Be 'CreateOnly'
        $module = Get-GcModule -ConfigPath $config
        $module.MatchMode | Should -Be 'Off'
        $module.DefaultSite | Should -Be '20'
        (Get-GcFieldMapping -ConfigPath $config | Where-Object GoCardlessField -EQ 'account_ref').HaloField | Should -Be 'AccountRef'

        # Halo's matching was off: a company that names a Halo customer exactly still goes to Halo's Default Site.
        $imported = Import-GcUser -ConfigPath $config
        $imported.MatchedBy | Should -Be 'DefaultSite'
        $imported.Site | Should -Be 'Main Surgery'
        (Get-GcUser -ConfigPath $config -CustomerId CU0001ACME).CustomFields['AccountRef'] | Should -Be 'A-1'

        @(Import-GcHaloIntegrationSetting -ConfigPath $config -WarningAction SilentlyContinue | Where-Object Action -EQ 'Set') | Should -HaveCount 0
    }

    It 'Test-GcModule keeps warning while Halo''s integrator is on' {
        $check = Test-GcModule -ConfigPath $config | Where-Object Name -EQ 'HaloNativeIntegration'

        $check.Status | Should -Be 'Warning'
    }
}
