// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Timing;

namespace GoCardlessHalo.Core.Tests.GoCardless;

/// <summary>A clock that stands still and records every requested delay instead of sleeping.</summary>
public sealed class RecordingClock : IClock
{
    public DateTimeOffset UtcNow { get; set; } = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public List<TimeSpan> Delays { get; } = new();

    /// <summary>When set, a delay waits until cancelled (to test cancellation during backoff).</summary>
    public bool BlockUntilCancelled { get; set; }

    /// <summary>Completes when the first delay starts.</summary>
    public TaskCompletionSource<bool> DelayStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        lock (Delays)
        {
            Delays.Add(delay);
        }

        DelayStarted.TrySetResult(true);
        cancellationToken.ThrowIfCancellationRequested();
        if (BlockUntilCancelled)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}

/// <summary>What a test handler saw of one request.</summary>
public sealed record SeenRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body);

/// <summary>Answers requests from a script of responders, in order (the last one repeats), and records them.</summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, HttpResponseMessage>[] _script;

    public StubHandler(params Func<HttpRequestMessage, int, HttpResponseMessage>[] script) => _script = script;

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var index = Requests.Count;
        Requests.Enqueue(await Capture(request));
        return _script[Math.Min(index, _script.Length - 1)](request, index);
    }

    public static async Task<SeenRequest> Capture(HttpRequestMessage request)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync();
        return new SeenRequest(request.Method.Method, request.RequestUri!, headers, body);
    }
}

/// <summary>Forwards to a real socket handler (the emulator), recording requests; optionally loses chosen answers.</summary>
public sealed class RecordingHandler : DelegatingHandler
{
    public RecordingHandler()
        : base(new HttpClientHandler())
    {
    }

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    /// <summary>Request numbers (0-based) whose answer is thrown away after the server handled them, as if the connection dropped.</summary>
    public HashSet<int> LoseAnswerOf { get; } = new();

    /// <summary>Bytes of all answer bodies received.</summary>
    public long BytesReceived;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var index = Requests.Count;
        Requests.Enqueue(await StubHandler.Capture(request));
        var response = await base.SendAsync(request, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        Interlocked.Add(ref BytesReceived, bytes.Length);
        if (LoseAnswerOf.Contains(index))
        {
            response.Dispose();
            throw new HttpRequestException("The connection was reset (simulated lost answer).");
        }

        return response;
    }
}

/// <summary>Collects log lines.</summary>
public sealed class ListLog : IEngineLog
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public void Verbose(string message) => Lines.Enqueue("VERBOSE " + message);

    public void Debug(string message) => Lines.Enqueue("DEBUG " + message);

    public void Warning(string message) => Lines.Enqueue("WARNING " + message);

    public void Progress(string activity, string status, long completed, long? total) => Lines.Enqueue($"PROGRESS {activity} {status}");
}
