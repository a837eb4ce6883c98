// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.IO;
using System.Linq;
using GoCardlessHalo.Core.Completion;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Tests.Completion;

public sealed class CompletionCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    private static CompletionCache CacheIn(TempDirectory folder) => new(ConfigLocation.Resolve(folder.Path, CurrentPlatform.Instance));

    [Fact]
    public void Without_a_file_every_list_is_empty_and_nothing_is_created()
    {
        using var folder = new TempDirectory();
        var cache = CacheIn(folder);

        var names = cache.Read();

        Assert.Empty(names.HaloClients);
        Assert.Empty(names.GoCardlessCustomerIds);
        Assert.Null(names.UpdatedAt);
        Assert.False(File.Exists(cache.Path));
        Assert.Equal(folder.File(CompletionCache.FileName), cache.Path);
    }

    [Fact]
    public void An_update_replaces_the_kinds_it_carries_sorted_without_duplicates_and_keeps_the_others()
    {
        using var folder = new TempDirectory();
        var cache = CacheIn(folder);
        cache.Update(new CompletionUpdate { HaloClients = new[] { "Zeta Ltd", "acme", "Acme", " " }, GoCardlessCustomerIds = new[] { "CU2", "CU1" } }, Now);

        cache.Update(new CompletionUpdate { HaloClients = new[] { "Brightside" }, HaloUserTextFields = new[] { "Department" } }, Now.AddHours(1));
        var names = cache.Read();

        Assert.Equal(new[] { "Brightside" }, names.HaloClients);
        Assert.Equal(new[] { "Department" }, names.HaloUserTextFields);
        Assert.Equal(new[] { "CU1", "CU2" }, names.GoCardlessCustomerIds);
        Assert.Equal(Now.AddHours(1), names.UpdatedAt);
    }

    [Fact]
    public void Names_are_trimmed_and_deduplicated_ignoring_case()
    {
        using var folder = new TempDirectory();
        var names = CacheIn(folder).Update(new CompletionUpdate { HaloClients = new[] { "Zeta Ltd", "acme ", "Acme", null, " " } }, Now);

        Assert.Equal(new[] { "acme", "Zeta Ltd" }, names.HaloClients);
    }

    [Fact]
    public void A_damaged_file_reads_as_empty_and_the_next_update_replaces_it()
    {
        using var folder = new TempDirectory();
        var cache = CacheIn(folder);
        File.WriteAllText(cache.Path, "{ not json");

        Assert.Empty(cache.Read().HaloSites);
        cache.Update(new CompletionUpdate { HaloSites = new[] { "Acme/Head Office" } }, Now);
        Assert.Equal(new[] { "Acme/Head Office" }, cache.Read().HaloSites);
        Assert.False(File.Exists(cache.Path + ".tmp"));
    }

#if NET
    [Fact]
    public void On_unix_the_file_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows: see OwnerOnlyFiles.
        }

        using var folder = new TempDirectory();
        var cache = CacheIn(folder);
        cache.Update(new CompletionUpdate { GoCardlessCustomerIds = new[] { "CU1" } }, Now);
        cache.Update(new CompletionUpdate { GoCardlessCustomerIds = new[] { "CU2" } }, Now);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cache.Path));
    }
#endif

    [Fact]
    public void Halo_names_offer_active_customers_and_their_active_sites_and_only_user_text_fields()
    {
        var clients = new[] { new HaloClient { Id = 1, Name = "Acme" }, new HaloClient { Id = 2, Name = "Gone Ltd", Inactive = true } };
        var sites = new[]
        {
            new HaloSite { Id = 10, Name = "Head Office", ClientId = 1 },
            new HaloSite { Id = 11, Name = "Closed", ClientId = 1, Inactive = true },
            new HaloSite { Id = 20, Name = "Old", ClientId = 2 },
        };
        var fields = new[]
        {
            new HaloFieldDefinition { Name = "Department", Type = HaloFieldDefinition.TextType, Usage = HaloFieldDefinition.UserUsage },
            new HaloFieldDefinition { Name = "Renewal", Type = 4, Usage = HaloFieldDefinition.UserUsage },
            new HaloFieldDefinition { Name = "AssetTag", Type = HaloFieldDefinition.TextType, Usage = 1 },
        };

        var update = CompletionReader.HaloNames(clients, sites, fields);

        Assert.Equal(new[] { "Acme" }, update.HaloClients!.ToArray());
        Assert.Equal(new[] { "Acme/Head Office" }, update.HaloSites!.ToArray());
        Assert.Equal(new[] { "Head Office" }, update.HaloSiteNames!.ToArray());
        Assert.Equal(new[] { "Department" }, update.HaloUserTextFields!.ToArray());
    }
}
