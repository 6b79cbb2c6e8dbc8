using NodaTime;
using StandbyOps.Actors.DeadLetters;

namespace StandbyOps.Actors.Tests;

public sealed class AskTests : ActorTestBase
{
    private static readonly Duration Timeout = Duration.FromSeconds(5);

    [Fact]
    public async Task Ask_returns_the_reply_of_the_recipient()
    {
        var doubler = System.ActorOf(Props.Create(() => new Doubler()), "doubler");

        var answer = await doubler.Ask<int>(21, Timeout).WaitAsync(Guard);

        Assert.Equal(42, answer);
    }

    [Fact]
    public async Task Ask_times_out_on_the_virtual_clock_and_not_before()
    {
        var silent = System.ActorOf(Props.Create(() => new Silent()), "silent");

        var ask = silent.Ask<int>(1, Timeout);
        Settle(silent);
        Time.Advance(Timeout - Duration.FromMilliseconds(1));
        Assert.False(ask.IsCompleted);
        Time.Advance(Duration.FromMilliseconds(1));

        var failure = await Assert.ThrowsAsync<AskTimeoutException>(() => ask.WaitAsync(Guard));
        Assert.Contains("actor://test/user/silent", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_is_cancelled_by_its_token()
    {
        var silent = System.ActorOf(Props.Create(() => new Silent()), "silent");
        using var cancellation = new CancellationTokenSource();

        var ask = silent.Ask<int>(1, Timeout, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask.WaitAsync(Guard));
    }

    [Fact]
    public async Task Ask_cancels_its_timeout_once_answered()
    {
        var doubler = System.ActorOf(Props.Create(() => new Doubler()), "doubler");

        await doubler.Ask<int>(1, Timeout).WaitAsync(Guard);

        Assert.Equal(0, Time.PendingCount);
    }

    [Fact]
    public async Task A_failure_status_reply_makes_ask_throw_its_cause()
    {
        var doubler = System.ActorOf(Props.Create(() => new Doubler()), "doubler");

        var failure = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => doubler.Ask<int>(-1, Timeout).WaitAsync(Guard));

        Assert.Equal("value", failure.ParamName);
    }

    [Fact]
    public async Task A_reply_of_the_wrong_type_fails_with_a_clear_message()
    {
        var doubler = System.ActorOf(Props.Create(() => new Doubler()), "doubler");

        var failure = await Assert.ThrowsAsync<InvalidCastException>(() => doubler.Ask<string>(2, Timeout).WaitAsync(Guard));

        Assert.Contains("expected a String reply but got Int32", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_a_stopped_actor_fails_at_once_instead_of_waiting_for_the_timeout()
    {
        var doubler = System.ActorOf(Props.Create(() => new Doubler()), "doubler");
        Probe.Watch(doubler);
        System.Stop(doubler);
        Probe.ExpectTerminated(doubler);

        var failure = await Assert.ThrowsAsync<AskUndeliveredException>(() => doubler.Ask<int>(1, Timeout).WaitAsync(Guard));

        Assert.Equal(DeadLetterReason.RecipientTerminated, failure.Reason);
    }

    [Fact]
    public async Task Asking_with_a_message_nobody_handles_fails_at_once()
    {
        var doubler = System.ActorOf(Props.Create(() => new Doubler()), "doubler");

        var failure = await Assert.ThrowsAsync<AskUndeliveredException>(() => doubler.Ask<int>("twenty-one", Timeout).WaitAsync(Guard));

        Assert.Equal(DeadLetterReason.Unhandled, failure.Reason);
    }

    [Fact]
    public async Task A_test_probe_can_answer_an_ask()
    {
        var ask = Probe.Ask<string>("ping", Timeout);

        Probe.ExpectMsg("ping");
        Probe.Reply("pong");

        Assert.Equal("pong", await ask.WaitAsync(Guard));
    }

    [Fact]
    public async Task Ask_rejects_a_timeout_that_is_not_positive()
    {
        var doubler = System.ActorOf(Props.Create(() => new Doubler()), "doubler");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => doubler.Ask<int>(1, Duration.Zero));
    }

    [Fact]
    public void An_actor_can_await_an_ask_inside_an_async_handler()
    {
        var doubler = System.ActorOf(Props.Create(() => new Doubler()), "doubler");
        var asker = System.ActorOf(Props.Create(() => new Asker(doubler)), "asker");

        Probe.Send(asker, 5);
        Probe.Send(asker, 6);

        Probe.ExpectMsg("5 doubled is 10");
        Probe.ExpectMsg("6 doubled is 12");
    }

    private sealed class Asker : ReceiveActor
    {
        public Asker(IActorRef doubler) =>
            ReceiveAsync<int>(async i =>
            {
                var doubled = await doubler.Ask<int>(i, Timeout);
                Sender.Tell($"{i} doubled is {doubled}", Self);
            });
    }

    private sealed class Doubler : ReceiveActor
    {
        public Doubler() =>
            Receive<int>(i => Sender.Tell(i < 0 ? new Status.Failure(new ArgumentOutOfRangeException("value")) : i * 2, Self));
    }

    private sealed class Silent : ReceiveActor
    {
        public Silent() => Receive<int>(_ => { });
    }
}
