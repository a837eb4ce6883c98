# Starts and stops the emulator (tests/GoCardlessHalo.Emulator) as a child process on a free loopback port.
# Used by build.ps1 (contract tests, demo, benchmarks) and by the Pester runner.
Set-StrictMode -Version Latest

function Get-FreeTcpPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    try {
        $listener.Start()
        $listener.LocalEndpoint.Port
    }
    finally {
        $listener.Stop()
    }
}

function Start-GcEmulator {
    <#
    .SYNOPSIS
    Starts the built emulator and waits until it answers; returns an object with Url and Process.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $EmulatorDll,
        [string[]] $ArgumentList = @(),
        [int] $TimeoutSeconds = 60
    )
    if (-not (Test-Path -LiteralPath $EmulatorDll)) {
        throw "The emulator is not built: '$EmulatorDll' does not exist. Run ./build.ps1 -Task Build first."
    }
    $port = Get-FreeTcpPort
    $url = "http://127.0.0.1:$port"
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($EmulatorDll, '--urls', $url) + $ArgumentList) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($startInfo)
    # Drain the output so the child never blocks on a full pipe.
    $null = $process.StandardOutput.ReadToEndAsync()
    $null = $process.StandardError.ReadToEndAsync()

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ([DateTime]::UtcNow -lt $deadline) {
        if ($process.HasExited) { throw "The emulator exited with code $($process.ExitCode) before answering on $url." }
        try {
            $null = Invoke-RestMethod -Uri "$url/__admin/health" -TimeoutSec 2
            return [pscustomobject]@{ Url = $url; Process = $process }
        }
        catch {
            Start-Sleep -Milliseconds 200
        }
    }
    Stop-GcEmulator -Emulator ([pscustomobject]@{ Url = $url; Process = $process })
    throw "The emulator did not answer on $url within $TimeoutSeconds seconds."
}

function Stop-GcEmulator {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    if ($Emulator.Process -and -not $Emulator.Process.HasExited) {
        $Emulator.Process.Kill($true)
        $null = $Emulator.Process.WaitForExit(10000)
    }
}

Export-ModuleMember -Function Start-GcEmulator, Stop-GcEmulator, Get-FreeTcpPort
