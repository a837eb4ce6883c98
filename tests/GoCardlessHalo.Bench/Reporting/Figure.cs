// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Bench.Reporting;

/// <summary>
/// One measured figure. <see cref="Expected"/> and <see cref="Met"/> are set only for request-count bounds,
/// the one kind of figure the benchmark asserts (times and memory are reported, never judged).
/// </summary>
/// <param name="Name">What was measured, e.g. "GoCardless requests".</param>
/// <param name="Display">The value as printed, e.g. "1,234 ms".</param>
/// <param name="Value">The raw value for the JSON file (a number or a text).</param>
/// <param name="Unit">requests, ms, bytes, rows, … (null for plain text).</param>
/// <param name="Expected">The bound, e.g. "≤ 23 (ceil(10000/500) + 3)".</param>
/// <param name="Met">Whether the bound held; null when there is no bound.</param>
public sealed record Figure(string Name, string Display, object Value, string? Unit, string? Expected = null, bool? Met = null);
