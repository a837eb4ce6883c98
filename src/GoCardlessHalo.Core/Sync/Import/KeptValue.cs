// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Core.Config;

namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>A Halo value an import left alone although GoCardless has another one, and the ownership rule that kept it.</summary>
    public sealed class KeptValue
    {
        public KeptValue(string field, string? haloValue, string goCardlessValue, FieldRule rule)
        {
            Field = field;
            HaloValue = haloValue;
            GoCardlessValue = goCardlessValue;
            Rule = rule;
        }

        /// <summary>Name, FirstName, Surname, Email, Phone, or a custom field's Halo name.</summary>
        public string Field { get; }

        /// <summary>The value Halo keeps.</summary>
        public string? HaloValue { get; }

        /// <summary>The value GoCardless has, which was not written.</summary>
        public string GoCardlessValue { get; }

        /// <summary>FillWhenEmpty (Halo had a value) or CreateOnly (the user already existed).</summary>
        public FieldRule Rule { get; }

        public override string ToString() => $"{Field} kept '{HaloValue}' by {Rule} (GoCardless has '{GoCardlessValue}')";
    }
}
