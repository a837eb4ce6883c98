<#
.SYNOPSIS
Explains where a GoCardless customer is in Halo, why it landed there, and what the next import would do.

.DESCRIPTION
For one GoCardless customer id: the customer as GoCardless has it (company name, email, custom fields), the Halo
user linked to it now (wherever it has been moved), what Import-GcUser would do with it today and by which rule
(Link, Email, CompanyName, DefaultSite) — with the nearest Halo customer names when its company matched none — and
every change the module has made for it, from the audit log. Read-only.

.EXAMPLE
./Find-CustomerPlacement.ps1 -CustomerId CU000123ABC
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)]
    [string] $CustomerId,

    [string] $ConfigPath,

    [string] $ModulePath = 'GoCardlessHalo'
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$common = @{}
if ($ConfigPath) { $common.ConfigPath = $ConfigPath }

$customer = Get-GcCustomer @common -Id $CustomerId
$user = Get-GcUser @common -CustomerId $CustomerId -IncludeInactive -ErrorAction SilentlyContinue
$plan = Get-GcImportPlan @common -CustomerId $CustomerId

$auditFile = Join-Path (Split-Path (Get-GcModule @common).ConfigPath) 'GoCardlessHalo.audit.jsonl'
$history = @()
if (Test-Path -LiteralPath $auditFile) {
    $history = @(Get-Content -LiteralPath $auditFile | ForEach-Object { $_ | ConvertFrom-Json } | Where-Object { $_.customerId -eq $CustomerId } |
        ForEach-Object { '{0:u}  {1}  {2}' -f ([datetime]$_.time).ToUniversalTime(), $_.action, $_.target })
}

$why = switch ($plan.MatchedBy) {
    'Link' { "A Halo user already holds GoCardless id $CustomerId; imports update it wherever it lives and never move it." }
    'Email' { "An unlinked Halo user of '$($plan.Client)' has the same email; the import links it instead of creating a duplicate." }
    'CompanyName' { "The company '$($customer.CompanyName)' matches the Halo customer '$($plan.Client)'; new users go to its invoice site '$($plan.Site)'." }
    'DefaultSite' { $plan.Reason }
    default { $plan.Reason }
}

[pscustomobject]@{
    CustomerId       = $customer.CustomerId
    Name             = $customer.Name
    CompanyName      = $customer.CompanyName
    Email            = $customer.Email
    CustomFields     = ($customer.Metadata.Keys | ForEach-Object { "$_=$($customer.Metadata[$_])" }) -join '; '
    HaloUserId       = $user.HaloUserId
    NowIn            = if ($user) { "$($user.Client) / $($user.Site)" } else { '(no linked Halo user)' }
    NextImport       = $plan.Action
    MatchedBy        = $plan.MatchedBy
    Why              = $why
    NearestCustomers = $plan.NearestClients -join ', '
    History          = $history
}
