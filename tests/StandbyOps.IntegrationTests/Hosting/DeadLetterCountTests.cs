using Akka.Actor;
using Akka.Event;
using Akka.TestKit.Xunit2;
using Microsoft.Extensions.Logging.Abstractions;
using StandbyOps.Server.Hosting;

namespace StandbyOps.IntegrationTests.Hosting;

public sealed class DeadLetterCountTests : TestKit
{
    [Fact]
    public async Task Messages_to_a_stopped_actor_and_messages_no_handler_takes_are_counted_as_dead_letters()
    {
        var log = new DeadLetterLog(NullLogger<DeadLetterLog>.Instance);
        var listener = Sys.ActorOf(DeadLetterCounter.Props(log), "dead-letters");
        Sys.EventStream.Subscribe(listener, typeof(AllDeadLetters));
        Sys.EventStream.Subscribe(listener, typeof(UnhandledMessage));
        var stopped = Sys.ActorOf(Props.Create(() => new Strings()), "stopped");
        var live = Sys.ActorOf(Props.Create(() => new Strings()), "live");
        Watch(stopped);
        stopped.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(stopped);

        stopped.Tell("lost");
        stopped.Tell("lost too");
        live.Tell(42); // no handler for an int

        await AwaitConditionAsync(() => Task.FromResult(log.Count == 3), TimeSpan.FromSeconds(15));
        live.Tell("handled");
        await Task.Yield();
        Assert.Equal(3, log.Count);
    }

    private sealed class Strings : ReceiveActor
    {
        public Strings() => Receive<string>(_ => { });
    }
}
