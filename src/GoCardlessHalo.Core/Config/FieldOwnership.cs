// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Config
{
    /// <summary>Who owns a Halo user field that Import-GcUser sets: what happens when GoCardless and Halo disagree.</summary>
    public enum FieldRule
    {
        /// <summary>GoCardless owns the field: an import overwrites the Halo value whenever it differs.</summary>
        Overwrite,

        /// <summary>An import writes the field only while it is empty in Halo; whatever an agent typed stays.</summary>
        FillWhenEmpty,

        /// <summary>Set when the module creates the user, never changed afterwards.</summary>
        CreateOnly,
    }

    /// <summary>
    /// The rule for each field an import writes (the fieldOwnership setting). Unset fields take a default that never
    /// destroys what an agent typed: the contact fields (Name, FirstName, Surname, Email, Phone) are filled only when
    /// empty, so a contact linked by email keeps its name ("Billing Contact") and a phone number an agent corrected is not
    /// reverted (issue 11); mapped custom fields exist only to receive GoCardless values, so GoCardless owns them. The link
    /// field always holds the GoCardless id and has no rule.
    /// </summary>
    public static class FieldOwnership
    {
        /// <summary>The standard contact fields, as they are named in plans, results and the setting.</summary>
        public static readonly IReadOnlyList<string> ContactFields = new[] { "Name", "FirstName", "Surname", "Email", "Phone" };

        /// <summary>The rule that applies to <paramref name="field"/> (a contact field or a mapped Halo field name).</summary>
        public static FieldRule RuleFor(IReadOnlyDictionary<string, FieldRule> rules, string field) =>
            rules.TryGetValue(field, out var rule) ? rule : Default(field);

        /// <summary>The rule for a field nobody set: FillWhenEmpty for contact fields, Overwrite for mapped fields.</summary>
        public static FieldRule Default(string field) =>
            ContactFields.Contains(field, StringComparer.OrdinalIgnoreCase) ? FieldRule.FillWhenEmpty : FieldRule.Overwrite;

        /// <summary>The canonical field name for the setting: a contact field's own spelling, or the Halo field name as given.</summary>
        /// <exception cref="GcHaloException">FieldOwnershipInvalid: empty, or the link field (which always holds the GoCardless id).</exception>
        public static string FieldName(string field, string linkField)
        {
            var name = (field ?? string.Empty).Trim();
            if (name.Length == 0 || string.Equals(name, linkField, StringComparison.OrdinalIgnoreCase))
            {
                throw new GcHaloException(
                    ErrorIds.FieldOwnershipInvalid,
                    ErrorKind.InvalidArgument,
                    $"'{name}' cannot have an ownership rule: give one of {string.Join(", ", ContactFields)} or a mapped Halo field (Get-GcFieldMapping); the link field '{linkField}' always holds the GoCardless id.",
                    field);
            }

            return ContactFields.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase)) ?? name;
        }
    }
}
