// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Runtime.InteropServices;
using System.Security;

namespace GoCardlessHalo.Cmdlets
{
    /// <summary>Reads a SecureString for the one moment it is needed (to protect or to use it), then frees the copy.</summary>
    internal static class SecureStrings
    {
        public static string ToPlainText(SecureString secure)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                return Marshal.PtrToStringUni(pointer) ?? string.Empty;
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }
    }
}
