// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>One field of a Halo user that an import sets or changes.</summary>
    public sealed class FieldChange
    {
        public FieldChange(string field, string? oldValue, string? newValue)
        {
            Field = field;
            OldValue = oldValue;
            NewValue = newValue;
        }

        /// <summary>Name, FirstName, Surname, Email, Phone, or a custom field's Halo name.</summary>
        public string Field { get; }

        public string? OldValue { get; }

        public string? NewValue { get; }

        public override string ToString() => $"{Field}: '{OldValue}' -> '{NewValue}'";
    }
}
