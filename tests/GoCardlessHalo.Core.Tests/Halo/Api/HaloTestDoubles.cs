// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Timing;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

/// <summary>A clock whose delays return at once, advance its time, and are recorded for assertions.</summary>
public sealed class ManualClock : IClock
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    public DateTimeOffset UtcNow { get; private set; } = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<TimeSpan> Delays => _delays.ToList();

    /// <summary>Runs after each delay has advanced the time (e.g. to move the emulator's clock too).</summary>
    public Func<TimeSpan, Task>? OnDelay { get; set; }

    public void Advance(TimeSpan by) => UtcNow += by;

    public async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _delays.Enqueue(delay);
        Advance(delay);
        if (OnDelay is not null)
        {
            await OnDelay(delay);
        }
    }
}

/// <summary>Keeps every engine log message.</summary>
public sealed class RecordingLog : IEngineLog
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => _messages.ToList();

    public IEnumerable<string> Warnings => Messages.Where(m => m.StartsWith("WARNING: ", StringComparison.Ordinal));

    public void Verbose(string message) => _messages.Enqueue(message);

    public void Debug(string message) => _messages.Enqueue(message);

    public void Warning(string message) => _messages.Enqueue("WARNING: " + message);

    public void Progress(string activity, string status, long completed, long? total) => _messages.Enqueue(activity + " " + status);
}

/// <summary>Sees every request the target sends (headers, URL), then passes it on to the real handler.</summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<HttpRequestMessage> _requests = new();

    public RecordingHandler()
        : base(new HttpClientHandler())
    {
    }

    public IReadOnlyList<HttpRequestMessage> Requests => _requests.ToList();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        return base.SendAsync(request, cancellationToken);
    }
}
