<#
.SYNOPSIS
Writes the module's about_ topics (about_GoCardlessHalo, about_GoCardlessHalo_Troubleshooting) from their sources.

.DESCRIPTION
The sources are About/about_*.txt. {{Cmdlets}} is replaced with every exported cmdlet and its synopsis, taken from the
built module's help, so the list cannot fall behind the cmdlets. A topic is refused (and the build fails, listing every
problem) when it lacks the sections Get-Help shows (TOPIC, SHORT DESCRIPTION, LONG DESCRIPTION, SEE ALSO), when a line
is wider than 80 characters (the width Windows PowerShell's help is written for), or when it names a Verb-Gc* command
or about_ topic the module does not have. The output goes to en-US beside the manifest, where Get-Help looks for
about_ topics on both editions ("about_<name>.help.txt" in a culture folder of the module base; see
https://learn.microsoft.com/powershell/scripting/developer/help/placing-conceptual-topics-in-modules).
The module is imported into this process: run it in a child pwsh.

.EXAMPLE
dotnet pwsh -NoProfile -File src/GoCardlessHalo/Help/New-AboutHelp.ps1 -ModulePath out/GoCardlessHalo/0.1.0/GoCardlessHalo.psd1
#>
[CmdletBinding()]
param(
    # The built module's manifest; the topics are written to en-US beside it.
    [Parameter(Mandatory)] [string] $ModulePath,
    # The folder of the topic sources.
    [string] $SourcePath = (Join-Path $PSScriptRoot 'About')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$module = Import-Module -Name $ModulePath -PassThru -Force
$cmdlets = @($module.ExportedCmdlets.Keys | Sort-Object)
$cmdletList = ($cmdlets | ForEach-Object {
        # The name, then its synopsis wrapped at 80 columns under it.
        '    ' + $_
        $line = '       '
        foreach ($word in (Get-Help -Name $_).Synopsis.Trim() -split '\s+') {
            if ($line.Length + 1 + $word.Length -gt 80) { $line; $line = '       ' }
            $line += ' ' + $word
        }
        $line
    }) -join [Environment]::NewLine

$sources = @(Get-ChildItem -LiteralPath $SourcePath -Filter 'about_*.txt' | Sort-Object Name)
$topics = @($sources | ForEach-Object BaseName)
$problems = [System.Collections.Generic.List[string]]::new()
$outDir = New-Item -ItemType Directory -Path (Join-Path (Split-Path $ModulePath) 'en-US') -Force
foreach ($source in $sources) {
    $text = (Get-Content -LiteralPath $source.FullName -Raw).Replace("`r`n", "`n").Replace('{{Cmdlets}}', $cmdletList.Replace("`r`n", "`n"))
    $lines = $text.TrimEnd("`n").Split("`n")
    if ($lines[0] -ne 'TOPIC' -or $lines[1].Trim() -ne $source.BaseName) { $problems.Add("$($source.Name): must start with TOPIC and then its name, $($source.BaseName).") }
    foreach ($section in 'SHORT DESCRIPTION', 'LONG DESCRIPTION', 'SEE ALSO') {
        if ($lines -notcontains $section) { $problems.Add("$($source.Name): the $section section is missing.") }
    }
    for ($i = 0; $i -lt $lines.Count; $i++) {
        if ($lines[$i].Length -gt 80) { $problems.Add("$($source.Name) line $($i + 1): $($lines[$i].Length) characters, more than 80.") }
    }
    foreach ($name in [regex]::Matches($text, '(?<![/\\])\b[A-Z][a-z]+-Gc[A-Za-z]+\b(?!\.ps1)') | ForEach-Object Value | Sort-Object -Unique) {
        if ($name -notin $cmdlets) { $problems.Add("$($source.Name): names $name, which the module does not export.") }
    }
    foreach ($name in [regex]::Matches($text, '\babout_GoCardlessHalo\w*') | ForEach-Object Value | Sort-Object -Unique) {
        if ($name -notin $topics) { $problems.Add("$($source.Name): names $name, which is not a topic of the module.") }
    }
    [System.IO.File]::WriteAllText((Join-Path $outDir "$($source.BaseName).help.txt"), ($lines -join [Environment]::NewLine) + [Environment]::NewLine, [System.Text.UTF8Encoding]::new($false))
}

if ($problems.Count -gt 0) {
    throw "The about_ topics need fixing:`n  " + ($problems -join "`n  ")
}
