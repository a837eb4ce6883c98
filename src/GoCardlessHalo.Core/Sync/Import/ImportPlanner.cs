// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>
    /// Decides, for one GoCardless customer, where its Halo user is and what changes — Halo's GoCardless rules,
    /// in this order: (1) a user already linked to the customer id, wherever it lives now (moved users keep
    /// syncing and are never moved back); (2) one unlinked user with the same email anywhere in Halo, which is linked
    /// where it lives instead of creating a duplicate (several are reported, never guessed between); (3)-(5) a new user where <see cref="PlacementMatcher"/> places it: a placement override, else the Halo customer whose name
    /// matches the company (at its invoice site), else the Default Site.
    /// Pure: it reads only the <see cref="HaloDirectory"/> snapshot.
    /// </summary>
    public sealed class ImportPlanner
    {
        private readonly HaloDirectory _directory;
        private readonly ResolvedFields _fields;
        private readonly PlacementMatcher _matcher;
        private readonly IReadOnlyDictionary<string, FieldRule> _ownership;

        public ImportPlanner(
            HaloDirectory directory,
            ResolvedFields fields,
            HaloSite defaultSite,
            IEnumerable<PlacementOverride>? overrides = null,
            IReadOnlyDictionary<string, FieldRule>? ownership = null)
        {
            _ownership = ownership ?? new Dictionary<string, FieldRule>();
            _directory = directory;
            _fields = fields;
            _matcher = new PlacementMatcher(directory, defaultSite, overrides);
        }

        public ImportPlan Plan(Customer customer)
        {
            var linked = _directory.UsersLinkedTo(customer.Id);
            if (linked.Count > 1)
            {
                return Skip(customer, MatchedBy.Link, $"{DuplicateLinks.Describe(customer.Id, linked.Select(u => u.Id), _fields.LinkField)}. {DuplicateLinks.Fix(_fields.LinkField)}");
            }

            if (linked.Count == 1)
            {
                return PlanExisting(customer, linked[0], MatchedBy.Link);
            }

            var sameEmail = _directory.UnlinkedUsersWithEmail(customer.Email);
            if (sameEmail.Count > 1)
            {
                var candidates = string.Join(", ", sameEmail.Select(u => $"{u.Id} '{u.Name}' in {Where(u)}"));
                return Skip(customer, MatchedBy.Email, $"{sameEmail.Count} unlinked Halo users have the email {customer.Email} ({candidates}). Link the right one with Set-GcUserLink -HaloUserId <id> -CustomerId {customer.Id}.");
            }

            if (sameEmail.Count == 1)
            {
                var linkedByEmail = PlanExisting(customer, sameEmail[0], MatchedBy.Email);
                linkedByEmail.Reason ??= $"An unlinked Halo user with the email {customer.Email} already exists in {Where(sameEmail[0])}: it is linked where it lives.";
                return linkedByEmail;
            }

            var placement = _matcher.Place(customer);
            if (placement.Problem is not null)
            {
                return Skip(customer, placement.MatchedBy, placement.Problem);
            }

            var plan = PlanCreate(customer, placement.Client, placement.Site!, placement.MatchedBy);
            plan.NearestClients = placement.NearestClients;
            plan.Reason ??= placement.Reason;
            return plan;
        }

        private ImportPlan PlanExisting(Customer customer, HaloUser user, MatchedBy by)
        {
            var plan = new ImportPlan(customer, ImportAction.Unchanged, by)
            {
                ExistingUser = user,
                Client = _directory.Client(user.ClientId),
                Site = _directory.Site(user.SiteId),
            };
            if (user.Inactive)
            {
                plan.Action = ImportAction.Skipped;
                plan.Reason = $"The Halo user {user.Id} ('{user.Name}') is inactive. Reactivate it in Halo to keep it in sync.";
                return plan;
            }

            var write = new HaloUserWrite { Id = user.Id };
            var changes = new List<FieldChange>();
            var kept = new List<KeptValue>();
            foreach (var (field, value) in DesiredValues(customer))
            {
                var current = CurrentValue(user, field);
                if (SameValue(field, current, value))
                {
                    continue;
                }

                // The link field always takes the id; every other field follows its ownership rule (Config/FieldOwnership).
                var rule = field == _fields.LinkField ? FieldRule.Overwrite : FieldOwnership.RuleFor(_ownership, field);
                if (rule == FieldRule.CreateOnly || (rule == FieldRule.FillWhenEmpty && !string.IsNullOrWhiteSpace(current)))
                {
                    kept.Add(new KeptValue(field, current, value, rule));
                    continue;
                }

                changes.Add(new FieldChange(field, current, value));
                Set(write, field, value);
            }

            plan.Changes = changes;
            plan.Kept = kept;
            if (changes.Count > 0)
            {
                plan.Action = by == MatchedBy.Email ? ImportAction.Linked : ImportAction.Updated;
                plan.Write = write;
            }

            return plan;
        }

        private ImportPlan PlanCreate(Customer customer, HaloClient? client, HaloSite site, MatchedBy by)
        {
            var write = new HaloUserWrite { SiteId = site.Id };
            var changes = new List<FieldChange>();
            foreach (var (field, value) in DesiredValues(customer))
            {
                changes.Add(new FieldChange(field, null, value));
                Set(write, field, value);
            }

            return new ImportPlan(customer, ImportAction.Created, by) { Client = client, Site = site, Changes = changes, Write = write };
        }

        // The values GoCardless says the user should have. A value GoCardless does not have is left alone in
        // Halo rather than blanked: agents may have filled it in by hand.
        private IEnumerable<(string Field, string Value)> DesiredValues(Customer customer)
        {
            var person = $"{customer.GivenName} {customer.FamilyName}".Trim();
            var name = person.Length > 0 ? person : customer.CompanyName?.Trim();
            foreach (var (field, value) in new[]
                     {
                         (UserFields.Name, name),
                         (UserFields.FirstName, customer.GivenName?.Trim()),
                         (UserFields.Surname, customer.FamilyName?.Trim()),
                         (UserFields.Email, customer.Email?.Trim()),
                         (UserFields.Phone, customer.PhoneNumber?.Trim()),
                         (_fields.LinkField, customer.Id),
                     })
            {
                if (!string.IsNullOrEmpty(value))
                {
                    yield return (field, value!);
                }
            }

            foreach (var mapping in _fields.Mappings.Where(m => m.Source == FieldMappingSource.Metadata))
            {
                if (customer.Metadata.TryGetValue(mapping.GoCardlessField, out var value) && !string.IsNullOrEmpty(value))
                {
                    yield return (mapping.HaloField, value);
                }
            }
        }

        internal static string? CurrentValue(HaloUser user, string field) => field switch
        {
            UserFields.Name => user.Name,
            UserFields.FirstName => user.FirstName,
            UserFields.Surname => user.Surname,
            UserFields.Email => user.Email,
            UserFields.Phone => user.Phone,
            _ => user.CustomFields.TryGetValue(field, out var value) ? value : null,
        };

        private static void Set(HaloUserWrite write, string field, string value)
        {
            switch (field)
            {
                case UserFields.Name: write.Name = value; break;
                case UserFields.FirstName: write.FirstName = value; break;
                case UserFields.Surname: write.Surname = value; break;
                case UserFields.Email: write.Email = value; break;
                case UserFields.Phone: write.Phone = value; break;
                default: write.CustomFields[field] = value; break;
            }
        }

        internal static bool SameValue(string field, string? current, string desired) =>
            string.Equals((current ?? string.Empty).Trim(), desired, field == UserFields.Email ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

        private string Where(HaloUser user) =>
            $"{_directory.Client(user.ClientId)?.Name ?? user.ClientName} / {_directory.Site(user.SiteId)?.Name ?? user.SiteName}";

        private static ImportPlan Skip(Customer customer, MatchedBy by, string reason) =>
            new ImportPlan(customer, ImportAction.Skipped, by) { Reason = reason };
    }

    /// <summary>Names of the standard user fields in plans, results and the audit log.</summary>
    public static class UserFields
    {
        public const string Name = "Name";
        public const string FirstName = "FirstName";
        public const string Surname = "Surname";
        public const string Email = "Email";
        public const string Phone = "Phone";
    }
}
