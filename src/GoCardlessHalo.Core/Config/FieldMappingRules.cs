// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Config
{
    /// <summary>
    /// The rules every set of field mappings obeys, wherever it comes from (Set-GcFieldMapping or a settings file
    /// edited by hand): the link field is the module's alone (a value mapped into it would replace the GoCardless
    /// id, so every later run would create the customer again), and one Halo field receives one GoCardless field
    /// (two would overwrite each other on every run).
    /// </summary>
    public static class FieldMappingRules
    {

        /// <summary>Checks a mapping about to join <paramref name="others"/>.</summary>
        /// <exception cref="GcHaloException">FieldMappingConflict.</exception>
        public static void Check(FieldMapping mapping, IEnumerable<FieldMapping> others, string linkField, string? where = null)
        {
            var suffix = where is null ? string.Empty : $" (in '{where}'; edit the file, or restore its .bak copy)";
            if (string.Equals(mapping.HaloField, linkField, StringComparison.OrdinalIgnoreCase))
            {
                throw new GcHaloException(ErrorIds.FieldMappingConflict, ErrorKind.Conflict,
                    $"'{mapping.HaloField}' is the link field that holds the GoCardless customer id; map '{mapping.GoCardlessField}' to another Halo field{suffix}. Nothing was written.",
                    mapping.HaloField);
            }

            var clash = others.FirstOrDefault(m => m.GoCardlessField != mapping.GoCardlessField && string.Equals(m.HaloField, mapping.HaloField, StringComparison.OrdinalIgnoreCase));
            if (clash is not null)
            {
                var fix = where is null ? $"Remove that mapping first (Remove-GcFieldMapping {clash.GoCardlessField}) or choose another Halo field" : "Keep one of the two mappings";
                throw new GcHaloException(ErrorIds.FieldMappingConflict, ErrorKind.Conflict,
                    $"The Halo field '{mapping.HaloField}' receives both '{clash.GoCardlessField}' and '{mapping.GoCardlessField}'. {fix}{suffix}. Nothing was written.",
                    mapping.HaloField);
            }
        }

        /// <summary>Checks every mapping of settings (loaded from <paramref name="where"/>, or about to be saved) against the others and the link field.</summary>
        /// <exception cref="GcHaloException">FieldMappingConflict.</exception>
        public static void CheckAll(ModuleSettings settings, string? where)
        {
            for (var i = 0; i < settings.FieldMappings.Count; i++)
            {
                Check(settings.FieldMappings[i], settings.FieldMappings.Take(i), settings.Halo.LinkField, where);
            }
        }
    }
}
