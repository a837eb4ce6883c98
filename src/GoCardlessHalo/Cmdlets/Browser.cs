// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;

namespace GoCardlessHalo.Cmdlets
{
    /// <summary>
    /// Opens a URL in the user's browser: $env:BROWSER when set (the Unix convention), else the shell's default
    /// handler on Windows, open on macOS, xdg-open on Linux when a desktop is present. Returns false when this machine
    /// has no way to show a page (a server, an RMM agent's session), so the caller can hand the URL back instead.
    /// </summary>
    internal static class Browser
    {
        public static bool TryOpen(Uri url, out string how)
        {
            var browser = Environment.GetEnvironmentVariable("BROWSER");
            if (!string.IsNullOrWhiteSpace(browser))
            {
                how = browser!;
                return Start(new ProcessStartInfo(browser!, Quote(url.AbsoluteUri)) { UseShellExecute = false });
            }

            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                how = "the default browser";
                return Start(new ProcessStartInfo(url.AbsoluteUri) { UseShellExecute = true });
            }

            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            {
                how = "open";
                return Start(new ProcessStartInfo("open", Quote(url.AbsoluteUri)) { UseShellExecute = false });
            }

            how = "xdg-open";
            var hasDesktop = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"));
            return hasDesktop && OnPath("xdg-open") && Start(new ProcessStartInfo("xdg-open", Quote(url.AbsoluteUri)) { UseShellExecute = false });
        }

        private static bool Start(ProcessStartInfo startInfo)
        {
            try
            {
                using var process = Process.Start(startInfo);
                return process is not null || startInfo.UseShellExecute;
            }
            catch (Win32Exception)
            {
                return false;
            }
            catch (FileNotFoundException)
            {
                return false;
            }
        }

        private static bool OnPath(string program)
        {
            foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                if (folder.Length > 0 && File.Exists(Path.Combine(folder, program)))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Quote(string value) => "\"" + value.Replace("\"", "%22") + "\"";
    }
}
