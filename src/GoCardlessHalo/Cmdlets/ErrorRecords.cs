// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Management.Automation;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Cmdlets
{
    /// <summary>Turns engine errors into ErrorRecords: the engine's ErrorId, a category from its kind, its target.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(GcHaloException exception) =>
            new ErrorRecord(exception, exception.ErrorId, Category(exception.Kind), exception.Target);

        /// <summary>An error found by the cmdlet itself, such as two parameters that cannot go together.</summary>
        public static ErrorRecord Argument(string errorId, string message, object? target) =>
            new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);

        public static ErrorCategory Category(ErrorKind kind) => kind switch
        {
            ErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
            ErrorKind.InvalidData => ErrorCategory.InvalidData,
            ErrorKind.NotEnabled => ErrorCategory.InvalidOperation,
            ErrorKind.NotFound => ErrorCategory.ObjectNotFound,
            ErrorKind.AuthenticationFailed => ErrorCategory.AuthenticationError,
            ErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
            ErrorKind.ConnectionFailed => ErrorCategory.ConnectionError,
            ErrorKind.Timeout => ErrorCategory.OperationTimeout,
            ErrorKind.RateLimited => ErrorCategory.LimitsExceeded,
            ErrorKind.Conflict => ErrorCategory.ResourceExists,
            ErrorKind.InvalidOperation => ErrorCategory.InvalidOperation,
            ErrorKind.NotSupported => ErrorCategory.NotImplemented,
            ErrorKind.Ambiguous => ErrorCategory.InvalidResult,
            ErrorKind.Remote => ErrorCategory.ResourceUnavailable,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unmapped error kind."),
        };
    }
}
