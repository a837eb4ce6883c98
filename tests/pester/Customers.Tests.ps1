# Get-GcCustomer against the emulator's GoCardless, and Get-GcUser's filters.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'IntegrationHelpers.psm1') -Force
    Import-TestedModule
}

Describe 'Get-GcCustomer' {
    BeforeAll {
        $config = New-TestIntegration -Target Sqlite
        $null = Invoke-Emulator -Method POST -Path '/__admin/gocardless/generate' -Body @{ customers = 1234; payments = 0; seed = 7 }
    }

    It 'streams every customer across pages of 500, newest first' {
        Invoke-Emulator -Method DELETE -Path '/__admin/requests'
        $customers = Get-GcCustomer -ConfigPath $config

        $customers.Count | Should -Be 1234
        ($customers.CustomerId | Sort-Object -Unique).Count | Should -Be 1234
        $customers[0].CreatedAt | Should -BeGreaterOrEqual $customers[-1].CreatedAt
        (Invoke-Emulator -Path '/__admin/requests').byRoute.'GET /gocardless/customers' | Should -Be 3
        $customers[0].PSObject.TypeNames[0] | Should -Be 'GoCardlessHalo.GcCustomer'
        $customers[0].DashboardUrl | Should -Be "$env:GCH_EMULATOR_URL/manage-gocardless/customers/$($customers[0].CustomerId)"
    }

    It 'gets customers by id, from the pipeline too, and reports an unknown id without stopping' {
        $two = Get-GcCustomer -ConfigPath $config | Select-Object -First 2
        $found = $two.CustomerId + 'CU0000NOPE' | Get-GcCustomer -ConfigPath $config -ErrorVariable failures -ErrorAction SilentlyContinue

        $found.CustomerId | Should -Be $two.CustomerId
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'GoCardlessNotFound,GoCardlessHalo.Commands.GetGcCustomerCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'keeps custom fields (metadata) as a hashtable' {
        $withMetadata = Get-GcCustomer -ConfigPath $config | Where-Object { $_.Metadata.Count -gt 0 } | Select-Object -First 1
        $withMetadata.Metadata | Should -BeOfType [hashtable]
        $withMetadata.Metadata.Count | Should -BeLessOrEqual 3
    }

    It 'filters by creation time' {
        $all = Get-GcCustomer -ConfigPath $config
        $cut = $all[99].CreatedAt.UtcDateTime
        (Get-GcCustomer -ConfigPath $config -CreatedAfter $cut).Count | Should -Be @($all | Where-Object { $_.CreatedAt.UtcDateTime -gt $cut }).Count
    }

    It 'reports a token GoCardless refuses with a stable ErrorId and no token in the message' {
        $env:GCH_PESTER_TOKEN = 'kq3-wrong-token'
        try {
            $err = { Get-GcCustomer -ConfigPath $config -ErrorAction Stop } | Should -Throw -ErrorId 'GoCardlessAuthenticationFailed,GoCardlessHalo.Commands.GetGcCustomerCommand' -PassThru
            $err.Exception.Message | Should -Not -Match 'kq3-wrong-token'
        }
        finally {
            $env:GCH_PESTER_TOKEN = 'emulator-token'
        }
    }
}

Describe 'Get-GcUser' {
    BeforeAll {
        $config = New-TestIntegration -Target Api
        Set-TestGoCardless -Customers @(
            @{ id = 'CU00USR1'; given_name = 'Ann'; family_name = 'Lee'; company_name = 'Acme Widgets Ltd'; email = 'ann@acme.example' }
            @{ id = 'CU00USR2'; given_name = 'Bo'; family_name = 'Kim'; company_name = 'Brightside Dental Practice'; email = 'bo@bright.example' }
            @{ id = 'CU00USR3'; given_name = 'Cy'; family_name = 'Ng'; email = 'cy@example.com' })
        $null = Import-GcUser -ConfigPath $config
    }

    It 'filters by customer and site, by name with wildcards or by id' {
        (Get-GcUser -ConfigPath $config -Client 'Acme*').GoCardlessCustomerId | Should -Be 'CU00USR1'
        (Get-GcUser -ConfigPath $config -Client 3).GoCardlessCustomerId | Should -Be 'CU00USR2'
        (Get-GcUser -ConfigPath $config -Site 'Default Site').GoCardlessCustomerId | Should -Be 'CU00USR3'
        Get-GcUser -ConfigPath $config -Client 'Nobody*' | Should -BeNullOrEmpty
    }

    It 'takes customers from Get-GcCustomer and says which are not linked' {
        $users = 'CU00USR1', 'CU00NOTLINKED' | Get-GcUser -ConfigPath $config -ErrorVariable failures -ErrorAction SilentlyContinue
        $users.Name | Should -Be 'Ann Lee'
        $failures[0].FullyQualifiedErrorId | Should -Be 'HaloUserNotLinked,GoCardlessHalo.Commands.GetGcUserCommand'
        (Get-GcCustomer -ConfigPath $config -Id CU00USR2 | Get-GcUser -ConfigPath $config).Client | Should -Be 'Brightside Dental Practice'
    }
}
