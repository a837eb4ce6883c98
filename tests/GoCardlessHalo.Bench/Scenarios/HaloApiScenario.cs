// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GoCardlessHalo.Bench.Infrastructure;
using GoCardlessHalo.Core.Halo;
using static GoCardlessHalo.Bench.BenchContext;

namespace GoCardlessHalo.Bench.Scenarios;

/// <summary>
/// 2. The Halo API target alone: read every user of a Halo with 100 customers × 100 users, then create as many
/// users in one site with the default batch size.
/// </summary>
public static class HaloApiScenario
{
    private const int UsersPerClient = 100;

    public static async Task RunAsync(BenchContext context)
    {
        var users = context.Options.HaloUsers;
        var cancel = context.Cancellation;
        var connections = BenchConnections.ForApi(context.Emulator.GoCardlessUri, context.Emulator.HaloUri, Path.Combine(context.WorkFolder, "halo-api"), context.Log);
        await context.Emulator.GenerateHaloAsync((int)Pages(users, UsersPerClient), UsersPerClient, context.Options.Seed);
        context.Emulator.ClearCounts();
        using var session = connections.CreateHaloSession();
        var wall = Stopwatch.StartNew();
        await session.Target.OpenAsync(cancel);
        var auth = context.Emulator.TakeCounts();
        var read = 0;
        await foreach (var _ in session.Target.GetUsersAsync(new HaloUserQuery { IncludeInactive = true }, cancel))
        {
            read++;
        }

        wall.Stop();
        var reads = context.Emulator.TakeCounts();
        var section = context.Report.Section($"2. Halo API: read {users:N0} users, create {users:N0} users");
        section.Exactly("users read", read, Pages(users, UsersPerClient) * UsersPerClient, "the generated Halo", "users");
        section.Exactly("GET /api/Users to read them", reads.Get("GET /halo/api/Users"), Pages(read, 100), $"⌈{read}/100⌉, Halo's page cap");
        section.Count("GET /api/FieldInfo (custom field names)", reads.Get("GET /halo/api/FieldInfo"));
        section.Count("other Halo requests while reading", reads.HaloReads + reads.HaloWrites - reads.Get("GET /halo/api/Users") - reads.Get("GET /halo/api/FieldInfo"));
        section.Count("authentication, once per session (authinfo + token)", auth.HaloAuth);
        section.Duration("wall time, read (incl. authentication)", wall.Elapsed);

        // A Halo with one customer and its invoice site, the users created there (field names already known).
        await context.Emulator.GenerateHaloAsync(1, 0, context.Options.Seed);
        var site = (await ToListAsync(session.Target.GetSitesAsync(cancel))).First(s => s.IsInvoiceSite).Id;
        var writes = Enumerable.Range(1, users)
            .Select(i => new HaloUserWrite { SiteId = site, Name = $"Bench User {i}", FirstName = "Bench", Surname = $"User {i}", Email = $"bench.user{i}@example.com", CustomFields = { ["Department"] = "D" + (i % 20) } })
            .ToList();
        var waitBefore = session.LimiterWait;
        context.Emulator.ClearCounts();
        wall.Restart();
        var created = await session.Target.WriteUsersAsync(writes, cancel);
        wall.Stop();
        var posts = context.Emulator.TakeCounts();
        section.Exactly("users created", created.Count, users, "every write answered", "users");
        section.Exactly("POST /api/Users to create them", posts.Get("POST /halo/api/Users"), Pages(users, 50), $"⌈{users}/50⌉, default batch size");
        section.Count("other Halo requests while creating", posts.HaloReads + posts.HaloWrites + posts.HaloAuth - posts.Get("POST /halo/api/Users"));
        section.Duration("wall time, create", wall.Elapsed);
        section.Duration("+ engine's own wait at 300 req / 5 min, create", session.LimiterWait - waitBefore);
        section.Duration("create at hosted Halo's limit", wall.Elapsed + session.LimiterWait - waitBefore);
        section.Note("Each created user carries a Department custom field value; the target resolves field names from the definitions it read with the users, so writing needs no extra reads. Reading and creating share one session, so the create also pays for the read in the 5-minute window.");
        Print(section);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
