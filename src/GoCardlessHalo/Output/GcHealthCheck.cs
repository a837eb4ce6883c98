// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo
{
    /// <summary>One check of Test-GcModule.</summary>
    public sealed class GcHealthCheck
    {
        public GcHealthCheck(string name, string status, string message, string? detail, string? errorId)
        {
            Name = name;
            Status = status;
            Message = message;
            Detail = detail;
            ErrorId = errorId;
        }

        /// <summary>Configuration, GoCardlessToken, HaloConnection, HaloPermissions, LinkField, FieldMappings, DefaultSite, ModuleTables, LastImport, LastPaymentSync, SyncMachine or HaloNativeIntegration.</summary>
        public string Name { get; }

        /// <summary>Passed, Warning, Failed or Skipped.</summary>
        public string Status { get; }

        /// <summary>What was found and, when not Passed, how to fix it.</summary>
        public string Message { get; }

        /// <summary>Supporting facts, one per line.</summary>
        public string? Detail { get; }

        /// <summary>The error id behind a Warning or Failed result.</summary>
        public string? ErrorId { get; }
    }
}
