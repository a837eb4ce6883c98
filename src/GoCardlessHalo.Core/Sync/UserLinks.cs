// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>
    /// Sets or clears a Halo user's GoCardless link by hand (Set-GcUserLink, Remove-GcUserLink), so a wrong link or a
    /// duplicate is fixed without opening SQL. One customer is linked to at most one user: a second link is refused
    /// (the import would otherwise skip the customer as linked twice).
    /// </summary>
    public sealed class UserLinks
    {

        private readonly IHaloTarget _target;
        private readonly string _configuredLinkField;
        private readonly AuditLog? _audit;
        private HaloDirectory? _directory;

        public UserLinks(IHaloTarget target, string linkField, AuditLog? audit)
        {
            _target = target;
            _configuredLinkField = linkField;
            _audit = audit;
        }

        /// <summary>What linking <paramref name="userId"/> to <paramref name="customerId"/> (null: unlinking it) changes; writes nothing.</summary>
        /// <exception cref="GcHaloException">HaloUserNotFound; UserLinkConflict when another user holds the customer id.</exception>
        public async Task<UserLinkChange> PlanAsync(int userId, string? customerId, CancellationToken cancellationToken)
        {
            var directory = await ReadAsync(cancellationToken).ConfigureAwait(false);
            var user = directory.User(userId) ?? throw new GcHaloException(
                ErrorIds.HaloUserNotFound, ErrorKind.NotFound, $"No Halo user has id {userId}. Get-GcUser lists the linked users; the id is in the user's Halo URL.", userId);
            if (customerId is not null)
            {
                var other = directory.UsersLinkedTo(customerId).FirstOrDefault(u => u.Id != userId);
                if (other is not null)
                {
                    throw new GcHaloException(
                        ErrorIds.UserLinkConflict,
                        ErrorKind.Conflict,
                        $"The GoCardless customer {customerId} is already linked to the Halo user {other.Id} ('{other.Name}' in {other.ClientName} / {other.SiteName}). Unlink it first (Remove-GcUserLink -HaloUserId {other.Id}), then link user {userId}.",
                        customerId);
                }
            }

            return new UserLinkChange(user, directory.LinkValue(user), customerId);
        }

        /// <summary>Writes the change (nothing when it changes nothing) and records it in the audit log.</summary>
        public async Task ApplyAsync(UserLinkChange change, CancellationToken cancellationToken)
        {
            if (!change.Changes)
            {
                return;
            }

            var linkField = _directory!.LinkField;
            var write = new HaloUserWrite { Id = change.User.Id };
            write.CustomFields[linkField] = change.NewCustomerId;
            var line = new[]
            {
                new AuditChange(
                    change.NewCustomerId is null ? "user.unlinked" : "user.linked-by-hand",
                    "halo-user:" + change.User.Id,
                    change.NewCustomerId ?? change.OldCustomerId,
                    new Dictionary<string, string?> { [linkField] = change.OldCustomerId },
                    new Dictionary<string, string?> { [linkField] = change.NewCustomerId }),
            };

            // Journaled before the write: a run killed before the line leaves the intent for the next import (AuditLog.Reconcile).
            _audit?.Intend(_target.Location, line);
            await _target.WriteUsersAsync(new[] { write }, cancellationToken).ConfigureAwait(false);
            _audit?.WriteAll(line);
            _audit?.Settle();
            if (change.NewCustomerId is null)
            {
                change.User.CustomFields.Remove(linkField);
            }
            else
            {
                _directory.MarkLinked(change.User, change.NewCustomerId);
            }
        }

        // One read of Halo's users per cmdlet call, kept current as links change, like the import's snapshot.
        private async Task<HaloDirectory> ReadAsync(CancellationToken cancellationToken)
        {
            if (_directory is not null)
            {
                return _directory;
            }

            var linkField = await UserFieldResolver.ResolveLinkFieldAsync(_target, _configuredLinkField, cancellationToken).ConfigureAwait(false);
            var users = new List<HaloUser>();
            await foreach (var user in _target.GetUsersAsync(new HaloUserQuery { IncludeInactive = true }, cancellationToken).ConfigureAwait(false))
            {
                users.Add(user);
            }

            return _directory = new HaloDirectory(new List<HaloClient>(), new List<HaloSite>(), users, linkField, Import.MatchMode.Exact);
        }
    }

    /// <summary>A planned change of one user's link: what -WhatIf shows and what Set-GcUserLink returns.</summary>
    public sealed class UserLinkChange
    {
        public UserLinkChange(HaloUser user, string? oldCustomerId, string? newCustomerId)
        {
            User = user;
            OldCustomerId = oldCustomerId;
            NewCustomerId = newCustomerId;
        }

        public HaloUser User { get; }

        public string? OldCustomerId { get; }

        public string? NewCustomerId { get; }

        /// <summary>False when the user already holds exactly this link (or is already unlinked).</summary>
        public bool Changes => OldCustomerId != NewCustomerId;

        /// <summary>One line for -WhatIf and -Verbose.</summary>
        public string Describe() =>
            NewCustomerId is null ? $"Unlink from GoCardless customer {OldCustomerId}"
            : OldCustomerId is null ? $"Link to GoCardless customer {NewCustomerId}"
            : $"Link to GoCardless customer {NewCustomerId} (was {OldCustomerId})";
    }
}
