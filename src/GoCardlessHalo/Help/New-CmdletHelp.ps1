<#
.SYNOPSIS
Writes the MAML help file of the module's compiled cmdlets from the C# compiler's XML documentation.

.DESCRIPTION
Compiled cmdlets get help only from MAML (<Assembly>.dll-Help.xml); platyPS is not available to this build. So the text
lives in the cmdlet classes' XML doc comments, and the facts come from PowerShell's view of the BUILT module (parameter
sets, mandatory, position, pipeline input, wildcards, aliases, types, defaults, [OutputType]): help cannot disagree
with the cmdlets. From the XML documentation:
    T:<cmdlet class>  <summary> with <para type="synopsis">, <para type="description"> (one or more), <para type="link">
                      (optional uri="...") and <para type="output" name="System.Boolean"> (for framework output types);
                      <example> blocks of <code>PS> ...</code> and <para>remarks</para>
    P:<class>.X       the <summary> of parameter -X, on the class that declares it (a base class for inherited ones)
    T:<output type>   the <summary> describing an [OutputType]
Missing text fails the script, listing every gap. The module is imported into this process: run it in a child pwsh.
The file is loaded back as XML, and when it is where Get-Help looks (en-US beside the cmdlet assembly), Get-Help is
asked for every cmdlet.

.EXAMPLE
dotnet pwsh -NoProfile -File src/GoCardlessHalo/Help/New-CmdletHelp.ps1 -ModulePath out/GoCardlessHalo/0.1.0/GoCardlessHalo.psd1 -DocumentationPath src/GoCardlessHalo/bin/Release/net8.0/GoCardlessHalo.xml -OutputPath out/GoCardlessHalo/0.1.0/bin/net8.0/en-US/GoCardlessHalo.dll-Help.xml
#>
[CmdletBinding()]
param(
    # The built module's manifest.
    [Parameter(Mandatory)] [string] $ModulePath,
    # The XML documentation file the compiler wrote beside the cmdlet assembly (GenerateDocumentationFile).
    [Parameter(Mandatory)] [string] $DocumentationPath,
    # The MAML file to write.
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Ns = [ordered]@{ maml = 'http://schemas.microsoft.com/maml/2004/10'; command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'; dev = 'http://schemas.microsoft.com/maml/dev/2004/10' }
# Parameters every cmdlet has; Get-Help adds [<CommonParameters>] itself. WhatIf and Confirm are documented like
# any other parameter (as platyPS does), so the syntax shows which cmdlets take them.
$CommonParameters = [System.Management.Automation.Cmdlet]::CommonParameters
$ShouldProcessText = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

function Get-DocText([System.Xml.XmlNode] $Node) {
    # Doc text as one line: <see cref> becomes the member's short name, <paramref> -Name, <c> its text.
    $text = foreach ($child in $Node.ChildNodes) {
        switch ($child.LocalName) {
            '#text' { $child.Value }
            { $_ -in '#whitespace', '#significant-whitespace' } { ' ' }
            'see' { if ($child.InnerText) { $child.InnerText } else { ($child.GetAttribute('cref') -split '[.:]')[-1] } }
            'paramref' { '-' + $child.GetAttribute('name') }
            default { Get-DocText $child }
        }
    }
    (($text -join '') -replace '\s+', ' ').Trim()
}

function Get-CodeText([System.Xml.XmlNode] $Node) {
    # Code keeps its lines. The compiler indents every line of a member's docs to the member's depth; that indentation
    # is the whitespace before the line holding <code> (or its <example>), and only that much is taken off.
    $anchor = $Node
    while ($anchor.ParentNode -and $anchor.PreviousSibling -isnot [System.Xml.XmlWhitespace]) { $anchor = $anchor.ParentNode }
    $indent = if ($anchor.PreviousSibling -is [System.Xml.XmlWhitespace]) { ($anchor.PreviousSibling.Value -split "`n")[-1].Length } else { 0 }
    $lines = @(($Node.InnerText -replace "`r", '').Trim("`n").Split("`n"))
    $body = @($lines[0].Trim()) + @($lines | Select-Object -Skip 1 | ForEach-Object {
            if ($_.Length - $_.TrimStart().Length -ge $indent) { $_.Substring($indent).TrimEnd() } else { $_.Trim() } })
    $body -join [Environment]::NewLine
}

function Find-DocMember([string] $Kind, [type] $Type, [string] $Member) {
    # The compiler's id of a type (T:Namespace.Type) or of one of its properties (P:Namespace.Type.Property).
    $Documentation.SelectSingleNode("/doc/members/member[@name='${Kind}:$($Type.FullName.Replace('+', '.'))$(if ($Member) { ".$Member" })']")
}

function Get-Summary([string] $Kind, [type] $Type, [string] $Member) {
    $summary = (Find-DocMember $Kind $Type $Member)?.SelectSingleNode('summary')
    if ($summary) { Get-DocText $summary }
}

function Write-Element([string] $Tag, [System.Collections.IDictionary] $Attributes = @{}, [scriptblock] $Content, [string] $Text) {
    # $Tag is prefix:name, e.g. command:parameter. Children come from $Content, or the element holds $Text. ($Content
    # sees its caller's variables, so this function's own names are ones no caller uses.)
    $tagPrefix, $tagName = $Tag.Split(':')
    $Writer.WriteStartElement($tagPrefix, $tagName, $Ns[$tagPrefix])
    foreach ($key in $Attributes.Keys) { $Writer.WriteAttributeString($key, $(if ($Attributes[$key] -is [bool]) { "$($Attributes[$key])".ToLowerInvariant() } else { $Attributes[$key] })) }
    if ($Content) { & $Content } else { $Writer.WriteString($Text) }
    $Writer.WriteEndElement()
}

function Write-Paragraphs([string] $Name, [string[]] $Paragraphs) {
    Write-Element $Name -Content { foreach ($paragraph in $Paragraphs) { Write-Element maml:para -Text $paragraph } }
}

function Write-Type([string] $Name, [string[]] $Description) {
    Write-Element dev:type -Content { Write-Element maml:name -Text $Name }
    Write-Paragraphs maml:description $Description
}

function Get-ParameterHelp($Command, [object[]] $Sets, [string] $Name, $Instance) {
    # One parameter as help describes it, from every parameter set it belongs to.
    $inSets = @($Sets | ForEach-Object { $_.Parameters | Where-Object Name -EQ $Name })
    $first = $inSets[0]
    $property = $Command.ImplementingType.GetProperty($Name)
    $description = if ($ShouldProcessText[$Name]) { $ShouldProcessText[$Name] } elseif ($property) { Get-Summary P $property.DeclaringType $Name }
    if (-not $description) { $Gaps.Add("$($Command.Name) -$($Name): no <summary> on the property") }

    $pipeline = @(if ($inSets | Where-Object ValueFromPipeline) { 'ByValue' }
        if ($inSets | Where-Object ValueFromPipelineByPropertyName) { 'ByPropertyName' })
    $positions = @($inSets | Where-Object { $_.Position -ge 0 } | ForEach-Object Position)
    # Nullable<T> is how an optional value type is declared; users pass a T.
    $type = if ([Nullable]::GetUnderlyingType($first.ParameterType)) { [Nullable]::GetUnderlyingType($first.ParameterType) } else { $first.ParameterType }
    $isSwitch = $type -eq [System.Management.Automation.SwitchParameter]
    # Defaults are read from a fresh instance of the cmdlet class: what the property holds before binding.
    $default = if ($isSwitch) { $false } elseif ($property -and $Instance) { $property.GetValue($Instance) }
    [pscustomobject]@{
        Name        = $Name
        Description = $description
        Type        = $type
        IsSwitch    = $isSwitch
        Required    = -not ($inSets | Where-Object { -not $_.IsMandatory })
        Mandatory   = [bool]($inSets | Where-Object IsMandatory)
        Position    = if ($positions.Count) { [string]$positions[0] } else { 'named' }
        Pipeline    = if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }
        Globbing    = [bool]($first.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
        Aliases     = if ($first.Aliases.Count) { $first.Aliases -join ', ' } else { 'none' }
        Default     = if ($null -eq $default -or ($default -is [array] -and $default.Length -eq 0) -or "$default" -eq '') { 'None' } else { "$default" }
    }
}

function Write-Parameter($Help, [switch] $InSyntax, [bool] $Required = $Help.Required, [string] $Position = $Help.Position) {
    $attributes = [ordered]@{ required = $Required; variableLength = $Help.Type.IsArray; globbing = $Help.Globbing; pipelineInput = $Help.Pipeline; position = $Position; aliases = $Help.Aliases }
    Write-Element command:parameter $attributes -Content {
        Write-Element maml:name -Text $Help.Name
        if (-not $InSyntax) { Write-Paragraphs maml:description @($Help.Description) }
        if ($InSyntax -and $Help.Type.IsEnum) {
            # Get-Help shows an enum's values in the syntax: [-MatchMode {Exact | Normalized}].
            Write-Element command:parameterValueGroup -Content {
                foreach ($value in [enum]::GetNames($Help.Type)) { Write-Element command:parameterValue ([ordered]@{ required = $false; variableLength = $false }) -Text $value }
            }
        }
        elseif (-not ($InSyntax -and $Help.IsSwitch)) {
            Write-Element command:parameterValue ([ordered]@{ required = -not $Help.IsSwitch; variableLength = $Help.Type.IsArray }) -Text $Help.Type.Name
        }
        if (-not $InSyntax) {
            Write-Element dev:type -Content { Write-Element maml:name -Text $Help.Type.FullName }
            Write-Element dev:defaultValue -Text $Help.Default
        }
    }
}

function Get-OutputText($Command, $Output, [System.Xml.XmlElement[]] $Said) {
    # The cmdlet's own <para type="output" name="..."> first (framework types have no docs of ours), else the type's summary.
    if ($Output.Type -eq [void]) { return "$($Command.Name) writes nothing to the pipeline." }
    $own = @($Said | Where-Object { $_ -and $_.GetAttribute('name') -eq $Output.Name })
    if ($own) { Get-DocText $own[0] } elseif ($Output.Type) { Get-Summary T $Output.Type }
}

function Write-Command($Command) {
    $type = Find-DocMember T $Command.ImplementingType
    $summary = if ($type) { $type.SelectSingleNode('summary') }
    $paragraphs = { param($kind) @(if ($summary) { $summary.SelectNodes("para[@type='$kind']") | ForEach-Object { $_ } }) }
    $synopsis = @(& $paragraphs 'synopsis' | ForEach-Object { Get-DocText $_ }) -join ' '
    $description = @(& $paragraphs 'description' | ForEach-Object { Get-DocText $_ })
    $examples = @(if ($type) { $type.SelectNodes('example') | ForEach-Object { $_ } })
    if (-not $synopsis) { $Gaps.Add("$($Command.Name): no <para type=`"synopsis`">") }
    if (-not $description) { $Gaps.Add("$($Command.Name): no <para type=`"description`">") }
    if (-not $examples) { $Gaps.Add("$($Command.Name): no <example>") }

    # The default parameter set first, as Get-Command shows it; the rest in declaration order.
    $sets = @($Command.ParameterSets | Sort-Object { -not $_.IsDefault } -Stable)
    $names = @($sets | ForEach-Object { $_.Parameters } | ForEach-Object Name | Where-Object { $_ -notin $CommonParameters } | Select-Object -Unique)
    $instance = try { [Activator]::CreateInstance($Command.ImplementingType) } catch { $null }
    $parameters = @{}
    foreach ($name in $names) { $parameters[$name] = Get-ParameterHelp $Command $sets $name $instance }
    if ($instance -is [IDisposable]) { $instance.Dispose() }
    # Positional parameters first, by position, then mandatory ones, then the rest as declared (Get-Command's order).
    $names = @($names | Sort-Object -Stable { $parameters[$_].Position -replace '^named$', [int]::MaxValue -as [int] }, { -not $parameters[$_].Mandatory })
    $inputs = @($names | ForEach-Object { $parameters[$_] } | Where-Object Pipeline -NE 'False')
    $outputs = @($Command.OutputType | ForEach-Object { [pscustomobject]@{ Name = if ($_.Type -eq [void]) { 'None' } else { $_.Name }; Text = Get-OutputText $Command $_ (& $paragraphs 'output') } })
    $outputs | Where-Object { -not $_.Text } | ForEach-Object { $Gaps.Add("$($Command.Name) output $($_.Name): no <para type=`"output`" name=`"$($_.Name)`"> and no <summary> on the type") }

    Write-Element command:command -Content {
        Write-Element command:details -Content {
            Write-Element command:name -Text $Command.Name
            Write-Element command:verb -Text $Command.Verb
            Write-Element command:noun -Text $Command.Noun
            Write-Paragraphs maml:description @($synopsis)
        }
        Write-Paragraphs maml:description $description
        Write-Element command:syntax -Content {
            foreach ($set in $sets) {
                Write-Element command:syntaxItem -Content {
                    Write-Element maml:name -Text $Command.Name
                    $inSet = @($set.Parameters | Where-Object { $_.Name -notin $CommonParameters } | Sort-Object -Stable { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } }, { -not $_.IsMandatory })
                    foreach ($parameter in $inSet) {
                        Write-Parameter $parameters[$parameter.Name] -InSyntax -Required $parameter.IsMandatory -Position $(if ($parameter.Position -ge 0) { $parameter.Position } else { 'named' })
                    }
                }
            }
        }
        Write-Element command:parameters -Content { foreach ($name in $names) { Write-Parameter $parameters[$name] } }
        Write-Element command:inputTypes -Content {
            foreach ($piped in $inputs) {
                # An array parameter takes its elements from the pipeline one by one.
                $values = "$(if ($piped.Type.IsArray) { $piped.Type.GetElementType().Name } else { $piped.Type.Name }) values"
                $what = switch -Wildcard ($piped.Pipeline) { '*ByValue, ByPropertyName*' { "$values, or objects with a $($piped.Name) property," } '*ByValue*' { $values } default { "objects with a $($piped.Name) property" } }
                Write-Element command:inputType -Content { Write-Type $piped.Type.FullName @("You can pipe $what to -$($piped.Name).") }
            }
            if (-not $inputs) { Write-Element command:inputType -Content { Write-Type 'None' @("$($Command.Name) takes no pipeline input.") } }
        }
        Write-Element command:returnValues -Content {
            foreach ($output in $outputs) { Write-Element command:returnValue -Content { Write-Type $output.Name @($output.Text) } }
        }
        Write-Element command:examples -Content {
            $number = 0
            foreach ($example in $examples) {
                $number++
                $code = $example.SelectSingleNode('code')
                $remarks = @($example.SelectNodes('para') | ForEach-Object { Get-DocText $_ })
                if (-not $code -or -not $remarks) { $Gaps.Add("$($Command.Name) example $($number): needs <code> and a <para> saying what it does") }
                Write-Element command:example -Content {
                    Write-Element maml:title -Text "--------- Example $number ---------"
                    Write-Element dev:code -Text $(if ($code) { Get-CodeText $code })
                    # The empty paragraph puts a blank line between one example's remarks and the next example's title.
                    Write-Paragraphs dev:remarks ($remarks + '')
                }
            }
        }
        Write-Element command:relatedLinks -Content {
            foreach ($link in & $paragraphs 'link') {
                Write-Element maml:navigationLink -Content {
                    Write-Element maml:linkText -Text (Get-DocText $link)
                    Write-Element maml:uri -Text $link.GetAttribute('uri')
                }
            }
        }
    }
}

$module = Import-Module -Name (Resolve-Path -LiteralPath $ModulePath).ProviderPath -PassThru -Force
$commands = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
if (-not $commands) { throw "The module '$ModulePath' exports no cmdlets." }
# Whitespace is kept: it tells how far the compiler indented the lines of example code.
$Documentation = [xml]::new()
$Documentation.PreserveWhitespace = $true
$Documentation.Load((Resolve-Path -LiteralPath $DocumentationPath).ProviderPath)

$OutputPath = [System.IO.Path]::GetFullPath($OutputPath, (Get-Location).ProviderPath)
$null = New-Item -ItemType Directory -Path (Split-Path $OutputPath) -Force
$Gaps = [System.Collections.Generic.List[string]]::new()
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$Writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
try {
    $Writer.WriteStartElement('helpItems', 'http://msh')
    $Writer.WriteAttributeString('schema', 'maml')
    foreach ($prefix in $Ns.Keys) { $Writer.WriteAttributeString('xmlns', $prefix, $null, $Ns[$prefix]) }
    foreach ($command in $commands) { Write-Command $command }
    $Writer.WriteEndElement()
}
finally {
    $Writer.Dispose()
}

if ($Gaps.Count) {
    Remove-Item -LiteralPath $OutputPath
    throw "Help text is missing in the cmdlets' XML doc comments:`n  " + ($Gaps -join "`n  ")
}

$written = @(([xml](Get-Content -LiteralPath $OutputPath -Raw)).DocumentElement.ChildNodes | Where-Object LocalName -EQ 'command').Count
if ($written -ne $commands.Count) { throw "$OutputPath holds $written commands, expected $($commands.Count)." }

# Get-Help looks for <culture>/<HelpFile> beside the assembly that implements the cmdlets: ask it when the file is there.
if ((Split-Path $OutputPath) -eq (Join-Path (Split-Path $commands[0].ImplementingType.Assembly.Location) 'en-US')) {
    # Without the file, Get-Help makes up help from the syntax (ExtendedCmdletHelpInfo) instead.
    $unread = @($commands | Where-Object { 'MamlCommandHelpInfo' -notin (Get-Help -Name $_.Name).PSTypeNames })
    if ($unread) { throw "Get-Help does not read $OutputPath for $($unread.Name -join ', ')." }
}
Get-Item -LiteralPath $OutputPath
