# Loader of the GoCardlessHalo module: picks the compiled flavour for this edition of PowerShell.
#   Desktop (Windows PowerShell 5.1) -> bin/net472    Core (PowerShell 7.4+) -> bin/net8.0
# Each flavour keeps the engine and its dependencies in bin/<flavour>/dependencies, which only the module's
# own resolver (GoCardlessHalo.Loading.ModuleInitializer) looks into.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$flavour = if ($PSEdition -eq 'Core') { 'net8.0' } else { 'net472' }
$assemblyPath = Microsoft.PowerShell.Management\Join-Path -Path $PSScriptRoot -ChildPath "bin/$flavour/GoCardlessHalo.dll"
$binaryModule = Microsoft.PowerShell.Core\Import-Module -Name $assemblyPath -PassThru -ErrorAction Stop

# The manifest's CmdletsToExport is the public list; export what the binary module provides.
Microsoft.PowerShell.Core\Export-ModuleMember -Cmdlet @($binaryModule.ExportedCmdlets.Keys)

$ExecutionContext.SessionState.Module.OnRemove = {
    Microsoft.PowerShell.Core\Remove-Module -ModuleInfo $binaryModule -Force -ErrorAction SilentlyContinue
}.GetNewClosure()
