using Microsoft.Extensions.Hosting;
using StandbyOps.Paging.Sms;

namespace StandbyOps.Paging.Twilio;

/// <summary>At start, warms the Twilio SDK path (<see cref="TwilioSmsSender.WarmUpAsync"/>) when Twilio is the SMS provider.</summary>
public sealed class TwilioWarmUp(ISmsSender sender) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) =>
        (sender is ConfiguredSmsSender configured ? configured.Current : sender) is TwilioSmsSender twilio ? twilio.WarmUpAsync() : Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
