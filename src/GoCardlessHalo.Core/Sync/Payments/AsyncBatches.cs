// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace GoCardlessHalo.Core.Sync.Payments
{
    internal static class AsyncBatches
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
    }
}
