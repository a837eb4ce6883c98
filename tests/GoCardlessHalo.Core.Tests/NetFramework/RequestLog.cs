// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;

namespace GoCardlessHalo.Emulator.Admin;

/// <summary>
/// net472 stand-in for the emulator's RequestLog: the same questions, asked of the child process over
/// GET and DELETE /__admin/requests (tests/GoCardlessHalo.Emulator/Admin/AdminEndpoints.cs).
/// </summary>
public sealed class RequestLog
{
    private readonly HttpClient _admin;

    internal RequestLog(HttpClient admin) => _admin = admin;

    public IReadOnlyDictionary<string, int> Snapshot()
    {
        var json = _admin.GetStringAsync("__admin/requests").GetAwaiter().GetResult();
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("byRoute").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
    }

    /// <summary>Total requests whose route starts with <paramref name="prefix"/>, optionally of one method.</summary>
    public int Count(string prefix, string? method = null) =>
        Snapshot().Where(kv => kv.Key.Split(' ')[1].StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                               && (method is null || kv.Key.StartsWith(method + " ", StringComparison.OrdinalIgnoreCase)))
                  .Sum(kv => kv.Value);

    public void Reset() => _admin.DeleteAsync("__admin/requests").GetAwaiter().GetResult().EnsureSuccessStatusCode();
}
