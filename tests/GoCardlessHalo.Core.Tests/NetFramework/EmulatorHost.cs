// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Emulator.Admin;

namespace GoCardlessHalo.Emulator;

/// <summary>
/// net472 stand-in for the emulator's in-process EmulatorHost, with the surface the tests use. The emulator is
/// ASP.NET Core on net10.0 and cannot load into a .NET Framework (or Mono) process, so it runs as a child process
/// (<c>dotnet GoCardlessHalo.Emulator.dll --urls http://127.0.0.1:port</c>), as the Pester tests run it.
/// Starting a process per test would cost seconds each, so processes are pooled by their arguments: a test takes an
/// idle one, which is reset (POST /__admin/reset: data, request counts, faults) before use, and gives it back on
/// dispose. Tests in parallel classes never share one at the same time.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, ConcurrentBag<EmulatorProcess>> Idle = new(StringComparer.Ordinal);
    private readonly EmulatorProcess _process;
    private readonly string _key;
    private int _disposed;

    private EmulatorHost(EmulatorProcess process, string key)
    {
        _process = process;
        _key = key;
    }

    /// <summary>e.g. http://127.0.0.1:41234/ (ends with a slash).</summary>
    public Uri BaseUri => _process.BaseUri;

    public Uri GoCardlessUri => new(BaseUri, "gocardless");

    public Uri HaloUri => new(BaseUri, "halo");

    /// <summary>Only the request log is reachable from outside the process (GET/DELETE /__admin/requests).</summary>
    public T GetService<T>() where T : notnull =>
        typeof(T) == typeof(RequestLog)
            ? (T)(object)new RequestLog(_process.Admin)
            : throw new NotSupportedException(typeof(T).Name + " lives inside the emulator process; on net472 only RequestLog is reachable.");

    public static async Task<EmulatorHost> StartAsync(params string[] args)
    {
        var key = string.Join("\u0001", args);
        var bag = Idle.GetOrAdd(key, _ => new ConcurrentBag<EmulatorProcess>());
        if (!bag.TryTake(out var process) || process.HasExited)
        {
            process = await EmulatorProcess.StartAsync(args).ConfigureAwait(false);
        }

        (await process.Admin.PostAsync("__admin/reset", null).ConfigureAwait(false)).EnsureSuccessStatusCode();
        return new EmulatorHost(process, key);
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Idle[_key].Add(_process);
        }

        return default;
    }

    /// <summary>One emulator child process; killed when the test process exits.</summary>
    private sealed class EmulatorProcess
    {
        private readonly Process _process;

        private EmulatorProcess(Process process, Uri baseUri)
        {
            _process = process;
            BaseUri = baseUri;
            Admin = new HttpClient { BaseAddress = baseUri };
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
            AppDomain.CurrentDomain.DomainUnload += (_, _) => Kill(); // when a runner unloads the test domain instead
        }

        public Uri BaseUri { get; }

        public HttpClient Admin { get; }

        public bool HasExited => _process.HasExited;

        public static async Task<EmulatorProcess> StartAsync(string[] args)
        {
            var dll = EmulatorDll();
            var url = "http://127.0.0.1:" + FreePort();
            var start = new ProcessStartInfo("dotnet", string.Join(" ", new[] { Quote(dll), "--urls", url }.Concat(args.Select(Quote))))
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            // Drain the output so the child never blocks on a full pipe.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var emulator = new EmulatorProcess(process, new Uri(url + "/"));
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException("The emulator exited with code " + process.ExitCode + " before answering on " + url + ".");
                }

                try
                {
                    using var health = await emulator.Admin.GetAsync("__admin/health").ConfigureAwait(false);
                    if (health.IsSuccessStatusCode)
                    {
                        return emulator;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(100).ConfigureAwait(false);
            }

            emulator.Kill();
            throw new TimeoutException("The emulator did not answer on " + url + " within 60 seconds.");
        }

        private void Kill()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill();
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }

        /// <summary>GC_EMULATOR_DLL if set (build.ps1 sets it), else the path the test project compiled in.</summary>
        private static string EmulatorDll()
        {
            var path = Environment.GetEnvironmentVariable("GC_EMULATOR_DLL");
            if (string.IsNullOrEmpty(path))
            {
                path = typeof(EmulatorHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                    .First(a => a.Key == "GcEmulatorDll").Value;
            }

            return File.Exists(path)
                ? path!
                : throw new FileNotFoundException("The emulator is not built; build tests/GoCardlessHalo.Emulator first.", path);
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                return ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            finally
            {
                listener.Stop();
            }
        }

        private static string Quote(string argument) => "\"" + argument.Replace("\"", "\\\"") + "\"";
    }
}
