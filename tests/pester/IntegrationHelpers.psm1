# Helpers that set up a GoCardless + Halo world on either target, for the integration tests.
Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1')
Set-StrictMode -Version Latest

$script:SampleHalo = @{
    clients = @(
        @{ id = 1; name = 'Unassigned Customers' }
        @{ id = 2; name = 'Acme Widgets Ltd' }
        @{ id = 3; name = 'Brightside Dental Practice' }
        @{ id = 4; name = 'Northwind Traders LLC' }
    )
    sites   = @(
        @{ id = 1; name = 'Default Site'; client_id = 1; isinvoicesite = $true }
        @{ id = 10; name = 'Head Office'; client_id = 2; isinvoicesite = $true }
        @{ id = 11; name = 'Leeds Warehouse'; client_id = 2; isinvoicesite = $false }
        @{ id = 20; name = 'Main Surgery'; client_id = 3; isinvoicesite = $true }
        @{ id = 30; name = 'Accounts'; client_id = 4; isinvoicesite = $true }
    )
    users   = @()
    fields  = @(
        @{ id = 900; name = 'Birthday'; label = 'Birthday'; type = 4; usage = 4 }
        @{ id = 901; name = 'TicketRef'; label = 'Ticket reference'; type = 0; usage = 1 }
    )
}

function Invoke-TestSqlite {
    <# Runs SQL against a SQLite file with the module's own Microsoft.Data.Sqlite (test-only direct access). #>
    param([Parameter(Mandatory)] [string] $DatabasePath, [Parameter(Mandatory)] [string] $Sql)
    $context = [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -EQ 'GoCardlessHalo'
    $sqlite = $context.LoadFromAssemblyName([System.Reflection.AssemblyName]::new('Microsoft.Data.Sqlite'))
    $connection = [Activator]::CreateInstance($sqlite.GetType('Microsoft.Data.Sqlite.SqliteConnection'), @("Data Source=$DatabasePath"))
    try {
        $connection.Open()
        $command = $connection.CreateCommand()
        $command.CommandText = $Sql
        $reader = $command.ExecuteReader()
        while ($reader.Read()) {
            $row = [ordered]@{}
            for ($i = 0; $i -lt $reader.FieldCount; $i++) { $row[$reader.GetName($i)] = $reader.GetValue($i) }
            [pscustomobject]$row
        }
        $reader.Dispose()
    }
    finally {
        $connection.Dispose()
    }
}

function Invoke-HaloApi {
    <# Calls the emulated Halo API as an administrator would (for checks and for changes made "in Halo"). #>
    param([Parameter(Mandatory)] [string] $Path, [string] $Method = 'GET', $Body)
    $token = Invoke-RestMethod -Method Post -Uri "$env:GCH_EMULATOR_URL/halo/auth/token" `
        -Body @{ grant_type = 'client_credentials'; client_id = 'emulator-client'; client_secret = 'emulator-secret'; scope = 'all' }
    $request = @{ Uri = "$env:GCH_EMULATOR_URL/halo/api/$Path"; Method = $Method; Headers = @{ Authorization = "Bearer $($token.access_token)" } }
    if ($null -ne $Body) { $request.Body = ConvertTo-Json -InputObject @($Body) -Depth 10; $request.ContentType = 'application/json' }
    Invoke-RestMethod @request
}

function Set-TestGoCardless {
    <# Replaces the emulated GoCardless account with these customers (GoCardless's own field names). #>
    param([Parameter(Mandatory)] [object[]] $Customers, [object[]] $Mandates = @(), [object[]] $Payments = @())
    $null = Invoke-RestMethod -Method Post -Uri "$env:GCH_EMULATOR_URL/__admin/gocardless/seed" -ContentType 'application/json' `
        -Body (ConvertTo-Json -Depth 10 -InputObject @{ customers = $Customers; mandates = $Mandates; payments = $Payments })
}

function New-TestPayer {
    <#
    One GoCardless customer with one mandate (GoCardless's own field names), for Set-TestGoCardless: returns
    @{ Customer; Mandate }. Ids are CU00<Key> and MD00<Key>; an active mandate can be charged -ChargeInDays from today.
    #>
    param(
        [Parameter(Mandatory)] [string] $Key,
        [Parameter(Mandatory)] [string] $GivenName,
        [Parameter(Mandatory)] [string] $FamilyName,
        [Parameter(Mandatory)] [string] $Company,
        [Parameter(Mandatory)] [string] $Email,
        [string] $Scheme = 'bacs',
        [string] $MandateStatus = 'active',
        [int] $ChargeInDays = 3)
    $created = '2026-01-01T10:00:00.000Z'
    $mandate = @{ id = "MD00$Key"; status = $MandateStatus; scheme = $Scheme; links = @{ customer = "CU00$Key" }; created_at = $created }
    if ($MandateStatus -eq 'active') {
        $mandate.next_possible_charge_date = (Get-Date).ToUniversalTime().Date.AddDays($ChargeInDays).ToString('yyyy-MM-dd')
    }
    @{
        Customer = @{ id = "CU00$Key"; given_name = $GivenName; family_name = $FamilyName; company_name = $Company; email = $Email; created_at = $created }
        Mandate = $mandate
    }
}

function New-TestIntegration {
    <#
    A configuration enabled against the emulator's GoCardless and the given Halo target, holding the same Halo
    customers, sites and non-Text fields either way. Returns the configuration folder.
    #>
    param([Parameter(Mandatory)] [ValidateSet('Sqlite', 'Api')] [string] $Target)
    $null = Invoke-RestMethod -Method Post -Uri "$env:GCH_EMULATOR_URL/__admin/reset"
    $config = New-TestConfigPath
    if ($Target -eq 'Api') {
        $null = Invoke-RestMethod -Method Post -Uri "$env:GCH_EMULATOR_URL/__admin/halo/seed" -ContentType 'application/json' -Body (ConvertTo-Json -Depth 10 $script:SampleHalo)
        $env:GCH_HALO_SECRET = 'emulator-secret'
        Enable-TestModule -ConfigPath $config -Extra @{ HaloUrl = "$env:GCH_EMULATOR_URL/halo"; ClientId = 'emulator-client'; ClientSecretReference = 'env:GCH_HALO_SECRET'; DefaultSite = '1'
            # The emulator is not hosted Halo: without this every Api test on the machine would share one 300-per-5-minutes budget.
            HaloRequestsPer5Minutes = 0 }
    }
    else {
        Enable-TestModule -ConfigPath $config -Extra @{ SampleData = $true }
        $database = Join-Path $config 'halo.db'
        foreach ($field in $script:SampleHalo.fields) {
            $null = Invoke-TestSqlite -DatabasePath $database -Sql "INSERT INTO FIELDINFO (FIid, FIName, FILabel, FIType, FIusage, fiStoreInFieldData) VALUES ($($field.id), '$($field.name)', '$($field.label)', $($field.type), $($field.usage), 1)"
        }
    }
    $config
}

function Move-TestHaloUser {
    <# Moves a Halo user to another site, as an agent would in Halo. #>
    param([Parameter(Mandatory)] [string] $Target, [Parameter(Mandatory)] [string] $ConfigPath, [int] $UserId, [int] $SiteId)
    if ($Target -eq 'Api') {
        $null = Invoke-HaloApi -Method Post -Path 'Users' -Body @{ id = $UserId; site_id = $SiteId }
    }
    else {
        $null = Invoke-TestSqlite -DatabasePath (Join-Path $ConfigPath 'halo.db') -Sql "UPDATE USERS SET Usite = $SiteId WHERE Uid = $UserId"
    }
}

function Add-TestHaloClient {
    <# A Halo customer with one invoice site, added as an agent would (the API chooses its own ids). #>
    param([Parameter(Mandatory)] [string] $Target, [Parameter(Mandatory)] [string] $ConfigPath, [int] $ClientId, [string] $Name, [int] $SiteId, [string] $SiteName)
    if ($Target -eq 'Api') {
        $client = Invoke-HaloApi -Method Post -Path 'Client' -Body @{ name = $Name } | Select-Object -First 1
        $null = Invoke-HaloApi -Method Post -Path 'Site' -Body @{ name = $SiteName; client_id = $client.id; isinvoicesite = $true }
    }
    else {
        $db = Join-Path $ConfigPath 'halo.db'
        $null = Invoke-TestSqlite -DatabasePath $db -Sql "INSERT INTO AREA (Aarea, Aareadesc) VALUES ($ClientId, '$Name')"
        $null = Invoke-TestSqlite -DatabasePath $db -Sql "INSERT INTO SITE (Ssitenum, Sdesc, SArea, SisInvoiceSite) VALUES ($SiteId, '$SiteName', $ClientId, 1)"
    }
}

function Get-HaloWriteCount {
    <# How many user writes Halo has received: API POSTs to /api/Users, or audit lines for the SQL target. #>
    param([Parameter(Mandatory)] [string] $Target, [Parameter(Mandatory)] [string] $ConfigPath)
    if ($Target -eq 'Api') {
        $counts = (Invoke-RestMethod -Uri "$env:GCH_EMULATOR_URL/__admin/requests").byRoute
        $property = $counts.PSObject.Properties | Where-Object Name -EQ 'POST /halo/api/Users'
        if ($property) { $property.Value } else { 0 }
    }
    else {
        $audit = Join-Path $ConfigPath 'GoCardlessHalo.audit.jsonl'
        if (Test-Path $audit) { @(Get-Content $audit | Where-Object { $_ -match '"action":"user\.' }).Count } else { 0 }
    }
}

function Add-TestHaloInvoice {
    <#
    Adds posted invoices to Halo as an agent would: @{ id; invoicenumber; client_id; currency; net; tax; duedate; voided; posted }.
    Returns each invoice's number and the id Halo gave it (the API allocates ids; SQLite keeps the id given).
    API: POST /api/Invoice (one line); SQLite: a row in INVOICEHEADER.
    #>
    param([Parameter(Mandatory)] [string] $Target, [Parameter(Mandatory)] [string] $ConfigPath, [Parameter(Mandatory)] [hashtable[]] $Invoice)
    foreach ($i in $Invoice) {
        $posted = if ($i.ContainsKey('posted')) { [bool]$i.posted } else { $true }
        $voided = [bool]$i['voided']
        $due = if ($i['duedate']) { $i['duedate'] } else { (Get-Date).ToUniversalTime().ToString('yyyy-MM-dd') }
        if ($Target -eq 'Api') {
            # Halo allocates the id of a new invoice (an id in the body names one to update).
            $saved = Invoke-HaloApi -Method Post -Path 'Invoice' -Body @{ invoicenumber = $i.invoicenumber; client_id = $i.client_id; posted = $posted; voided = $voided
                currency = $i.currency; duedate = $due; invoice_date = $due; lines = @(@{ item_shortdescription = 'Support'; net_amount = $i.net; tax_amount = $i.tax }) }
            [pscustomobject]@{ InvoiceNumber = $i.invoicenumber; Id = @($saved)[0].id }
        }
        else {
            $total = [decimal]$i.net + [decimal]$i.tax
            $culture = [Globalization.CultureInfo]::InvariantCulture
            $null = Invoke-TestSqlite -DatabasePath (Join-Path $ConfigPath 'halo.db') -Sql (
                "INSERT INTO INVOICEHEADER (ihid, IHInvoiceNumber, IHaarea, IHsitenumber, IHuid, IHInvoice_Date, IHDue_Date, IHposted, IHvoided, IHCurrencyCode, IHAmountDue, IHAmountPaid) " +
                "VALUES ($($i.id), '$($i.invoicenumber)', $($i.client_id), 0, 0, '$due', '$due', $([int]$posted), $([int]$voided), (SELECT Cid FROM CURRENCY WHERE CName = '$($i.currency)'), " +
                "$($total.ToString($culture)), 0)")
            [pscustomobject]@{ InvoiceNumber = $i.invoicenumber; Id = $i.id }
        }
    }
}

function Get-TestHaloInvoice {
    <# What Halo now says of an invoice: amount due and paid, and the payments recorded against it (reference). #>
    param([Parameter(Mandatory)] [string] $Target, [Parameter(Mandatory)] [string] $ConfigPath, [Parameter(Mandatory)] [int] $Id)
    if ($Target -eq 'Api') {
        $invoice = Invoke-HaloApi -Path "Invoice/$Id"
        $payments = @((Invoke-HaloApi -Path "InvoicePayment?invoice_id=$Id").invoicepayments)
        [pscustomobject]@{ AmountDue = [decimal]$invoice.amountdue; AmountPaid = [decimal]$invoice.amountpaid; References = @($payments | ForEach-Object reference) }
    }
    else {
        $database = Join-Path $ConfigPath 'halo.db'
        $header = Invoke-TestSqlite -DatabasePath $database -Sql "SELECT IHAmountDue AS due, IHAmountPaid AS paid FROM INVOICEHEADER WHERE ihid = $Id"
        $payments = @(Invoke-TestSqlite -DatabasePath $database -Sql "SELECT IPReference AS reference FROM InvoicePayment WHERE IPIHid = $Id")
        [pscustomobject]@{ AmountDue = [decimal]$header.due; AmountPaid = [decimal]$header.paid; References = @($payments | ForEach-Object reference) }
    }
}

function Get-TestGoCardlessPayment {
    <# Every payment the emulated GoCardless holds (as its API lists them), with the Halo invoice id from their metadata. #>
    $headers = @{ Authorization = 'Bearer emulator-token'; 'GoCardless-Version' = '2015-07-06' }
    $page = Invoke-RestMethod -Uri "$env:GCH_EMULATOR_URL/gocardless/payments?limit=500" -Headers $headers
    @($page.payments) | ForEach-Object { [pscustomobject]@{ Id = $_.id; Status = $_.status; Amount = $_.amount; InvoiceId = [int]$_.metadata.halo_invoice_id; InvoiceNumber = $_.metadata.halo_invoice_number; RetryIfPossible = [bool]$_.retry_if_possible } }
}

Export-ModuleMember -Function Invoke-TestSqlite, Invoke-HaloApi, Set-TestGoCardless, New-TestPayer, New-TestIntegration, Move-TestHaloUser, Add-TestHaloClient, Get-HaloWriteCount, Add-TestHaloInvoice, Get-TestHaloInvoice, Get-TestGoCardlessPayment
