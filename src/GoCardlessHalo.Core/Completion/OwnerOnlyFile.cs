// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.IO;
using System.Text;

namespace GoCardlessHalo.Core.Completion
{
    /// <summary>
    /// Writes a new file readable and writable by its owner only. On Linux and macOS the file is created with mode
    /// 0600 (FileStreamOptions.UnixCreateMode); on Windows it inherits the settings folder's ACL, which is the
    /// user's own profile (%APPDATA%) or, for SYSTEM, %ProgramData%\GoCardlessHalo.
    /// </summary>
    internal static class OwnerOnlyFile
    {
        private static readonly Encoding Utf8NoBom = new UTF8Encoding(false);

        public static void WriteAllText(string path, string text)
        {
            var bytes = Utf8NoBom.GetBytes(text);
            File.Delete(path); // a leftover is replaced, never reused with its old permissions
#if NET
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!System.OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(path, options);
#else
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
#endif
            stream.Write(bytes, 0, bytes.Length);
        }
    }
}
