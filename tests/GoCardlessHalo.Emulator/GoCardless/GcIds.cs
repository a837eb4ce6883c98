// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>
/// Makes ids that look like GoCardless's (<c>PM00008KWW97PE</c>: a two-letter prefix and twelve upper-case
/// base-32 characters). Ids are opaque to clients; sequential values keep the generator deterministic.
/// </summary>
public sealed class GcIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private long _next;

    /// <param name="start">First value; different seeds give different id ranges.</param>
    public GcIds(long start) => _next = start;

    /// <summary>The value the next id will be made from; a store continuing a generated data set starts here.</summary>
    public long Position => _next;

    /// <summary>The next id with <paramref name="prefix"/> for which <paramref name="taken"/> is false.</summary>
    public string Next(string prefix, Func<string, bool>? taken = null)
    {
        while (true)
        {
            // The stride scatters the low digits so consecutive ids do not differ only in the last character.
            var id = Format(prefix, _next);
            _next += 7919;
            if (taken is null || !taken(id))
            {
                return id;
            }
        }
    }

    public static string Format(string prefix, long value)
    {
        Span<char> chars = stackalloc char[14];
        chars[0] = prefix[0];
        chars[1] = prefix[1];
        var rest = (ulong)value;
        for (var i = 13; i >= 2; i--)
        {
            chars[i] = Alphabet[(int)(rest & 31)];
            rest >>= 5;
        }

        return new string(chars);
    }
}
