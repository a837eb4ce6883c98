# Issue 8, "Halo as it may really be": the import and the payment sync through the built module end in the same
# Halo whichever way Halo answers the behaviours no public source settles (emulator README, "Variants").
BeforeDiscovery {
    # Each non-default value alone (emulator README, "Variants"), then the combinations below.
    $singles = @(
        @{ usersPostAnswer = 'FirstObject' }, @{ usersPostAnswer = 'LastObject' }, @{ usersPostAnswer = 'EmptyBody' }, @{ usersPostAnswer = 'EmptyArray' }
        @{ fieldInfoListing = 'UserFieldsNeedTypeId' }, @{ fieldInfoListing = 'WithoutUsage' }
        @{ siteListInvoiceFlag = $false }
        @{ pageNumbering = 'RequestedSize' }
        @{ userListCustomFields = 'Ignored' }, @{ userListCustomFields = 'EmptyArray' }
        @{ customFieldsPost = 'Merge' }
    )
    $combinations = @($singles | ForEach-Object { @{ Name = "$($_.Keys)=$($_.Values)"; Skip = $false; Settings = $_ } }) + @(
        @{
            Name     = 'every read-side variant at once'
            Skip     = $false
            Settings = @{ fieldInfoListing = 'WithoutUsage'; siteListInvoiceFlag = $false; pageNumbering = 'RequestedSize'; userListCustomFields = 'EmptyArray'; customFieldsPost = 'Merge' }
        }
        @{
            Name     = 'every non-default variant at once'
            Skip     = $false
            Settings = @{ usersPostAnswer = 'FirstObject'; fieldInfoListing = 'UserFieldsNeedTypeId'; siteListInvoiceFlag = $false; pageNumbering = 'RequestedSize'; userListCustomFields = 'Ignored'; customFieldsPost = 'Merge' }
        }
        @{
            Name     = 'an empty answer to batch writes with every other non-default variant'
            Skip     = $false
            Settings = @{ usersPostAnswer = 'EmptyBody'; fieldInfoListing = 'WithoutUsage'; siteListInvoiceFlag = $false; pageNumbering = 'RequestedSize'; userListCustomFields = 'EmptyArray'; customFieldsPost = 'Merge' }
        }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'IntegrationHelpers.psm1') -Force
    Import-TestedModule

    $script:DefaultSettings = @{ usersPostAnswer = 'Array'; fieldInfoListing = 'Every'; siteListInvoiceFlag = $true; pageNumbering = 'CappedSize'; userListCustomFields = 'Honoured'; customFieldsPost = 'Replace' }

    function Invoke-VariantRun([hashtable] $Settings) {
        <# Import, payment sync, and both again, on 120 generated customers with the emulator switched as given. #>
        $config = New-TestIntegration -Target Api
        $null = Invoke-Emulator -Path '/__admin/gocardless/generate' -Method Post -Body @{ customers = 120; payments = 240; seed = 8 }
        Set-GcFieldMapping -ConfigPath $config payment.last_status GcLastStatus -CreateHaloField
        # Pages capped at 40 (below the 100 the module asks for), so page numbering matters.
        $null = Invoke-Emulator -Path '/__admin/halo/settings' -Method Post -Body ($Settings + @{ maxPageSize = 40 })
        $first = @(Import-GcUser -ConfigPath $config)
        $null = Sync-GcPayment -ConfigPath $config
        $rerun = @(Import-GcUser -ConfigPath $config)
        $null = Sync-GcPayment -ConfigPath $config
        # Read the outcome through the default behaviours, so the variant does not colour the picture.
        $null = Invoke-Emulator -Path '/__admin/halo/settings' -Method Post -Body $script:DefaultSettings
        $users = @(Get-GcUser -ConfigPath $config)
        [pscustomobject]@{
            First    = $first
            Rerun    = $rerun
            Links    = @($users.GoCardlessCustomerId)
            Users    = @($users | ForEach-Object {
                    $fields = ($_.CustomFields.GetEnumerator() | Sort-Object Key | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join ','
                    "$($_.GoCardlessCustomerId)|$($_.Name)|$($_.Email)|$($_.Client)|$($_.Site)|$fields"
                } | Sort-Object)
            Payments = @((Get-GcPayment -ConfigPath $config).PaymentId | Sort-Object)
        }
    }

    $script:Default = Invoke-VariantRun @{}
}

Describe 'Import-GcUser and Sync-GcPayment against <Name>' -ForEach $combinations {
    It 'imports every customer once on the default emulator' {
        $script:Default.First.Count | Should -Be 120
        @($script:Default.First | Where-Object Action -EQ 'Failed').Count | Should -Be 0
        $script:Default.Links.Count | Should -Be 120
        $script:Default.Payments.Count | Should -BeGreaterThan 0
    }

    It 'ends in the default emulator''s Halo, with no duplicate link and no lost payment' -Skip:$Skip {
        $run = Invoke-VariantRun $Settings

        @($run.First | Where-Object Action -EQ 'Failed').Count | Should -Be 0
        @($run.Rerun | Where-Object Action -EQ 'Created').Count | Should -Be 0
        @($run.Links | Group-Object | Where-Object Count -GT 1).Count | Should -Be 0
        $run.Users | Should -Be $script:Default.Users
        $run.Payments | Should -Be $script:Default.Payments
    }
}
