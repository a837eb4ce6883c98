// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync.Import;

namespace GoCardlessHalo.Core.Sync.Inbox
{
    /// <summary>
    /// The Default Site as an inbox, not a grave (issue 11): the linked users still there, why each landed there, which
    /// now match a Halo customer by the import's own rule (<see cref="PlacementMatcher"/>: override, exact name, normalised
    /// name), and moving those. A move re-reads the user first and moves only a user still in the Default Site and
    /// still linked to the same customer: a user an agent moved elsewhere meanwhile stays where the agent put it.
    /// </summary>
    public sealed class DefaultSiteInbox
    {
        private readonly IHaloTarget _target;
        private readonly Func<string, CancellationToken, Task<Customer>> _getCustomer;
        private readonly ImportOptions _options;
        private readonly AuditLog? _audit;
        private PlacementMatcher? _matcher;
        private string? _linkField;

        /// <param name="target">The opened Halo target.</param>
        /// <param name="getCustomer">Reads one GoCardless customer by id (GoCardlessClient.GetCustomerAsync).</param>
        /// <param name="options">The import's settings: link field, Default Site, match mode, overrides.</param>
        /// <param name="audit">Where moves are recorded; null for a listing.</param>
        public DefaultSiteInbox(IHaloTarget target, Func<string, CancellationToken, Task<Customer>> getCustomer, ImportOptions options, AuditLog? audit)
        {
            _target = target;
            _getCustomer = getCustomer;
            _options = options;
            _audit = audit;
        }

        /// <summary>The Default Site the settings name (after <see cref="PrepareAsync"/>).</summary>
        public HaloSite DefaultSite => Matcher.DefaultSite;

        private PlacementMatcher Matcher => _matcher ?? throw new InvalidOperationException("Call PrepareAsync first.");

        /// <summary>Reads Halo's customers and sites once and finds the Default Site and the link field.</summary>
        /// <exception cref="GcHaloException">DefaultSiteNotSet/NotFound/Ambiguous, LinkFieldInvalid, or a Halo failure.</exception>
        public async Task PrepareAsync(CancellationToken cancellationToken)
        {
            _linkField = await UserFieldResolver.ResolveLinkFieldAsync(_target, _options.LinkField, cancellationToken).ConfigureAwait(false);
            var clients = await ReadAllAsync(_target.GetClientsAsync(cancellationToken)).ConfigureAwait(false);
            var sites = await ReadAllAsync(_target.GetSitesAsync(cancellationToken)).ConfigureAwait(false);
            var directory = new HaloDirectory(clients, sites, Array.Empty<HaloUser>(), _linkField, _options.MatchMode);
            _matcher = new PlacementMatcher(directory, directory.ResolveDefaultSite(_options.DefaultSite), _options.Overrides);
        }

        /// <summary>The active linked users in the Default Site, each with where the import's rule would place it now.</summary>
        public async IAsyncEnumerable<DefaultSiteUser> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var query = new HaloUserQuery { SiteId = DefaultSite.Id, LinkField = _linkField };
            await foreach (var user in _target.GetUsersAsync(query, cancellationToken).ConfigureAwait(false))
            {
                var customerId = LinkValues.Read(user, _linkField!);
                if (customerId is not null && user.SiteId == DefaultSite.Id)
                {
                    yield return await PlaceAsync(user, customerId, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// What moving the user would do, from a fresh read of the user and its GoCardless customer: null when no active
        /// Halo user has the id.
        /// </summary>
        public async Task<DefaultSiteUser?> PlanMoveAsync(int haloUserId, CancellationToken cancellationToken)
        {
            var user = await ReadUserAsync(haloUserId, cancellationToken).ConfigureAwait(false);
            if (user is null)
            {
                return null;
            }

            var customerId = LinkValues.Read(user, _linkField!);
            if (customerId is null)
            {
                return DefaultSiteUser.NotMovable(user, null, DefaultSite, $"The Halo user {user.Id} holds no GoCardless link, so the module does not place it.");
            }

            return user.SiteId != DefaultSite.Id
                ? DefaultSiteUser.NotMovable(user, customerId, DefaultSite, LeftAlone(user))
                : await PlaceAsync(user, customerId, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Moves the user to the planned site if, read again now, it is still in the Default Site and still linked to
        /// the same customer; otherwise leaves it and says why. Writes the audit log for a move.
        /// </summary>
        public async Task<DefaultSiteMove> MoveAsync(DefaultSiteUser planned, CancellationToken cancellationToken)
        {
            if (!planned.CanMove)
            {
                return new DefaultSiteMove(planned, moved: false, planned.Problem ?? "It does not match a Halo customer yet.");
            }

            // Read again at the moment of the move: an agent may have moved the user since the listing (or the -Confirm prompt).
            var now = await ReadUserAsync(planned.User.Id, cancellationToken).ConfigureAwait(false);
            if (now is null)
            {
                return new DefaultSiteMove(planned, moved: false, $"The Halo user {planned.User.Id} no longer exists or is inactive.");
            }

            if (now.SiteId != DefaultSite.Id)
            {
                return new DefaultSiteMove(planned, moved: false, LeftAlone(now));
            }

            if (!LinkValues.Comparer.Equals(LinkValues.Read(now, _linkField!) ?? string.Empty, planned.CustomerId ?? string.Empty))
            {
                return new DefaultSiteMove(planned, moved: false, $"The Halo user {now.Id} is now linked to {LinkValues.Read(now, _linkField!) ?? "no customer"}, not {planned.CustomerId}: list the Default Site again.");
            }

            var destination = planned.Placement!.Site!;
            var line = new[]
            {
                new AuditChange(
                    "user.moved-from-default-site",
                    "halo-user:" + now.Id,
                    planned.CustomerId,
                    new Dictionary<string, string?> { ["Site"] = ConfirmedUserChanges.SiteLabel(DefaultSite) },
                    new Dictionary<string, string?> { ["Site"] = ConfirmedUserChanges.SiteLabel(destination) }),
            };

            // Journaled before the write: a run killed before the line leaves the intent for the next import (AuditLog.Reconcile).
            _audit?.Intend(_target.Location, line);
            await _target.WriteUsersAsync(new[] { new HaloUserWrite { Id = now.Id, SiteId = destination.Id } }, cancellationToken).ConfigureAwait(false);
            _audit?.WriteAll(line);
            _audit?.Settle();
            return new DefaultSiteMove(planned, moved: true, null);
        }

        private async Task<DefaultSiteUser> PlaceAsync(HaloUser user, string customerId, CancellationToken cancellationToken)
        {
            Customer customer;
            try
            {
                customer = await _getCustomer(customerId, cancellationToken).ConfigureAwait(false);
            }
            catch (GcHaloException ex) when (ex.ErrorId == ErrorIds.GoCardlessNotFound)
            {
                return DefaultSiteUser.NotMovable(user, customerId, DefaultSite, $"GoCardless has no customer {customerId}; fix the link with Set-GcUserLink or Remove-GcUserLink.");
            }

            return new DefaultSiteUser(user, customer, DefaultSite, Matcher.Place(customer));
        }

        private async Task<HaloUser?> ReadUserAsync(int id, CancellationToken cancellationToken)
        {
            await foreach (var user in _target.GetUsersAsync(new HaloUserQuery { UserIds = new[] { id } }, cancellationToken).ConfigureAwait(false))
            {
                if (user.Id == id)
                {
                    return user;
                }
            }

            return null;
        }

        private static string LeftAlone(HaloUser user) =>
            $"The Halo user {user.Id} is no longer in the Default Site (now {user.ClientName} / {user.SiteName}): left where it was put.";

        private static async Task<List<T>> ReadAllAsync<T>(IAsyncEnumerable<T> source)
        {
            var list = new List<T>();
            await foreach (var item in source.ConfigureAwait(false))
            {
                list.Add(item);
            }

            return list;
        }
    }
}
