# Enable-GcModule contacts both sides and does the one-time set-up, each change behind ShouldProcess.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-TestedModule
    $env:GCH_HALO_SECRET = 'emulator-secret'
    $haloApi = @{ HaloUrl = "$env:GCH_EMULATOR_URL/halo"; ClientId = 'emulator-client'; ClientSecretReference = 'env:GCH_HALO_SECRET' }
    $haloSeed = @{
        clients = @(@{ id = 1; name = 'Unassigned Customers' })
        sites   = @(@{ id = 1; name = 'Default Site'; client_id = 1; isinvoicesite = $true })
        users   = @()
        fields  = @()
    }
}

Describe 'Enable-GcModule checks GoCardless' {
    It 'refuses a token GoCardless rejects, and saves nothing' {
        $config = New-TestConfigPath
        $env:GCH_BAD_TOKEN = 'not-the-emulator-token'
        { Enable-GcModule -ConfigPath $config -AccessTokenReference env:GCH_BAD_TOKEN -GoCardlessBaseUri "$env:GCH_EMULATOR_URL/gocardless" -ErrorAction Stop } |
            Should -Throw -ErrorId 'GoCardlessTokenInvalid,GoCardlessHalo.Commands.EnableGcModuleCommand'
        Test-Path (Join-Path $config 'GoCardlessHalo.yaml') | Should -BeFalse
    }
}

Describe 'Enable-GcModule on the Halo API' {
    BeforeEach {
        Invoke-Emulator -Method POST -Path '/__admin/reset'
        $null = Invoke-Emulator -Method POST -Path '/__admin/halo/seed' -Body $haloSeed
    }

    It '-WhatIf says it would create the link field, and creates nothing' {
        $config = New-TestConfigPath
        $whatIf = Get-HostOutput { Enable-TestModule -ConfigPath $config -Extra ($haloApi + @{ DefaultSite = '1'; WhatIf = $true }) }
        $whatIf | Should -Match "Create the Halo user custom field 'GoCardlessCustomerId'"
        (Invoke-Emulator -Path '/__admin/halo/summary').fields | Should -Be 0
        Test-Path (Join-Path $config 'GoCardlessHalo.yaml') | Should -BeFalse
    }

    It 'creates the link field when Halo lacks it, then finds it' {
        $config = New-TestConfigPath
        Enable-TestModule -ConfigPath $config -Extra ($haloApi + @{ DefaultSite = '1' })
        (Invoke-Emulator -Path '/__admin/halo/summary').fields | Should -Be 1
        Enable-GcModule -ConfigPath $config
        (Invoke-Emulator -Path '/__admin/halo/summary').fields | Should -Be 1
        (Get-GcModule -ConfigPath $config).Target | Should -Be 'Api'
    }

    It 'can keep the payment ledger in SQL Server, and reaches it when enabling' {
        $ledger = $haloApi.Clone()
        $ledger.LedgerConnectionString = 'Server=tcp:127.0.0.1,1;Database=GcLedger;User ID=ledger;Connect Timeout=3;Encrypt=False'
        $ledger.LedgerPasswordReference = 'env:GCH_HALO_SECRET'
        $ledger.DefaultSite = '1'
        $err = { Enable-TestModule -ConfigPath (New-TestConfigPath) -Extra $ledger -ErrorAction Stop } | Should -Throw -ErrorId 'HaloSqlConnectionFailed,*' -PassThru
        $err.Exception.Message | Should -Match '127\.0\.0\.1,1/GcLedger'

        $config = New-TestConfigPath
        $ledger.SkipConnectionCheck = $true
        Enable-TestModule -ConfigPath $config -Extra $ledger -WarningAction SilentlyContinue
        Get-Content (Join-Path $config 'GoCardlessHalo.yaml') -Raw | Should -Match "(?s)ledger:.*connectionString: .*Database=GcLedger.*password: env:GCH_HALO_SECRET"
        (Test-GcModule -ConfigPath $config | Where-Object Name -EQ 'ModuleTables').Status | Should -Be 'Failed'
    }

    It 'refuses credentials Halo rejects (HaloAuthenticationFailed) and a Default Site that does not exist' {
        $env:GCH_WRONG_SECRET = 'wrong'
        $wrong = $haloApi.Clone()
        $wrong.ClientSecretReference = 'env:GCH_WRONG_SECRET'
        { Enable-TestModule -ConfigPath (New-TestConfigPath) -Extra $wrong -ErrorAction Stop } |
            Should -Throw -ErrorId 'HaloAuthenticationFailed,*'
        { Enable-TestModule -ConfigPath (New-TestConfigPath) -Extra ($haloApi + @{ DefaultSite = 'Nowhere' }) -ErrorAction Stop } |
            Should -Throw -ErrorId 'DefaultSiteNotFound,*'
    }
}

Describe 'Enable-GcModule on SQL' {
    It 'creates the embedded database with sample data, the link field and the module tables' {
        $config = New-TestConfigPath
        $status = Enable-TestModule -ConfigPath $config -Extra @{ SampleData = $true; PassThru = $true }
        $status.DefaultSite | Should -Be 'Unassigned Customers/Default Site'
        (Get-GcUser -ConfigPath $config -All) | Should -BeNullOrEmpty
        { Enable-TestModule -ConfigPath $config -Extra @{ SampleData = $true } -ErrorAction Stop } | Should -Throw -ErrorId 'SampleDataNeedsNewDatabase,*'
    }

    It '-WhatIf prints the migration DDL for a Halo database that lacks the module tables' {
        $database = Join-Path (New-TestConfigPath) 'halo.db'
        $engine = (Get-ModuleLoadContext).Assemblies | Where-Object { $_.GetName().Name -eq 'GoCardlessHalo.Core' }
        $engine.GetType('GoCardlessHalo.Core.Halo.Sql.HaloSqliteDatabase')::CreateAsync($database, [Threading.CancellationToken]::None, $null).GetAwaiter().GetResult() | Out-Null

        $whatIf = Get-HostOutput { Enable-TestModule -ConfigPath (New-TestConfigPath) -Extra @{ DatabasePath = $database; WhatIf = $true } }

        $whatIf | Should -Match 'CREATE TABLE .*gch_payment'
        $whatIf | Should -Match "Create the Halo user custom field 'GoCardlessCustomerId'"
    }

    It 'reaches SQL Server through the real SqlClient: a closed port is a network error' {
        $err = { Enable-TestModule -ConfigPath (New-TestConfigPath) -Extra @{ ConnectionString = 'Server=tcp:127.0.0.1,1;Database=Halo;Integrated Security=False;User ID=gc;Connect Timeout=3;Encrypt=False'; SqlPasswordReference = 'env:GCH_HALO_SECRET' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'HaloSqlConnectionFailed,GoCardlessHalo.Commands.EnableGcModuleCommand' -PassThru
        $err.Exception.InnerException.GetType().FullName | Should -Be 'Microsoft.Data.SqlClient.SqlException'
        $err.Exception.Message | Should -Not -Match 'emulator-secret'
    }
}
