// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.IO;

namespace GoCardlessHalo.Core.Internal
{
    /// <summary>
    /// Replaces a file so that a reader sees either the old or the new content, never half of one: the new
    /// content goes to a temporary file in the same folder (same volume), is flushed to disk, then replaces
    /// the target in one rename, optionally keeping the previous version as a backup.
    /// </summary>
    internal static class AtomicFile
    {
        public static void Write(string path, Action<Stream> writeContent, string? backupPath = null)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(directory);
            var temp = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    // Before any content: the replaced file takes the temporary file's permissions.
                    OwnerOnlyFiles.Restrict(temp);
                    writeContent(stream);
                    stream.Flush(flushToDisk: true);
                }

                if (File.Exists(path))
                {
                    File.Replace(temp, path, backupPath, ignoreMetadataErrors: true);
                }
                else
                {
                    File.Move(temp, path);
                }
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }
    }
}
