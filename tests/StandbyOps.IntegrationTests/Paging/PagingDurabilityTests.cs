using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Components;
using StandbyOps.Testing.FakeTwilio;

namespace StandbyOps.IntegrationTests.Paging;

public sealed class PagingDurabilityTests
{
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task After_a_kill_mid_escalation_the_next_step_is_sent_once_on_time(string store)
    {
        var postgres = store == "postgres" ? await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("server") : null;
        await using var paging = await PagingServer.StartAsync(postgres: postgres);
        await paging.FireAsync("api1");
        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Anna).Count == 1), "the on-call engineer is paged");
        await paging.AdvanceAsync(5 * 60);
        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Bram).Count == 1), "the backup is paged");
        // Kill once both sends are recorded: a kill between Twilio's answer and the record may repeat one SMS by design,
        // which is not what this test is about.
        var caseNumber = (await paging.IncidentsAsync()).Single().GetProperty("caseNumber").GetString()!;
        await Poll.UntilAsync(async () => (await paging.IncidentAsync(caseNumber)).GetProperty("pages").EnumerateArray()
            .Count(p => p.GetProperty("status").GetString() != "pending") == 2, "both sends are recorded");

        await paging.RestartKilledAsync("2026-11-24T19:09:00Z");
        Assert.Empty(paging.SmsTo(PagingServer.Chris));
        await paging.AdvanceAsync(60);
        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Chris).Count == 1), "the named engineer is paged at 10 minutes");
        // On to 19:29, before the 19:30 response deadline whose breach notices are SMS too: no step repeats.
        await paging.AdvanceAsync(19 * 60);

        var incident = (await paging.IncidentsAsync()).Single();
        Assert.Equal(3, (await paging.IncidentAsync(incident.GetProperty("caseNumber").GetString()!)).GetProperty("pages").GetArrayLength());
        Assert.Single(paging.SmsTo(PagingServer.Anna));
        Assert.Single(paging.SmsTo(PagingServer.Bram));
        Assert.Single(paging.SmsTo(PagingServer.Chris));
    }

    [Fact]
    public async Task Twilio_errors_and_throttling_delay_a_page_but_it_goes_out_once()
    {
        await using var paging = await PagingServer.StartAsync();
        paging.Twilio.EnqueueFault(FakeTwilioFault.ServerError(500), 2);
        paging.Twilio.EnqueueFault(FakeTwilioFault.TooManyRequests(TimeSpan.FromSeconds(1)), 2);

        await paging.FireAsync("cache1");
        // The sender's own retries give up after three attempts; the durable row is re-driven when due again.
        await Poll.UntilAsync(async () =>
        {
            await paging.AdvanceAsync(2);
            return paging.SmsTo(PagingServer.Anna).Count >= 1;
        }, "the page goes out after the faults");
        await paging.AdvanceAsync(60);

        Assert.Single(paging.SmsTo(PagingServer.Anna));
    }

    [Fact]
    public async Task A_Twilio_that_hangs_past_the_senders_timeout_delays_the_page_but_it_goes_out_once()
    {
        await using var paging = await PagingServer.StartAsync();
        // Longer than the sender's 10 s timeout: the fake sees the client give up (499) and creates no message.
        paging.Twilio.EnqueueFault(FakeTwilioFault.Delay(TimeSpan.FromSeconds(30)));

        await paging.FireAsync("queue1");
        await Poll.UntilAsync(async () =>
        {
            await paging.AdvanceAsync(2);
            return paging.SmsTo(PagingServer.Anna).Count >= 1;
        }, "the page goes out after the hung request", TimeSpan.FromSeconds(60)); // the sender's 10 s timeout, then its retry
        await paging.AdvanceAsync(60);

        Assert.Single(paging.SmsTo(PagingServer.Anna));
        await Poll.UntilAsync(() => Task.FromResult(paging.Twilio.Requests.Any(r => r.Status == 499)), "the fake saw the sender give up on the hung request");
    }

    [Fact]
    public async Task An_outage_of_200_systems_is_one_sms_to_the_paged_engineer()
    {
        await using var paging = await PagingServer.StartAsync(groupWait: "15s");

        await paging.FireAsync([.. Enumerable.Range(1, 200).Select(i => $"sys{i:D3}")]);
        Assert.Equal(200, (await paging.IncidentsAsync()).Length);
        // 200 starts of two store transactions each: more than the default 20 s on a loaded machine.
        await paging.WaitForPagingStartsAsync(200, TimeSpan.FromSeconds(90));
        await paging.AdvanceAsync(20);
        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Anna).Count == 1), "one SMS to the on-call engineer");
        await paging.AdvanceAsync(20);

        var sms = Assert.Single(paging.SmsTo(PagingServer.Anna));
        Assert.Contains("more", sms.Form["Body"], StringComparison.Ordinal);
    }
}
