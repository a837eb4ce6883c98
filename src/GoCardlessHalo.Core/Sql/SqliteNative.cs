// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Threading;
#if NETFRAMEWORK
using System;
using System.IO;
using System.Runtime.InteropServices;
using GoCardlessHalo.Core.Errors;
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
        // provider's DllImport("e_sqlite3") finds the module already in the process. The same holds for Mono on
        // Linux, where CI runs this flavour: dlopen of the full path first, and Mono's own lookup of
        // "libe_sqlite3.so" then gets the loaded library (its SONAME), as glibc's dlopen(3) returns a loaded one.
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
            var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            var relative = windows ? Path.Combine("win-" + architecture, "native", "e_sqlite3.dll") : Path.Combine("linux-" + architecture, "native", "libe_sqlite3.so");
            var folder = Path.GetDirectoryName(typeof(SqliteNative).Assembly.Location) ?? string.Empty;
            var path = Path.Combine(folder, "runtimes", relative);
            if (!File.Exists(path))
            {
                throw new GcHaloException(
                    ErrorIds.HaloSqliteNativeLibraryMissing,
                    ErrorKind.InvalidOperation,
                    "The native SQLite library for this process (" + architecture + ") is missing: " + path
                    + ". Reinstall the module; it ships runtimes/win-x64, win-x86, win-arm64 and linux-x64.",
                    path);
            }

            var loaded = windows ? LoadLibrary(path) != IntPtr.Zero : DlOpen(path, RtldNow | RtldGlobal) != IntPtr.Zero;
            if (!loaded)
            {
                var error = windows ? "error " + Marshal.GetLastWin32Error() : Marshal.PtrToStringAnsi(DlError()) ?? "dlopen failed";
                throw new GcHaloException(
                    ErrorIds.HaloSqliteNativeLibraryMissing,
                    ErrorKind.InvalidOperation,
                    "The native SQLite library " + path + " could not be loaded (" + error
                    + "). Check that the file is not blocked (Unblock-File) and matches the process architecture.",
                    path);
            }
        }

        private const int RtldNow = 2;
        private const int RtldGlobal = 0x100;

        [DllImport("kernel32", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern IntPtr LoadLibrary(string path);

        [DllImport("libdl.so.2", EntryPoint = "dlopen")]
        private static extern IntPtr DlOpen(string path, int flags);

        [DllImport("libdl.so.2", EntryPoint = "dlerror")]
        private static extern IntPtr DlError();
#endif
    }
}
