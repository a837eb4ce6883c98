# The module's dependencies load in isolation: from its own folder, whatever else the session has loaded.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-TestedModule
    $moduleRoot = Split-Path $env:GCH_TEST_MODULE
}

Describe 'Dependency isolation (PowerShell 7)' {
    It 'loads the engine into the private load context, not the default one' {
        $null = Get-GcModule -ConfigPath (New-TestConfigPath)
        $context = Get-ModuleLoadContext
        $context | Should -Not -BeNullOrEmpty
        $engine = $context.Assemblies | Where-Object { $_.GetName().Name -eq 'GoCardlessHalo.Core' }
        $engine.Location | Should -BeLike (Join-Path $moduleRoot 'bin/net8.0/dependencies/*')
        [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies.GetName().Name | Should -Not -Contain 'GoCardlessHalo.Core'
    }

    It 'opens an in-memory SQLite database with the native library from the module folder' {
        $sqlite = (Get-ModuleLoadContext).LoadFromAssemblyName([System.Reflection.AssemblyName]::new('Microsoft.Data.Sqlite'))
        $connection = [Activator]::CreateInstance($sqlite.GetType('Microsoft.Data.Sqlite.SqliteConnection'), @('Data Source=:memory:'))
        try {
            $connection.Open()
            $command = $connection.CreateCommand()
            $command.CommandText = 'select sqlite_version()'
            $command.ExecuteScalar() | Should -Match '^3\.\d+\.\d+$'
        }
        finally {
            $connection.Dispose()
        }
        $native = (Get-Process -Id $PID).Modules | Where-Object ModuleName -Like '*e_sqlite3*'
        $native.FileName | Should -BeLike (Join-Path $moduleRoot 'bin/net8.0/dependencies/runtimes/*')
    }

    It 'connects with the real SqlClient: a closed loopback port is a SqlException, not PlatformNotSupportedException' {
        $sqlClient = (Get-ModuleLoadContext).LoadFromAssemblyName([System.Reflection.AssemblyName]::new('Microsoft.Data.SqlClient'))
        $connection = [Activator]::CreateInstance($sqlClient.GetType('Microsoft.Data.SqlClient.SqlConnection'),
            @('Server=tcp:127.0.0.1,1;Database=Halo;User ID=x;Password=y;Connect Timeout=3;Encrypt=False'))
        try {
            $err = { $connection.Open() } | Should -Throw -PassThru
        }
        finally {
            $connection.Dispose()
        }
        $err.Exception.InnerException.GetType().FullName | Should -Be 'Microsoft.Data.SqlClient.SqlException'
        $err.Exception.InnerException.Message | Should -Match 'network|server'
    }

    It 'keeps working when another YamlDotNet version was loaded into the session first' {
        $oldYaml = Join-Path $env:GCH_TEST_TOOLS 'yamldotnet/11.2.1/lib/netstandard2.1/YamlDotNet.dll'
        $result = Invoke-FreshPwsh -Script @"
`$ErrorActionPreference = 'Stop'
Add-Type -LiteralPath '$oldYaml'
Import-Module `$args[0]
`$config = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
`$env:GCH_TOKEN = 'emulator-token'
Enable-GcModule -ConfigPath `$config -AccessTokenReference env:GCH_TOKEN -SkipConnectionCheck -WarningAction SilentlyContinue
Set-GcFieldMapping -ConfigPath `$config account_ref CFAccountRef
'mapped=' + (Get-GcFieldMapping -ConfigPath `$config).HaloField
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'YamlDotNet' } |
    ForEach-Object { 'yaml=' + `$_.GetName().Version + '@' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name }
Remove-Item `$config -Recurse -Force
"@
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $result.Output | Should -Contain 'mapped=CFAccountRef'
        $result.Output | Should -Contain 'yaml=11.0.0.0@Default'
        ($result.Output | Where-Object { $_ -like 'yaml=16.*@GoCardlessHalo' }) | Should -HaveCount 1
    }
}
