// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Management.Automation;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Cmdlets
{
    /// <summary>
    /// Wildcard parameters, checked when given: PowerShell parses a pattern only when it first matches, and then
    /// fails with a bare WildcardPatternException (e.g. for <c>-Client '['</c>).
    /// </summary>
    internal static class WildcardPatterns
    {

        /// <exception cref="GcHaloException">WildcardPatternInvalid, naming the parameter and how to match a bracket literally.</exception>
        public static WildcardPattern Parse(string pattern, string parameterName, WildcardOptions options)
        {
            var parsed = new WildcardPattern(pattern, options);
            try
            {
                parsed.IsMatch(string.Empty);
                return parsed;
            }
            catch (WildcardPatternException ex)
            {
                throw new GcHaloException(ErrorIds.WildcardPatternInvalid, ErrorKind.InvalidArgument,
                    $"-{parameterName} '{pattern}' is not a valid wildcard pattern ({ex.Message}). To match [ or ] literally, escape it with a backtick in single quotes ('`[') or write [[] and []]; * and ? match any text and any one character.",
                    pattern, ex);
            }
        }
    }
}
