// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo.Core.Health
{
    /// <summary>
    /// The result of one health check: what was checked (<see cref="Name"/>), how it went, what was found and, when
    /// it did not pass, how to fix it. Never contains a secret.
    /// </summary>
    public sealed class HealthCheck
    {
        /// <summary>Creates a result.</summary>
        /// <param name="name">One of <see cref="HealthCheckNames"/>.</param>
        /// <param name="status">The outcome.</param>
        /// <param name="message">What was found; when not passed, also how to fix it.</param>
        /// <param name="detail">Optional supporting facts, one per line (e.g. every invalid mapping).</param>
        /// <param name="errorId">The stable ErrorId of the problem, when there is one.</param>
        public HealthCheck(string name, HealthStatus status, string message, string? detail = null, string? errorId = null)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Status = status;
            Message = message ?? throw new ArgumentNullException(nameof(message));
            Detail = detail;
            ErrorId = errorId;
        }

        /// <summary>The stable identifier of the check, one of <see cref="HealthCheckNames"/>.</summary>
        public string Name { get; }

        /// <summary>Passed, Warning, Failed or Skipped.</summary>
        public HealthStatus Status { get; }

        /// <summary>What was found and, when not passed, how to fix it.</summary>
        public string Message { get; }

        /// <summary>Supporting facts (one per line), or null.</summary>
        public string? Detail { get; }

        /// <summary>The stable ErrorId of the problem found (e.g. GoCardlessTokenInvalid), or null.</summary>
        public string? ErrorId { get; }

        /// <summary>"Name: Status - Message".</summary>
        public override string ToString() => Name + ": " + Status + " - " + Message;

        internal static HealthCheck Passed(string name, string message, string? detail = null) =>
            new HealthCheck(name, HealthStatus.Passed, message, detail);

        internal static HealthCheck Warning(string name, string message, string errorId, string? detail = null) =>
            new HealthCheck(name, HealthStatus.Warning, message, detail, errorId);

        internal static HealthCheck Failed(string name, string message, string errorId, string? detail = null) =>
            new HealthCheck(name, HealthStatus.Failed, message, detail, errorId);

        internal static HealthCheck Skipped(string name, string message) =>
            new HealthCheck(name, HealthStatus.Skipped, message);
    }
}
