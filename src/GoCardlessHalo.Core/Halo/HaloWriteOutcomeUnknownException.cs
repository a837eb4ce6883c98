// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Halo
{
    /// <summary>
    /// A user write whose outcome is unknown: Halo may have saved some or all of the users, but the answer does
    /// not say which (a damaged or partial 200, one object for several users, an empty body, a timeout, a reset,
    /// a 5xx from Halo or a proxy in front of it). Nothing may be written again until the caller has read back
    /// what Halo holds (by link value): writing again blindly is exactly how users get duplicated.
    /// <see cref="Known"/> holds the writes the answer did account for (by their index in the batch).
    /// </summary>
    public sealed class HaloWriteOutcomeUnknownException : GcHaloException
    {
        public HaloWriteOutcomeUnknownException(string message, IReadOnlyDictionary<int, HaloUserWriteResult> known, Exception? innerException = null)
            : base(ErrorIds.HaloWriteOutcomeUnknown, KindOf(innerException), message, null, innerException)
        {
            Known = known;
        }

        /// <summary>Results the answer did tie to a write, by the write's index in the batch given to the target.</summary>
        public IReadOnlyDictionary<int, HaloUserWriteResult> Known { get; }

        // A damaged answer is Halo's fault, not the data's: InvalidData would read as "Halo refused the values".
        private static ErrorKind KindOf(Exception? cause) =>
            cause is GcHaloException { Kind: not ErrorKind.InvalidData and not ErrorKind.InvalidArgument } known ? known.Kind : ErrorKind.Remote;
    }
}
