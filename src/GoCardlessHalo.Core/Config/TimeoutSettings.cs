// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Config
{
    /// <summary>
    /// The HTTP timeouts of the GoCardless and Halo clients as settings: their names (which every "raise ..." in a
    /// timeout error quotes, so the reader knows what to change) and their allowed range.
    /// </summary>
    public static class TimeoutSettings
    {
        /// <summary>How a GoCardless timeout error names the setting that raises it.</summary>
        public const string GoCardless = "goCardless.timeoutSeconds (Enable-GcModule -GoCardlessTimeout)";

        /// <summary>How a Halo timeout error names the setting that raises it.</summary>
        public const string Halo = "halo.timeoutSeconds (Enable-GcModule -HaloTimeout)";

        /// <summary>The longest timeout accepted: a request allowed more than an hour is a hung run, not a slow one.</summary>
        public static readonly TimeSpan Maximum = TimeSpan.FromSeconds(Yaml.SettingsYamlReader.MaxTimeoutSeconds);

        /// <summary><paramref name="requested"/> when given (whole seconds, as the file keeps it), else <paramref name="current"/>.</summary>
        /// <exception cref="GcHaloException">TimeoutOutOfRange when the requested timeout is under 1 second or over an hour.</exception>
        public static TimeSpan Checked(TimeSpan? requested, TimeSpan current, string setting)
        {
            if (requested is not { } value)
            {
                return current;
            }

            if (value < TimeSpan.FromSeconds(1) || value > Maximum)
            {
                throw new GcHaloException(ErrorIds.TimeoutOutOfRange, ErrorKind.InvalidArgument,
                    $"The timeout for {setting} is {value.TotalSeconds:0.###} s. Give between 1 second and 1 hour, e.g. 120 or '00:02:00'.",
                    value);
            }

            // The settings file keeps whole seconds; round up so what is saved is what runs.
            return TimeSpan.FromSeconds(Math.Ceiling(value.TotalSeconds));
        }
    }
}
