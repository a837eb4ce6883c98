// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Config
{
    /// <summary>
    /// The settings file cannot be used. The message names the file, line and column, says what is wrong and
    /// how to fix it; the file itself is left exactly as it was.
    /// </summary>
    public sealed class ConfigFileException : GcHaloException
    {
        public ConfigFileException(string path, long line, long column, string problem, Exception? innerException = null)
            : base(ErrorIds.ConfigFileInvalid, ErrorKind.InvalidData, Compose(path, line, column, problem), path, innerException)
        {
            Path = path;
            Line = line;
            Column = column;
            Problem = problem;
        }

        public string Path { get; }

        /// <summary>1-based line of the problem (0 when the whole file is at fault).</summary>
        public long Line { get; }

        /// <summary>1-based column of the problem (0 when unknown).</summary>
        public long Column { get; }

        /// <summary>What is wrong, without the location.</summary>
        public string Problem { get; }

        private static string Compose(string path, long line, long column, string problem)
        {
            var where = line > 0 ? $"line {line}, column {column}: " : string.Empty;
            return $"The settings file '{path}' is not valid: {where}{problem} " +
                   "Correct the file in a text editor (the previous version, if any, is kept beside it as .bak), " +
                   "or move it away and run Enable-GcModule again. The file has not been changed.";
        }
    }
}
