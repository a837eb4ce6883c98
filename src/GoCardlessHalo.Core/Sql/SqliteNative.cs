// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Threading;
#if NETFRAMEWORK
using System;
using System.IO;
using System.Runtime.InteropServices;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo.Sql;
#endif

namespace GoCardlessHalo.Core.Sql
{
    /// <summary>Makes the native SQLite library available to Microsoft.Data.Sqlite, once per process.</summary>
    internal static class SqliteNative
    {
        private static readonly object Gate = new object();
        private static bool initialized;

        public static void EnsureInitialized()
        {
            if (Volatile.Read(ref initialized))
            {
                return;
            }

            lock (Gate)
            {
                if (initialized)
                {
                    return;
                }

#if NETFRAMEWORK
                Preload();
#endif
                SQLitePCL.Batteries_V2.Init();
                Volatile.Write(ref initialized, true);
            }
        }

#if NETFRAMEWORK
        // Windows PowerShell does not resolve runtimes/<rid>/native the way .NET does, and the module cannot ship an
        // e_sqlite3.dll beside itself for every architecture. Loading the right one by full path first means the
        // provider's DllImport("e_sqlite3") finds the module already in the process.
        private static void Preload()
        {
            var architecture = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X64 => "x64",
                Architecture.X86 => "x86",
                Architecture.Arm64 => "arm64",
                Architecture.Arm => "arm",
                _ => RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(),
            };
            var folder = Path.GetDirectoryName(typeof(SqliteNative).Assembly.Location) ?? string.Empty;
            var path = Path.Combine(folder, "runtimes", "win-" + architecture, "native", "e_sqlite3.dll");
            if (!File.Exists(path))
            {
                throw new GcHaloException(
                    HaloSqlErrors.SqliteNativeLibraryMissing,
                    ErrorKind.InvalidOperation,
                    "The native SQLite library for this process (" + architecture + ") is missing: " + path
                    + ". Reinstall the module; it ships runtimes/win-x64, win-x86 and win-arm64.",
                    path);
            }

            if (LoadLibrary(path) == IntPtr.Zero)
            {
                var error = Marshal.GetLastWin32Error();
                throw new GcHaloException(
                    HaloSqlErrors.SqliteNativeLibraryMissing,
                    ErrorKind.InvalidOperation,
                    "Windows could not load the native SQLite library " + path + " (error " + error
                    + "). Check that the file is not blocked (Unblock-File) and matches the process architecture.",
                    path);
            }
        }

        [DllImport("kernel32", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern IntPtr LoadLibrary(string path);
#endif
    }
}
