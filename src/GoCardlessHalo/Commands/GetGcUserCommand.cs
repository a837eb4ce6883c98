// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Completion;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets Halo users linked to GoCardless customers (or every user with -All).</para>
    /// <para type="description">Reads the configured Halo target. -Client and -Site take a name (wildcards allowed) or an id.
    /// -CustomerId takes GoCardless customer ids, also from the pipeline (Get-GcCustomer); an id no Halo user is linked to
    /// is a non-terminating error (HaloUserNotLinked). Output pipes into Get-GcPayment by HaloUserId.</para>
    /// <para type="description">A user is linked when its link field (GoCardlessCustomerId by default, set with Enable-GcModule
    /// -LinkField) holds a GoCardless customer id; Import-GcUser sets it. Each user carries its GoCardless id and every custom
    /// field value (CustomFields), so mapped fields can be checked. Inactive users are left out unless -IncludeInactive is given.</para>
    /// <para type="link">Import-GcUser</para>
    /// <para type="link">Get-GcPayment</para>
    /// <para type="link">Get-GcCustomer</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Get-GcUser -Client 'Acme*'</code>
    /// <para>The linked users of every Halo customer whose name starts with Acme: HaloUserId, Name, Email, Client, Site and
    /// GoCardlessCustomerId.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcUser -CustomerId CU000123ABC | Get-GcPayment</code>
    /// <para>Finds the Halo user linked to a GoCardless customer, wherever it has been moved, and lists its payments newest first.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; (Get-GcUser -CustomerId CU000123ABC).CustomFields['AccountRef']</code>
    /// <para>The value a field mapping (account_ref to AccountRef) wrote to the user's AccountRef custom field.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcUser -All -Site 'Default Site' -IncludeInactive | Where-Object { -not $_.GoCardlessCustomerId }</code>
    /// <para>Every user of the sites named Default Site, active or not, that is not linked to a GoCardless customer.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "GcUser", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(GcUser))]
    public sealed class GetGcUserCommand : GcCmdlet
    {
        private const string ListSet = "List";
        private const string CustomerSet = "Customer";
        private IHaloTarget? _target;
        private UserSearch? _search;
        private ILookup<string?, HaloUser>? _linked;

        /// <summary>All users, linked to a GoCardless customer or not. By default only linked users are returned.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter All { get; set; }

        /// <summary>Only users of the Halo customers that match: a name (wildcards allowed, case-insensitive) or a customer id.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HaloClientCompleter))]
        public string? Client { get; set; }

        /// <summary>Only users of the Halo sites that match: a name (wildcards allowed, case-insensitive) or a site id.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HaloSiteCompleter))]
        public string? Site { get; set; }

        /// <summary>Include users that are inactive in Halo.</summary>
        [Parameter]
        public SwitchParameter IncludeInactive { get; set; }

        /// <summary>The users linked to these GoCardless customer ids (CU…), also from the pipeline: strings, or any object with a
        /// CustomerId property (e.g. Get-GcCustomer output). An id no user is linked to is a non-terminating error.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = CustomerSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CustomerIdCompleter))]
        public string[] CustomerId { get; set; } = Array.Empty<string>();

        protected override void Begin()
        {
            _target = Connections.CreateHaloTarget();
            Await(_target.OpenAsync(CancellationToken));
            _search = new UserSearch(_target, Await(UserFieldResolver.ResolveLinkFieldAsync(_target, Context.Settings.Halo.LinkField, CancellationToken)));
        }

        protected override void Process()
        {
            if (ParameterSetName != CustomerSet)
            {
                return;
            }

            // One read of the linked users serves every id piped in, however many there are.
            _linked ??= _search!.ByCustomer(ReadUsers(linkedOnly: true).ToList());
            foreach (var id in CustomerId.Select(i => i.Trim()))
            {
                if (_linked.Contains(id))
                {
                    var users = _linked[id].ToList();
                    WarnIfDuplicate(id, users);
                    users.ForEach(u => WriteObject(ToOutput(u)));
                }
                else
                {
                    WriteItemError(new GcHaloException(ErrorIds.HaloUserNotLinked, ErrorKind.NotFound, $"No Halo user is linked to the GoCardless customer {id}. Import-GcUser -CustomerId {id} creates or links one.", id));
                }
            }
        }

        protected override void End()
        {
            if (ParameterSetName == ListSet)
            {
                var users = new List<HaloUser>();
                foreach (var user in ReadUsers(linkedOnly: !All))
                {
                    users.Add(user);
                    WriteObject(ToOutput(user));
                }

                foreach (var group in _search!.ByCustomer(users).Where(g => g.Key is not null))
                {
                    WarnIfDuplicate(group.Key!, group.ToList());
                }
            }
        }

        protected override void DisposeResources() => _target?.Dispose();

        private void WarnIfDuplicate(string customerId, IReadOnlyList<HaloUser> users)
        {
            if (users.Count > 1)
            {
                WriteWarning($"{DuplicateLinks.Describe(customerId, users.Select(u => u.Id), _search!.LinkField)}: Import-GcUser skips that customer. {DuplicateLinks.Fix(_search!.LinkField)}");
            }
        }

        private IEnumerable<HaloUser> ReadUsers(bool linkedOnly) => Stream(_search!.FindAsync(
            new UserFilter { LinkedOnly = linkedOnly, IncludeInactive = IncludeInactive, Client = NameFilter(Client, nameof(Client)), Site = NameFilter(Site, nameof(Site)) },
            CancellationToken));

        private static NameFilter? NameFilter(string? text, string parameter) =>
            text is null ? null : new NameFilter(text, WildcardPatterns.Parse(text, parameter, WildcardOptions.IgnoreCase).IsMatch);

        private GcUser ToOutput(HaloUser user)
        {
            var output = new GcUser
            {
                HaloUserId = user.Id,
                Name = user.Name,
                FirstName = user.FirstName,
                Surname = user.Surname,
                Email = user.Email,
                Phone = user.Phone,
                ClientId = user.ClientId,
                Client = user.ClientName,
                SiteId = user.SiteId,
                Site = user.SiteName,
                GoCardlessCustomerId = user.CustomFields.TryGetValue(_search!.LinkField, out var link) ? link : null,
                Inactive = user.Inactive,
            };
            foreach (var pair in user.CustomFields)
            {
                output.CustomFields[pair.Key] = pair.Value;
            }

            return output;
        }
    }
}
