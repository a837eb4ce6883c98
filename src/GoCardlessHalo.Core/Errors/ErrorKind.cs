// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Errors
{
    /// <summary>
    /// What kind of failure an engine error is. The PowerShell shell maps each kind to an ErrorCategory;
    /// the engine itself knows nothing of PowerShell.
    /// </summary>
    public enum ErrorKind
    {
        InvalidArgument,
        InvalidData,
        NotEnabled,
        NotFound,
        AuthenticationFailed,
        PermissionDenied,
        ConnectionFailed,
        Timeout,
        RateLimited,
        Conflict,
        InvalidOperation,
        NotSupported,
        Ambiguous,
        Remote,
    }
}
