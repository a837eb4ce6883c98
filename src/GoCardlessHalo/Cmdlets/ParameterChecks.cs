// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Cmdlets
{
    /// <summary>Parameter rules PowerShell's validation attributes cannot express for TimeSpan values.</summary>
    internal static class ParameterChecks
    {

        /// <exception cref="GcHaloException">ParameterOutOfRange when <paramref name="value"/> is negative.</exception>
        public static void NotNegative(TimeSpan value, string parameterName)
        {
            if (value < TimeSpan.Zero)
            {
                throw new GcHaloException(ErrorIds.ParameterOutOfRange, ErrorKind.InvalidArgument,
                    $"-{parameterName} is negative ({value}). Give a duration of zero or more, e.g. '00:05:00' or (New-TimeSpan -Minutes 5).",
                    value);
            }
        }
    }
}
