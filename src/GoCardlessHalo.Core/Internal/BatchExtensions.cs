// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace GoCardlessHalo.Core.Internal
{
    /// <summary>Splits a sequence into lists of at most a given size: pages to store, id lookups, Halo write batches.</summary>
    internal static class BatchExtensions
    {
        /// <summary>
        /// Groups a stream into lists of <paramref name="size"/>. With the size of the client's pages, each list is
        /// one GoCardless page, so one page is held in memory and stored per transaction.
        /// </summary>
        public static async IAsyncEnumerable<List<T>> Batches<T>(this IAsyncEnumerable<T> source, int size, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var batch = new List<T>(size);
            await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                batch.Add(item);
                if (batch.Count == size)
                {
                    yield return batch;
                    batch = new List<T>(size);
                }
            }

            if (batch.Count > 0)
            {
                yield return batch;
            }
        }

        /// <summary>Groups <paramref name="source"/> into lists of <paramref name="size"/>, in order, reading it once.</summary>
        public static IEnumerable<List<T>> Batches<T>(this IEnumerable<T> source, int size)
        {
            var batch = new List<T>(size);
            foreach (var item in source)
            {
                batch.Add(item);
                if (batch.Count == size)
                {
                    yield return batch;
                    batch = new List<T>(size);
                }
            }

            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
    }
}
