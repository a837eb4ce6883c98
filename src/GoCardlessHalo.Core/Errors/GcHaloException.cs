// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo.Core.Errors
{
    /// <summary>
    /// Base of every error the engine raises on purpose. <see cref="ErrorId"/> is a stable, documented
    /// identifier (PascalCase, never the message text) that becomes the ErrorRecord's error id.
    /// Messages say what was wrong and how to fix it, and never contain a secret.
    /// </summary>
    public class GcHaloException : Exception
    {
        public GcHaloException(string errorId, ErrorKind kind, string message, object? target = null, Exception? innerException = null)
            : base(message, innerException)
        {
            ErrorId = errorId;
            Kind = kind;
            Target = target;
        }

        /// <summary>Stable identifier of this failure, e.g. <c>ConfigFileInvalid</c>.</summary>
        public string ErrorId { get; }

        /// <summary>Broad kind of failure, mapped to an ErrorCategory by the shell.</summary>
        public ErrorKind Kind { get; }

        /// <summary>The object the failure is about (a file path, a customer id, a field name).</summary>
        public object? Target { get; }
    }
}
