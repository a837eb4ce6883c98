// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo
{
    /// <summary>Who owns a Halo user field that Import-GcUser writes (Set-GcFieldOwnership).</summary>
    public enum GcFieldRule
    {
        /// <summary>GoCardless owns it: overwritten whenever it differs.</summary>
        Overwrite = 0,

        /// <summary>Written only while empty in Halo.</summary>
        FillWhenEmpty = 1,

        /// <summary>Set when the module creates the user, never afterwards.</summary>
        CreateOnly = 2,

        /// <summary>No rule of its own: contact fields FillWhenEmpty, mapped fields Overwrite.</summary>
        Default = 3,
    }
}
