// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using GoCardlessHalo.Core.Diagnostics;

namespace GoCardlessHalo.Cmdlets
{
    /// <summary>
    /// The engine's log as seen from a cmdlet. The engine may report from thread-pool threads, but PowerShell
    /// only accepts Write* calls on the pipeline thread, so messages are queued here and written by
    /// <see cref="Drain"/>, which the cmdlet calls on its own thread while it waits for engine work.
    /// </summary>
    internal sealed class PipelineLog : IEngineLog
    {
        private readonly ConcurrentQueue<object> _queue = new ConcurrentQueue<object>();
        private readonly Cmdlet _cmdlet;
        private readonly int _activityId;

        public PipelineLog(Cmdlet cmdlet, int activityId)
        {
            _cmdlet = cmdlet;
            _activityId = activityId;
        }

        /// <summary>
        /// The Write-Progress activity id of a cmdlet's engine progress: the same in every process and session, so a
        /// host that tracks bars by id sees one bar per cmdlet. string.GetHashCode is randomised per process on .NET
        /// (https://learn.microsoft.com/dotnet/api/system.string.gethashcode#remarks), hence FNV-1a
        /// (http://www.isthe.com/chongo/tech/comp/fnv/). Ids 1-99 stay free for the cmdlets' own progress records.
        /// </summary>
        public static int ActivityIdFor(string name)
        {
            unchecked
            {
                var hash = 2166136261u;
                foreach (var c in name)
                {
                    hash = (hash ^ c) * 16777619u;
                }

                return 100 + (int)(hash % 9900u);
            }
        }

        /// <summary>Set whenever a message is queued, so a waiting cmdlet wakes up to write it.</summary>
        public AutoResetEvent Signal { get; } = new AutoResetEvent(false);

        public void Verbose(string message) => Enqueue(new Message(MessageKind.Verbose, message));

        public void Debug(string message) => Enqueue(new Message(MessageKind.Debug, message));

        public void Warning(string message) => Enqueue(new Message(MessageKind.Warning, message));

        public void Progress(string activity, string status, long completed, long? total)
        {
            var record = new ProgressRecord(_activityId, activity, status);
            if (total is > 0)
            {
                record.PercentComplete = (int)System.Math.Min(100, completed * 100 / total.Value);
            }

            Enqueue(record);
        }

        /// <summary>Writes everything queued so far. Call on the pipeline thread only.</summary>
        public void Drain()
        {
            while (_queue.TryDequeue(out var item))
            {
                switch (item)
                {
                    case ProgressRecord progress:
                        _cmdlet.WriteProgress(progress);
                        break;
                    case Message { Kind: MessageKind.Verbose } verbose:
                        _cmdlet.WriteVerbose(verbose.Text);
                        break;
                    case Message { Kind: MessageKind.Debug } debug:
                        _cmdlet.WriteDebug(debug.Text);
                        break;
                    case Message warning:
                        _cmdlet.WriteWarning(warning.Text);
                        break;
                }
            }
        }

        private void Enqueue(object item)
        {
            _queue.Enqueue(item);
            Signal.Set();
        }

        private enum MessageKind
        {
            Verbose,
            Debug,
            Warning,
        }

        private sealed class Message
        {
            public Message(MessageKind kind, string text)
            {
                Kind = kind;
                Text = text;
            }

            public MessageKind Kind { get; }

            public string Text { get; }
        }
    }
}
