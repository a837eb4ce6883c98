# Help: every exported cmdlet has real help (the MAML build.ps1 generates from the cmdlets' XML doc comments), and the
# help describes the cmdlet as PowerShell sees it: no parameter missing or extra, the right types, mandatory flags,
# pipeline input, wildcards, parameter sets and output types. The idea of dbatools' InModule.Help.Tests.ps1.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-TestedModule
    $common = [System.Management.Automation.Cmdlet]::CommonParameters
    $commands = @(Get-Command -Module GoCardlessHalo -CommandType Cmdlet | Sort-Object Name | ForEach-Object {
            @{ Name = $_.Name; Parameters = @($_.ParameterSets.Parameters.Name | Where-Object { $_ -notin $common } | Sort-Object -Unique) }
        })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-TestedModule
    $common = [System.Management.Automation.Cmdlet]::CommonParameters
    $moduleBase = Split-Path $env:GCH_TEST_MODULE

    function Get-HelpText($Paragraphs) { (@($Paragraphs | ForEach-Object Text) -join ' ').Trim() }
    function Get-TypeName([type] $Type) {
        # Help names the type a user passes: Nullable<T> is only how an optional value type is declared.
        $underlying = [Nullable]::GetUnderlyingType($Type)
        if ($underlying) { $underlying.FullName } else { $Type.FullName }
    }
}

Describe 'The help file' {
    It 'ships beside both flavours of the cmdlet assembly, the same file for both' {
        $files = 'net8.0', 'net472' | ForEach-Object { Join-Path $moduleBase "bin/$_/en-US/GoCardlessHalo.dll-Help.xml" }
        $files | ForEach-Object { $_ | Should -Exist }
        (Get-FileHash $files[0]).Hash | Should -Be (Get-FileHash $files[1]).Hash
    }

    It 'is MAML with one command per exported cmdlet' {
        $maml = [xml](Get-Content -LiteralPath (Join-Path $moduleBase 'bin/net8.0/en-US/GoCardlessHalo.dll-Help.xml') -Raw)
        $maml.DocumentElement.LocalName | Should -Be 'helpItems'
        $maml.DocumentElement.NamespaceURI | Should -Be 'http://msh'
        $names = @($maml.DocumentElement.ChildNodes | Where-Object LocalName -EQ 'command' | ForEach-Object { $_.details.name })
        $names | Should -Be @(Get-Command -Module GoCardlessHalo -CommandType Cmdlet | Sort-Object Name | ForEach-Object Name)
    }

    It 'answers Get-Help -Parameter' {
        $parameter = Get-Help Enable-GcModule -Parameter DefaultSite
        Get-HelpText $parameter.description | Should -Match 'Default Site'
        $parameter.type.name | Should -Be 'System.String'
    }
}

Describe 'Help of <Name>' -ForEach $commands {
    BeforeAll {
        $command = Get-Command -Name $Name -Module GoCardlessHalo -CommandType Cmdlet
        $help = Get-Help -Name $Name -Full
        $helpParameters = @($help.parameters.parameter)
    }

    It 'is read from the MAML file, not generated from the syntax' {
        $help.PSTypeNames | Should -Contain 'MamlCommandHelpInfo'
        $help.Synopsis | Should -Not -BeLike '*`[`<CommonParameters`>`]*'
    }

    It 'has a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        Get-HelpText $help.description | Should -Not -BeNullOrEmpty
    }

    It 'has examples, each with code and remarks' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -BeLike "PS> *$Name*" -Because "$($example.title) shows $Name at a prompt"
            Get-HelpText $example.remarks | Should -Not -BeNullOrEmpty -Because "$($example.title) says what it does"
        }
    }

    It 'lists exactly the parameters the cmdlet has' {
        @($helpParameters.name | Sort-Object) | Should -Be $Parameters
    }

    It 'describes -<_> as the cmdlet declares it' -ForEach $Parameters {
        $inSets = @($command.ParameterSets.Parameters | Where-Object Name -EQ $_)
        $documented = $helpParameters | Where-Object name -EQ $_
        Get-HelpText $documented.description | Should -Not -BeNullOrEmpty
        $documented.type.name | Should -Be (Get-TypeName $inSets[0].ParameterType)
        $documented.required | Should -Be ([string](-not ($inSets | Where-Object { -not $_.IsMandatory }))).ToLowerInvariant()
        $documented.pipelineInput -like '*ByValue*' | Should -Be ([bool]($inSets | Where-Object ValueFromPipeline))
        $documented.pipelineInput -like '*ByPropertyName*' | Should -Be ([bool]($inSets | Where-Object ValueFromPipelineByPropertyName))
        $documented.globbing | Should -Be ([string][bool]($inSets[0].Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })).ToLowerInvariant()
    }

    It 'shows one syntax per parameter set, with that set''s parameters' {
        $expected = @($command.ParameterSets | ForEach-Object { (@($_.Parameters.Name | Where-Object { $_ -notin $common } | Sort-Object) -join ' ') } | Sort-Object)
        $shown = @($help.syntax.syntaxItem | ForEach-Object { (@($_.parameter.name | Sort-Object) -join ' ') } | Sort-Object)
        $shown | Should -Be $expected
    }

    It 'names every type it takes from the pipeline as an input' {
        $inputs = @($help.inputTypes.inputType.type.name)
        $piped = @($command.ParameterSets.Parameters | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName })
        if ($piped) { $piped | ForEach-Object { $inputs | Should -Contain (Get-TypeName $_.ParameterType) } }
        else { $inputs | Should -Be 'None' }
    }

    It 'names every [OutputType] as an output, with a description' {
        $outputs = @($help.returnValues.returnValue)
        foreach ($type in $command.OutputType) {
            $typeName = if ($type.Type -eq [void]) { 'None' } else { $type.Name }
            $output = $outputs | Where-Object { $_.type.name -eq $typeName }
            $output | Should -Not -BeNullOrEmpty -Because "$Name declares [OutputType($($type.Name))]"
            Get-HelpText $output.description | Should -Not -BeNullOrEmpty
        }
        $outputs.Count | Should -Be @($command.OutputType).Count
    }
}

Describe 'The about_ topics' -ForEach @(
    @{ Topic = 'about_GoCardlessHalo'; Headings = @('MATCHING RULES', 'FILES AND WHERE THEY LIVE', 'SECRETS', 'SCHEDULING', 'THE LEDGER') }
    @{ Topic = 'about_GoCardlessHalo_Troubleshooting'; Headings = @('START WITH TEST-GCMODULE', 'ERRORS', 'REPORTING A PROBLEM') }
) {
    BeforeAll {
        $file = Join-Path $moduleBase "en-US/$Topic.help.txt"
    }

    It 'ships as en-US/<Topic>.help.txt beside the manifest, where both editions look' {
        $file | Should -Exist
    }

    It 'is what Get-Help <Topic> shows, with every concept' {
        $help = "$(Get-Help -Name $Topic)"
        $help | Should -Match "\b$Topic\b"
        foreach ($heading in $Headings) { $help | Should -Match ([regex]::Escape($heading)) }
    }

    It 'lists every exported cmdlet with its synopsis (about_GoCardlessHalo) and names only commands that exist' {
        $text = Get-Content -LiteralPath $file -Raw
        $exported = @(Get-Command -Module GoCardlessHalo -CommandType Cmdlet | ForEach-Object Name)
        foreach ($name in [regex]::Matches($text, '(?<![/\\])\b[A-Z][a-z]+-Gc[A-Za-z]+\b(?!\.ps1)') | ForEach-Object Value) { $name | Should -BeIn $exported }
        if ($Topic -eq 'about_GoCardlessHalo') {
            foreach ($name in $exported) { $text | Should -Match "(?m)^    $name\s+\S" }
        }
    }

    It 'keeps within 80 columns' {
        @(Get-Content -LiteralPath $file | Where-Object Length -GT 80) | Should -BeNullOrEmpty
    }
}
