// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Globalization;
using System.Management.Automation;

namespace GoCardlessHalo.Cmdlets
{
    /// <summary>
    /// Lets every TimeSpan parameter take a bare number as seconds and a string as a TimeSpan. Without it PowerShell
    /// converts an integer to TimeSpan through the TimeSpan(long ticks) constructor, so "-LockTimeout 30" meant 30 ticks
    /// (3 microseconds) and timed out at once (issue 11). Accepted: 30, 2.5, '30' (seconds), '00:05:00', '1.00:00:00'
    /// (TimeSpan strings, invariant culture), or a TimeSpan.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class TimeSpanArgumentAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case TimeSpan span:
                    return span;
                case byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal:
                    return Seconds(Convert.ToDouble(value, CultureInfo.InvariantCulture), value);
                case string text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds):
                    return Seconds(seconds, text);
                case string text when TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var parsed):
                    return parsed;
                case string text:
                    throw new ArgumentTransformationMetadataException(
                        $"'{text}' is not a duration: give seconds (30) or a TimeSpan string ('00:05:00' for five minutes, '1.00:00:00' for a day).");
                default:
                    return inputData;
            }
        }

        private static TimeSpan Seconds(double seconds, object given)
        {
            if (double.IsNaN(seconds) || seconds < 0 || seconds > TimeSpan.MaxValue.TotalSeconds)
            {
                throw new ArgumentTransformationMetadataException($"{given} is not a duration in seconds: give a number from 0 upwards.");
            }

            return TimeSpan.FromSeconds(seconds);
        }
    }
}
