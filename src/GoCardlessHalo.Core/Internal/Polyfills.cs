// Copyright (c) GoCardlessHalo contributors. MIT licence.
#if NETFRAMEWORK
namespace System.Runtime.CompilerServices
{
    // Lets net472 compile init-only setters and records; the type exists in-box on net5+.
    internal static class IsExternalInit
    {
    }
}
#endif
