// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Diagnostics
{
    /// <summary>
    /// Where the engine reports what it is doing. Implementations must be callable from any thread: the
    /// engine's async continuations run on the thread pool, and the PowerShell shell queues these messages
    /// and writes them on the pipeline thread. Messages never contain secrets.
    /// </summary>
    public interface IEngineLog
    {
        /// <summary>What is happening, for the user (-Verbose). Include request ids where there are any.</summary>
        void Verbose(string message);

        /// <summary>Traces for maintainers (-Debug).</summary>
        void Debug(string message);

        /// <summary>An unintended outcome the user should know about.</summary>
        void Warning(string message);

        /// <summary>Progress of long work; <paramref name="total"/> is null when unknown.</summary>
        void Progress(string activity, string status, long completed, long? total);
    }

    /// <summary>Discards everything; the default when no log is supplied.</summary>
    public sealed class NullEngineLog : IEngineLog
    {
        public static readonly NullEngineLog Instance = new NullEngineLog();

        private NullEngineLog()
        {
        }

        public void Verbose(string message)
        {
        }

        public void Debug(string message)
        {
        }

        public void Warning(string message)
        {
        }

        public void Progress(string activity, string status, long completed, long? total)
        {
        }
    }
}
