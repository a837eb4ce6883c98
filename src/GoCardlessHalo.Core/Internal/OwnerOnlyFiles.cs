// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.IO;
#if NETFRAMEWORK
using System.Runtime.InteropServices;
using System.Security.AccessControl;
using System.Security.Principal;
#endif

namespace GoCardlessHalo.Core.Internal
{
    /// <summary>
    /// The one rule for files holding personal data or payments (settings, sync state, audit log, ledger): readable
    /// by their owner only, whatever the umask or the folder's inherited ACL. Unix: mode 0600. Windows: the
    /// folder's inherited entries are dropped and the current account gets full control (on .NET Framework; on
    /// PowerShell 7 for Windows the file keeps the per-user folder's ACL, %APPDATA% or %ProgramData%\GoCardlessHalo
    /// as created by Enable-GcModule).
    /// </summary>
    internal static class OwnerOnlyFiles
    {
        /// <summary>Makes <paramref name="path"/> (which must exist) readable and writable by its owner only.</summary>
        public static void Restrict(string path)
        {
#if NET
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
#else
            if (!IsWindows)
            {
                // .NET Framework off Windows is Mono (where CI runs this flavour), which has no Windows ACLs: the
                // Unix rule instead, through libc's chmod(2).
                if (Chmod(path, Convert.ToUInt32("600", 8)) != 0)
                {
                    throw new IOException("Could not make '" + path + "' owner-only (chmod failed with errno " + Marshal.GetLastWin32Error() + ").");
                }

                return;
            }

            var security = new FileSecurity();
            security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
            security.AddAccessRule(new FileSystemAccessRule(WindowsIdentity.GetCurrent().User!, FileSystemRights.FullControl, AccessControlType.Allow));
            File.SetAccessControl(path, security);
#endif
        }

        /// <summary>Creates <paramref name="path"/> empty and owner-only when it does not exist yet.</summary>
        public static void CreateIfMissing(string path)
        {
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
                {
                }

                Restrict(path);
            }
        }

#if NETFRAMEWORK
        private static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        [DllImport("libc", EntryPoint = "chmod", SetLastError = true)]
        private static extern int Chmod(string path, uint mode);

#endif
        /// <summary>A folder every account may create files in (Unix: 1777, like /tmp); best effort.</summary>
        public static void ShareDirectory(string path)
        {
#if NET
            if (!OperatingSystem.IsWindows())
            {
                try
                {
                    File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("1777", 8));
                }
                catch (UnauthorizedAccessException)
                {
                    // Another account created it (and made it shared); only its owner may change its mode.
                }
            }
#endif
        }
    }
}
