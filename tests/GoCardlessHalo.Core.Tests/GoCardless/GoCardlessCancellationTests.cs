// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo.Core.Tests.GoCardless;

/// <summary>Cancellation surfaces promptly as OperationCanceledException, whatever the client is doing.</summary>
public sealed class GoCardlessCancellationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public GoCardlessCancellationTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.ResetAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Cancelling_mid_list_stops_before_the_next_page_is_requested()
    {
        await _emulator.GenerateAsync(customers: 1000, payments: 0);
        _emulator.ClearRequestCounts();
        using var client = _emulator.Client();
        using var cancel = new CancellationTokenSource();
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.ListCustomersAsync(new CustomerFilter { PageSize = 100 }, cancel.Token))
            {
                if (++read == 150)
                {
                    cancel.Cancel();
                }
            }
        });

        Assert.Equal(150, read);
        Assert.Equal(2, _emulator.Count("GET /gocardless/customers"));
    }

    [Fact]
    public async Task Cancelling_during_a_backoff_wait_ends_the_call_at_once()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.ServiceUnavailable, "{}"));
        var clock = new RecordingClock { BlockUntilCancelled = true };
        using var client = new GoCardlessClient(new GoCardlessClientOptions
        {
            Environment = GoCardlessEnvironment.Sandbox, AccessToken = "sandbox_x", HttpMessageHandler = stub, Clock = clock,
        });
        using var cancel = new CancellationTokenSource();

        var call = client.GetPaymentAsync("PM1", cancel.Token);
        await clock.DelayStarted.Task;
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_an_answer_is_not_mistaken_for_a_timeout()
    {
        await _emulator.PostAdminAsync("faults", new { kind = "stall", count = 1, service = "gocardless", stallMilliseconds = 30_000 });
        using var client = _emulator.Client();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetCustomerAsync("CU1", cancel.Token));

        Assert.True(cancel.IsCancellationRequested);
        Assert.IsNotType<Core.Errors.GcHaloException>(error);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{}"));
        using var client = new GoCardlessClient(new GoCardlessClientOptions { AccessToken = "t", HttpMessageHandler = stub, Clock = new RecordingClock() });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ValidateTokenAsync(new CancellationToken(canceled: true)));

        Assert.Empty(stub.Requests);
    }
}
