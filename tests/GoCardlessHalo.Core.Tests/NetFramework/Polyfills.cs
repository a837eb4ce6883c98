// Copyright (c) GoCardlessHalo contributors. MIT licence.

// net472 only (the project compiles this folder for net472): the few .NET APIs the tests use that .NET Framework
// lacks, with the same names and meaning, so the tests themselves stay one source for both frameworks.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace System
{
    /// <summary>What <c>^1</c> compiles to (in-box from .NET Core 3.0).</summary>
    internal readonly struct Index
    {
        private readonly int _value;

        public Index(int value, bool fromEnd = false) => _value = fromEnd ? ~value : value;

        public int GetOffset(int length) => _value < 0 ? length + _value + 1 : _value;

        public static implicit operator Index(int value) => new(value);
    }

    /// <summary>What <c>a..b</c> compiles to (in-box from .NET Core 3.0).</summary>
    internal readonly struct Range
    {
        public Range(Index start, Index end)
        {
            Start = start;
            End = end;
        }

        public Index Start { get; }

        public Index End { get; }

        public static Range StartAt(Index start) => new(start, new Index(0, fromEnd: true));

        public static Range EndAt(Index end) => new(new Index(0), end);

        public static Range All => new(new Index(0), new Index(0, fromEnd: true));
    }
}

// In the tests' root namespace, which every test file is inside, so no test needs a using for them.
namespace GoCardlessHalo.Core.Tests
{
    internal static class StringPolyfills
    {
        public static string[] Split(this string text, char separator, StringSplitOptions options) =>
            text.Split(new[] { separator }, options);

        public static string[] Split(this string text, string separator, StringSplitOptions options = StringSplitOptions.None) =>
            text.Split(new[] { separator }, options);

        public static bool Contains(this string text, string value, StringComparison comparison) =>
            text.IndexOf(value, comparison) >= 0;

        // Only the ordinal form is needed by the tests; .NET Framework's Replace is always ordinal.
        public static string Replace(this string text, string oldValue, string newValue, StringComparison comparison) =>
            comparison == StringComparison.Ordinal
                ? text.Replace(oldValue, newValue)
                : throw new NotSupportedException("Only StringComparison.Ordinal is polyfilled on .NET Framework.");
    }

    internal static class KeyValuePairPolyfills
    {
        public static void Deconstruct<TKey, TValue>(this KeyValuePair<TKey, TValue> pair, out TKey key, out TValue value)
        {
            key = pair.Key;
            value = pair.Value;
        }
    }
}

namespace System.Linq
{
    internal static class LinqPolyfills
    {
        public static IEnumerable<(TFirst First, TSecond Second)> Zip<TFirst, TSecond>(this IEnumerable<TFirst> first, IEnumerable<TSecond> second) =>
            first.Zip(second, (a, b) => (a, b));

        public static async ValueTask<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken = default)
        {
            var list = new List<T>();
            await foreach (var item in source.WithCancellation(cancellationToken))
            {
                list.Add(item);
            }

            return list;
        }

        public static async ValueTask<T> FirstAsync<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken = default)
        {
            await foreach (var item in source.WithCancellation(cancellationToken))
            {
                return item;
            }

            throw new InvalidOperationException("Sequence contains no elements");
        }
    }
}

namespace System.Net.Http
{
    internal static class HttpContentPolyfills
    {
        public static Task<string> ReadAsStringAsync(this HttpContent content, CancellationToken cancellationToken) => content.ReadAsStringAsync();

        public static Task<byte[]> ReadAsByteArrayAsync(this HttpContent content, CancellationToken cancellationToken) => content.ReadAsByteArrayAsync();
    }
}
