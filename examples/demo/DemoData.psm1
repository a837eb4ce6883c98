# The demo's small, realistic world: GoCardless customers (companies that match Halo customers, companies that do
# not, individuals), their mandates and payments in several states; and the Halo customers they meet.
Set-StrictMode -Version Latest

# Halo customers and sites: the same as Enable-GcModule -SampleData puts into the embedded database.
function Get-DemoHalo {
    $customer = { param($id, $name) @{ id = $id; name = $name } }
    $site = { param($id, $name, $client, $invoice) @{ id = $id; name = $name; client_id = $client; isinvoicesite = $invoice } }
    @{
        clients = @(
            & $customer 1 'Unassigned Customers'; & $customer 2 'Acme Widgets Ltd'; & $customer 3 'Brightside Dental Practice'
            & $customer 4 'Northwind Traders LLC'; & $customer 5 'Oakwood Veterinary Group')
        sites   = @(
            & $site 1 'Default Site' 1 $true; & $site 10 'Head Office' 2 $true; & $site 11 'Leeds Warehouse' 2 $false
            & $site 20 'Main Surgery' 3 $true; & $site 30 'Accounts' 4 $true; & $site 31 'Workshop' 4 $false
            & $site 40 'Reception' 5 $true; & $site 41 'Branch Clinic' 5 $false)
        users   = @()
        fields  = @()
    }
}

function Get-DemoGoCardless {
    # given, family, company, email, custom fields (metadata), payment statuses (oldest first). The leading commas
    # keep each row an array of its own (a bare @() per line would be flattened into one long list).
    $people = @(
        , @('Jane', 'Doe', 'Acme Widgets Ltd', 'jane.doe@acme.example', @{ account_ref = 'ACME-001'; contract = 'Gold' }, @('paid_out', 'paid_out', 'submitted'))
        , @('Raj', 'Patel', 'Acme Widgets Ltd', 'raj.patel@acme.example', @{ account_ref = 'ACME-002' }, @('paid_out', 'confirmed'))
        , @('Chloe', 'Martin', 'Brightside Dental Practice', 'accounts@brightside.example', @{ account_ref = 'BDP-100'; contract = 'Silver' }, @('paid_out', 'failed', 'pending_submission'))
        , @('Tom', 'Evans', 'Brightside Dental Practice', 'tom.evans@brightside.example', @{}, @('paid_out', 'submitted'))
        , @('Ana', 'Silva', 'Northwind Traders LLC', 'ana.silva@northwind.example', @{ account_ref = 'NWT-7' }, @('paid_out', 'paid_out', 'confirmed'))
        , @('Oliver', 'Brown', 'Northwind Traders', 'oliver@northwind.example', @{}, @('charged_back', 'paid_out'))
        , @('Maya', 'Johnson', 'Oakwood Veterinary Group', 'maya@oakwood-vets.example', @{ contract = 'Bronze' }, @('paid_out', 'submitted'))
        , @('Liam', 'Murphy', 'Harbour Lights Cafe', 'liam@harbourlights.example', @{ account_ref = 'HLC-1' }, @('paid_out', 'pending_submission'))
        , @('Sofia', 'Rossi', 'Pinecrest Joinery Ltd', 'sofia@pinecrest.example', @{}, @('cancelled', 'paid_out'))
        , @('Noah', 'Schmidt', 'Acme Widgits', 'noah@widgits.example', @{}, @('submitted'))
        , @($null, $null, 'Riverside Engineering Limited', 'billing@riverside.example', @{ account_ref = 'RIV-55' }, @('paid_out', 'confirmed'))
        , @($null, $null, 'Oakwood Veterinary Group', 'finance@oakwood-vets.example', @{}, @('paid_out'))
        , @('Emma', 'Wilson', $null, 'emma.wilson@example.com', @{ account_ref = 'IND-001' }, @('paid_out', 'submitted'))
        , @('Lucas', 'Garcia', $null, 'lucas.garcia@example.com', @{}, @('paid_out', 'paid_out'))
        , @('Isla', 'Thompson', $null, 'isla.t@example.com', @{ contract = 'Monthly' }, @('failed', 'pending_submission'))
        , @('Ethan', 'Clarke', $null, 'ethan.clarke@example.com', @{}, @('confirmed'))
        , @('Ava', 'Lewis', $null, 'ava.lewis@example.com', @{}, @('paid_out', 'charged_back'))
        , @('Mason', 'Walker', $null, 'mason.w@example.com', @{ account_ref = 'IND-006' }, @('submitted'))
        , @('Mia', 'Hall', $null, 'mia.hall@example.com', @{}, @('paid_out', 'paid_out', 'paid_out'))
        , @('Leo', 'Young', $null, 'leo.young@example.com', @{}, @('pending_submission'))
        , @('Zoe', 'King', $null, 'zoe.king@example.com', @{}, @('paid_out', 'confirmed'))
        , @('Jack', 'Wright', $null, 'jack.wright@example.com', @{ account_ref = 'IND-010' }, @('cancelled'))
        , @('Freya', 'Scott', $null, 'freya.scott@example.com', @{}, @('paid_out', 'submitted'))
        , @('Harry', 'Green', $null, 'harry.green@example.com', @{}, @('paid_out'))
        , @('Amelia', 'Baker', $null, 'amelia.baker@example.com', @{}, @('confirmed', 'submitted'))
    )
    $currencies = 'GBP', 'GBP', 'GBP', 'EUR', 'GBP'
    $customers = New-Object System.Collections.Generic.List[object]
    $mandates = New-Object System.Collections.Generic.List[object]
    $payments = New-Object System.Collections.Generic.List[object]
    for ($i = 0; $i -lt $people.Count; $i++) {
        $row = $people[$i]
        $given, $family, $company, $email, $metadata = $row[0..4]
        $statuses = @($row[5])
        $n = '{0:D4}' -f ($i + 1)
        $customers.Add(@{ id = "CU00DEMO$n"; given_name = $given; family_name = $family; company_name = $company; email = $email
            phone_number = "+44 20 7946 $n"; country_code = 'GB'; metadata = $metadata; created_at = "2025-06-$('{0:D2}' -f ($i % 28 + 1))T09:00:00.000Z" })
        $mandates.Add(@{ id = "MD00DEMO$n"; status = 'active'; scheme = 'bacs'; reference = "DEMO-$n"; links = @{ customer = "CU00DEMO$n" }; created_at = "2025-06-$('{0:D2}' -f ($i % 28 + 1))T09:05:00.000Z" })
        for ($p = 0; $p -lt $statuses.Count; $p++) {
            $month = 9 + $p
            $payments.Add(@{ id = "PM00DEMO$n$p"; amount = 1500 + 250 * (($i + $p) % 7); currency = $currencies[$i % $currencies.Count]
                status = $statuses[$p]; charge_date = "2025-$('{0:D2}' -f $month)-15"; description = "Monthly support, $('{0:D2}' -f $month)/2025"
                links = @{ mandate = "MD00DEMO$n" }; created_at = "2025-$('{0:D2}' -f $month)-01T08:00:00.000Z" })
        }
    }
    @{ customers = $customers; mandates = $mandates; payments = $payments }
}

# Payments the demo moves on between the two syncs, and where to.
function Get-DemoTransitions {
    @(
        @{ Payment = 'PM00DEMO00012'; Status = 'confirmed' }       # Jane Doe: submitted -> confirmed
        @{ Payment = 'PM00DEMO00021'; Status = 'paid_out' }        # Raj Patel: confirmed -> paid_out
        @{ Payment = 'PM00DEMO00011'; Status = 'charged_back' }    # Jane Doe: paid_out -> charged_back
        @{ Payment = 'PM00DEMO00032'; Status = 'submitted' }       # Chloe Martin: pending_submission -> submitted
        @{ Payment = 'PM00DEMO00131'; Status = 'failed' }          # Emma Wilson: submitted -> failed
    )
}

# This month's Halo invoices for the collection part. Northwind Traders LLC has one linked payer with a bacs mandate
# (Ana Silva); Acme Widgets Ltd has two, so its invoice is never guessed between them.
function Get-DemoInvoices {
    @(
        @{ id = 1001; invoicenumber = 'INV-1001'; client_id = 4; currency = 'GBP'; net = 200; tax = 40 }
        @{ id = 1002; invoicenumber = 'INV-1002'; client_id = 4; currency = 'GBP'; net = 82.92; tax = 16.58 }
        @{ id = 1003; invoicenumber = 'INV-1003'; client_id = 2; currency = 'GBP'; net = 400; tax = 80 }
        @{ id = 1004; invoicenumber = 'CN-1004'; client_id = 4; currency = 'GBP'; net = -41.67; tax = -8.33 }
        @{ id = 1005; invoicenumber = 'INV-1005'; client_id = 4; currency = 'EUR'; net = 100; tax = 20 }
    )
}

Export-ModuleMember -Function Get-DemoHalo, Get-DemoGoCardless, Get-DemoTransitions, Get-DemoInvoices
