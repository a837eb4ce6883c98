// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync.Import;
using static GoCardlessHalo.Core.Tests.Halo.HaloBehaviourSeed;

namespace GoCardlessHalo.Core.Tests.Halo;

/// <summary>
/// Issue 8: the same customer data gives the same import outcome on every target. A customer with only an email is
/// created, named after it; values longer than Halo's columns fail that customer alone (HaloValueTooLong, with the
/// column and its size), never the batch around it.
/// </summary>
public abstract partial class HaloTargetBehaviour
{
    [Fact]
    public async Task One_import_batch_gives_each_customer_its_own_outcome_whatever_the_target()
    {
        using var target = await CreateAsync();
        var importer = new UserImporter(target, new ImportOptions { LinkField = LinkField, DefaultSite = AcmeHeadOffice.ToString() }, NullEngineLog.Instance, audit: null);
        await importer.PrepareAsync(CancellationToken.None);
        var customers = new[]
        {
            new Customer { Id = "CU-PLAIN", GivenName = "Pat", FamilyName = "Plain", Email = "pat@plain.example" },
            new Customer { Id = "CU-EMAILONLY", Email = "only@mail.example" },
            new Customer { Id = "CU-LONGNAME", GivenName = "Lee", FamilyName = new string('n', 260), Email = "lee@long.example" },
            new Customer { Id = "CU-LONGMAIL", GivenName = "Kim", FamilyName = "Mail", Email = new string('m', 250) + "@long.example" },
        };

        var results = await importer.WriteAsync(customers.Select(importer.Plan).ToList(), CancellationToken.None);

        Assert.Equal(
            new[] { "CU-PLAIN Created ", "CU-EMAILONLY Created ", "CU-LONGNAME Failed HaloValueTooLong", "CU-LONGMAIL Failed HaloValueTooLong" },
            results.Select(r => $"{r.CustomerId} {r.Action} {r.Error?.ErrorId}"));
        Assert.Contains("USERS.uusername is 264 characters long; Halo's column holds at most 255", results[2].Error!.Message, System.StringComparison.Ordinal);
        Assert.Contains("USERS.uemail is 263 characters long; Halo's column holds at most 255", results[3].Error!.Message, System.StringComparison.Ordinal);
        var emailOnly = Assert.Single(await ReadUsersAsync(target, new HaloUserQuery { LinkField = LinkField, LinkValue = "CU-EMAILONLY" }));
        Assert.Equal(("only@mail.example", "only@mail.example", AcmeHeadOffice), (emailOnly.Name, emailOnly.Email, emailOnly.SiteId));
        Assert.Single(await ReadUsersAsync(target, new HaloUserQuery { LinkField = LinkField, LinkValue = "CU-PLAIN" }));
        Assert.Empty(await ReadUsersAsync(target, new HaloUserQuery { LinkField = LinkField, LinkValue = "CU-LONGNAME" }));
    }
}
