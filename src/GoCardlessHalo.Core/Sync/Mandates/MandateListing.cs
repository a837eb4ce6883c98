// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Sync.Mandates
{
    /// <summary>Which mandates Get-GcMandate lists.</summary>
    public sealed class MandateQuery
    {
        /// <summary>Only this GoCardless customer's mandates (linked to a Halo user or not).</summary>
        public string? CustomerId { get; set; }

        /// <summary>Only the mandates of the customer this Halo user is linked to.</summary>
        public int? HaloUserId { get; set; }

        /// <summary>Only mandates in these statuses; null or empty: every status.</summary>
        public IReadOnlyCollection<string>? Statuses { get; set; }
    }

    /// <summary>A GoCardless mandate and the Halo user linked to its customer (null when none is).</summary>
    public sealed record MandateInfo(Mandate Mandate, HaloUser? User);

    /// <summary>
    /// Lists mandates straight from GoCardless (status and next possible charge date are GoCardless's, never a stale copy)
    /// with the Halo user, customer and site of their customer: one read of Halo's linked users, then GoCardless's mandate
    /// list (one customer's, or every mandate of a customer linked to Halo, 500 a page), streamed.
    /// </summary>
    public sealed class MandateListing
    {
        private readonly GoCardlessClient _client;
        private readonly IHaloTarget _target;
        private readonly string _configuredLinkField;
        private (string LinkField, List<HaloUser> Users, ILookup<string?, HaloUser> ByCustomer)? _linked;

        public MandateListing(GoCardlessClient client, IHaloTarget target, string linkField)
        {
            _client = client;
            _target = target;
            _configuredLinkField = linkField;
        }

        /// <exception cref="GcHaloException">HaloUserNotLinked when <see cref="MandateQuery.HaloUserId"/> names no linked user.</exception>
        public async IAsyncEnumerable<MandateInfo> ListAsync(MandateQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var (linkField, users, byCustomer) = _linked ??= await ReadLinkedUsersAsync(cancellationToken).ConfigureAwait(false);
            var customer = query.CustomerId;
            if (query.HaloUserId is { } userId)
            {
                var user = users.FirstOrDefault(u => u.Id == userId) ?? throw new GcHaloException(
                    ErrorIds.HaloUserNotLinked, ErrorKind.NotFound, $"The Halo user {userId} is not linked to a GoCardless customer, so it has no mandates here. Get-GcUser lists the linked users.", userId);
                customer = LinkValues.Read(user, linkField);
            }

            var statuses = query.Statuses is { Count: > 0 } wanted ? new HashSet<string>(wanted, StringComparer.Ordinal) : null;
            var filter = new MandateFilter { Customer = customer };
            await foreach (var mandate in _client.ListMandatesAsync(filter, cancellationToken).ConfigureAwait(false))
            {
                var holder = mandate.CustomerId is null ? null : byCustomer[mandate.CustomerId].FirstOrDefault();
                // Without a customer named, the listing is about Halo's customers: mandates of customers no Halo user holds are left out.
                if ((customer is null && holder is null) || (statuses is not null && !statuses.Contains(mandate.Status)))
                {
                    continue;
                }

                yield return new MandateInfo(mandate, holder);
            }
        }

        // Read once per cmdlet call, however many users or customers are piped in.
        private async Task<(string, List<HaloUser>, ILookup<string?, HaloUser>)> ReadLinkedUsersAsync(CancellationToken cancellationToken)
        {
            var linkField = await UserFieldResolver.ResolveLinkFieldAsync(_target, _configuredLinkField, cancellationToken).ConfigureAwait(false);
            var search = new UserSearch(_target, linkField);
            var users = new List<HaloUser>();
            await foreach (var user in search.FindAsync(new UserFilter { LinkedOnly = true, IncludeInactive = true }, cancellationToken).ConfigureAwait(false))
            {
                users.Add(user);
            }

            return (linkField, users, search.ByCustomer(users));
        }
    }
}
