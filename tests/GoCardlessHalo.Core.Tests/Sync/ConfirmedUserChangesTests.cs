// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Import;

namespace GoCardlessHalo.Core.Tests.Sync;

/// <summary>
/// What a killed run's intent left in the audit journal counts as done, judged from Halo as the next import reads it
/// (<see cref="ConfirmedUserChanges"/>): only a change Halo holds is logged for the killed run.
/// </summary>
public sealed class ConfirmedUserChangesTests
{
    private const string Link = "GoCardlessCustomerId";

    private static readonly HaloSite[] Sites =
    {
        new() { Id = 10, Name = "Head Office", ClientId = 1, ClientName = "Acme" },
        new() { Id = 30, Name = "Default Site", ClientId = 3, ClientName = "Unassigned" },
    };

    [Fact]
    public void A_create_is_done_when_a_user_holds_the_link_and_takes_that_users_id()
    {
        var directory = Directory(User(7, 10, "cu1"));

        var done = ConfirmedUserChanges.Confirm(Change("user.created", AuditIntent.UnknownUser, "CU1", null), directory);

        Assert.Equal("halo-user:7", done?.Target);
        Assert.Null(ConfirmedUserChanges.Confirm(Change("user.created", AuditIntent.UnknownUser, "CU2", null), directory));
    }

    [Fact]
    public void Links_set_or_cleared_by_hand_are_done_when_the_user_holds_the_intended_link()
    {
        var directory = Directory(User(7, 10, "CU1"), User(8, 10, null));

        Assert.NotNull(ConfirmedUserChanges.Confirm(Change("user.linked-by-hand", "halo-user:7", "CU1", new() { [Link] = "CU1" }), directory));
        Assert.Null(ConfirmedUserChanges.Confirm(Change("user.linked-by-hand", "halo-user:8", "CU2", new() { [Link] = "CU2" }), directory));
        Assert.NotNull(ConfirmedUserChanges.Confirm(Change("user.unlinked", "halo-user:8", "CU3", new() { [Link] = null }), directory));
        Assert.Null(ConfirmedUserChanges.Confirm(Change("user.unlinked", "halo-user:7", "CU1", new() { [Link] = null }), directory));
    }

    [Fact]
    public void A_move_out_of_the_default_site_is_done_when_the_user_is_in_the_intended_site()
    {
        var directory = Directory(User(7, 10, "CU1"), User(8, 30, "CU2"));

        Assert.NotNull(ConfirmedUserChanges.Confirm(Change("user.moved-from-default-site", "halo-user:7", "CU1", new() { ["Site"] = "Acme/Head Office" }), directory));
        Assert.Null(ConfirmedUserChanges.Confirm(Change("user.moved-from-default-site", "halo-user:8", "CU2", new() { ["Site"] = "Acme/Head Office" }), directory));
    }

    [Fact]
    public void An_update_is_done_only_when_the_user_holds_the_link_and_every_new_value()
    {
        var directory = Directory(User(7, 10, "CU1", email: "new@example.com"));

        Assert.NotNull(ConfirmedUserChanges.Confirm(Change("user.updated", "halo-user:7", "CU1", new() { [UserFields.Email] = "NEW@example.com" }), directory));
        Assert.Null(ConfirmedUserChanges.Confirm(Change("user.updated", "halo-user:7", "CU1", new() { [UserFields.Email] = "other@example.com" }), directory));
        Assert.Null(ConfirmedUserChanges.Confirm(Change("user.updated", "halo-user:7", "CU9", new() { [UserFields.Email] = "new@example.com" }), directory));
        Assert.Null(ConfirmedUserChanges.Confirm(Change("payment.status", "payment:PM1", "CU1", null), directory));
    }

    [Fact]
    public void A_payment_summary_is_done_when_the_linked_user_holds_every_summary_value()
    {
        var user = User(7, 10, "CU1");
        user.CustomFields["LastPaymentStatus"] = "paid_out";
        var directory = Directory(user);

        Assert.NotNull(ConfirmedUserChanges.Confirm(Change("user.payment_summary", "halo-user:7", "CU1", new() { ["LastPaymentStatus"] = "paid_out" }), directory));
        Assert.Null(ConfirmedUserChanges.Confirm(Change("user.payment_summary", "halo-user:7", "CU1", new() { ["LastPaymentStatus"] = "failed" }), directory));
    }

    private static AuditChange Change(string action, string target, string customerId, Dictionary<string, string?>? after) =>
        new(action, target, customerId, null, after);

    private static HaloDirectory Directory(params HaloUser[] users) =>
        new(new[] { new HaloClient { Id = 1, Name = "Acme" }, new HaloClient { Id = 3, Name = "Unassigned" } }, Sites, users, Link, MatchMode.Exact);

    private static HaloUser User(int id, int siteId, string? link, string? email = null)
    {
        var user = new HaloUser { Id = id, Name = "User " + id, SiteId = siteId, Email = email };
        if (link is not null)
        {
            user.CustomFields[Link] = link;
        }

        return user;
    }
}
