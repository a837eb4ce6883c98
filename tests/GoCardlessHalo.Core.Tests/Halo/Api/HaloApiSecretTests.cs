// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Api;
using GoCardlessHalo.Emulator;
using static GoCardlessHalo.Core.Tests.Halo.Api.HaloApiTestKit;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

public sealed class HaloApiSecretTests
{
    [Fact]
    public async Task Neither_the_secret_nor_any_token_appears_in_logs_errors_or_descriptions()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Halo:TokenLifetimeSeconds=60");
        await SeedAsync(host, SmallHalo());
        var handler = new RecordingHandler();
        var clock = new ManualClock();
        var log = new RecordingLog();
        var options = Options(host, clock, handler);
        options.RateLimitPer5Minutes = 2;
        using var target = new HaloApiTarget(options, log);
        var texts = new List<string> { options.ToString(), target.Location };

        // A full life: open, rate-limit wait, reads, writes, renewal, a refused token, and failures that echo secrets.
        await target.OpenAsync(CancellationToken.None);
        await UsersAsync(target);
        await target.WriteUsersAsync(new[] { new HaloUserWrite { SiteId = 10, Name = "X", CustomFields = { ["GoCardlessCustomerId"] = "CU1" } } }, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(61));
        await AdminAsync(host, "halo/tokens/expire");
        await ToListAsync(target.GetSitesAsync(CancellationToken.None));
        var tokens = handler.Requests.Select(r => r.Headers.Authorization?.Parameter).OfType<string>().Distinct().ToList();
        await FaultAsync(host, new { kind = "status", status = 400, service = "halo", pathContains = "/api/Client", body = $"{{\"Message\":\"bad secret {ClientSecret} and token {tokens[0]}\"}}", contentType = "application/json" });
        texts.Add((await Assert.ThrowsAsync<HaloApiException>(() => ToListAsync(target.GetClientsAsync(CancellationToken.None)))).ToString());

        var wrong = Options(host);
        wrong.ClientSecret = "wrong-" + ClientSecret;
        using (var refused = new HaloApiTarget(wrong, log))
        {
            texts.Add((await Assert.ThrowsAsync<HaloApiException>(() => refused.OpenAsync(CancellationToken.None))).ToString());
        }

        texts.AddRange(log.Messages);
        Assert.True(tokens.Count >= 2, "expected the token to have been renewed");
        Assert.Contains(texts, t => t.Contains("bad secret *** and token ***", StringComparison.Ordinal));
        foreach (var secret in tokens.Append(ClientSecret))
        {
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_secret_where_a_long_error_message_is_cut_leaves_none_of_itself_behind()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        using var target = new HaloApiTarget(Options(host));
        await target.OpenAsync(CancellationToken.None);
        await FaultAsync(host, new { kind = "status", status = 500, service = "halo", pathContains = "/api/Client", body = new string('x', 495) + ClientSecret });

        var error = await Assert.ThrowsAsync<HaloApiException>(() => ToListAsync(target.GetClientsAsync(CancellationToken.None)));

        Assert.Contains(new string('x', 495) + "***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientSecret.Substring(0, 5), error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_client_secret_cannot_be_read_back_from_the_options()
    {
        var property = typeof(HaloApiOptions).GetProperty(nameof(HaloApiOptions.ClientSecret))!;

        Assert.Null(property.GetGetMethod(nonPublic: false));
        Assert.NotNull(property.GetSetMethod(nonPublic: false));
        Assert.DoesNotContain("hunter2", new HaloApiOptions { ClientSecret = "hunter2" }.ToString(), StringComparison.Ordinal);
    }
}
