// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>
    /// Finds the Halo custom fields that settings name, and checks they can hold what the module writes:
    /// type Text on the User entity. Halo shows a field as "Name" in its setup screens but as "CFName" in SQL and
    /// the API, so either spelling is accepted, case-insensitively.
    /// </summary>
    public sealed class UserFieldResolver
    {
        private const string ColumnPrefix = "CF";
        private readonly IReadOnlyList<HaloFieldDefinition> _fields;

        public UserFieldResolver(IReadOnlyList<HaloFieldDefinition> userFields)
        {
            _fields = userFields;
        }

        /// <summary>The definition a configured name refers to, or null.</summary>
        public HaloFieldDefinition? Find(string configuredName) =>
            _fields.FirstOrDefault(f => string.Equals(f.Name, configuredName, StringComparison.OrdinalIgnoreCase))
            ?? _fields.FirstOrDefault(f => string.Equals(Bare(f.Name), Bare(configuredName), StringComparison.OrdinalIgnoreCase));

        /// <summary>Why a field cannot be used, or null when it is a Text field of the User entity.</summary>
        public string? Problem(string configuredName, string purpose) => Check(configuredName, purpose)?.Message;

        /// <summary>
        /// Why a field cannot be used, with its ErrorId (HaloFieldNotFound, or HaloFieldNotUserText for a field of
        /// another type or entity); null when it is a Text field of the User entity.
        /// </summary>
        public FieldProblem? Check(string configuredName, string purpose)
        {
            var field = Find(configuredName);
            if (field is null)
            {
                return new FieldProblem(ErrorIds.HaloFieldNotFound, $"{purpose}: Halo has no user custom field named '{configuredName}'. Create it in Halo (Configuration > Custom Objects > Custom Fields, type Text, entity User) or fix the name.");
            }

            if (field.Usage != HaloFieldDefinition.UserUsage)
            {
                return new FieldProblem(ErrorIds.HaloFieldNotUserText, $"{purpose}: the Halo field '{field.Name}' belongs to another entity (usage {field.Usage}), not to users. Map to a custom field of entity User.");
            }

            return field.Type != HaloFieldDefinition.TextType
                ? new FieldProblem(ErrorIds.HaloFieldNotUserText, $"{purpose}: the Halo field '{field.Name}' is not of type Text (type {field.Type}). GoCardless values are text; map to a Text field.")
                : null;
        }

        /// <summary>The Halo name of the link field the settings name.</summary>
        /// <exception cref="GcHaloException">LinkFieldInvalid when it is missing or not a Text/User field.</exception>
        public static async Task<string> ResolveLinkFieldAsync(IHaloTarget target, string configuredName, CancellationToken cancellationToken) =>
            new UserFieldResolver(await target.GetUserFieldsAsync(cancellationToken).ConfigureAwait(false)).LinkField(configuredName);

        /// <summary>The Halo name of the link field the settings name.</summary>
        /// <exception cref="GcHaloException">LinkFieldInvalid when it is missing or not a Text/User field.</exception>
        public string LinkField(string configuredName)
        {
            var problem = Problem(configuredName, $"Link field '{configuredName}'");
            if (problem is not null)
            {
                throw new GcHaloException(
                    ErrorIds.LinkFieldInvalid,
                    ErrorKind.InvalidData,
                    problem + " Run Enable-GcModule, which creates the link field (Text, User) when it is missing.",
                    configuredName);
            }

            return Find(configuredName)!.Name;
        }

        /// <summary>
        /// Checks the link field and every mapping, and returns the Halo field name each one resolves to.
        /// </summary>
        /// <exception cref="GcHaloException">FieldMappingInvalidInHalo, listing every problem at once.</exception>
        public ResolvedFields ResolveAll(string linkField, IEnumerable<FieldMapping> mappings)
        {
            var problems = new List<string>();
            var linkProblem = Problem(linkField, $"Link field '{linkField}'");
            if (linkProblem is not null)
            {
                problems.Add(linkProblem + " Enable-GcModule creates the link field when it can reach Halo.");
            }

            var resolved = new List<FieldMapping>();
            foreach (var mapping in mappings)
            {
                var problem = Problem(mapping.HaloField, $"Mapping '{mapping.GoCardlessField}' -> '{mapping.HaloField}'");
                if (problem is null)
                {
                    resolved.Add(new FieldMapping(mapping.GoCardlessField, Find(mapping.HaloField)!.Name));
                }
                else
                {
                    problems.Add(problem);
                }
            }

            if (problems.Count > 0)
            {
                throw new GcHaloException(
                    ErrorIds.FieldMappingInvalidInHalo,
                    ErrorKind.InvalidData,
                    "Halo cannot take these fields, so nothing was written:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems),
                    problems);
            }

            return new ResolvedFields(Find(linkField)!.Name, resolved);
        }

        /// <summary>A field's Halo name without the "CF" column prefix, as Halo's setup screens show it.</summary>
        public static string Bare(string name) =>
            name.StartsWith(ColumnPrefix, StringComparison.OrdinalIgnoreCase) && name.Length > ColumnPrefix.Length ? name.Substring(ColumnPrefix.Length) : name;
    }

    /// <summary>Why a Halo field cannot take GoCardless values.</summary>
    public sealed class FieldProblem
    {
        public FieldProblem(string errorId, string message)
        {
            ErrorId = errorId;
            Message = message;
        }

        public string ErrorId { get; }

        public string Message { get; }
    }

    /// <summary>The link field and mappings, with Halo's own field names.</summary>
    public sealed class ResolvedFields
    {
        public ResolvedFields(string linkField, IReadOnlyList<FieldMapping> mappings)
        {
            LinkField = linkField;
            Mappings = mappings;
        }

        public string LinkField { get; }

        public IReadOnlyList<FieldMapping> Mappings { get; }
    }
}
