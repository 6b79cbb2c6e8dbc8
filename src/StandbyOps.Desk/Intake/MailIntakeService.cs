using System.Threading.Channels;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StandbyOps.Configuration;
using StandbyOps.Configuration.Mail;
using StandbyOps.Desk.Mail;

namespace StandbyOps.Desk.Intake;

/// <summary>
/// Reads the support mailbox (<c>mail.imap</c>) with MailKit: handles every mail not yet seen, then waits in IMAP
/// IDLE where the server offers it (woken by new mail, renewed every <c>mail.pollEvery</c>) or polls every
/// <c>mail.pollEvery</c>. The mailbox is opened read-only: mails stay where they are, what was handled is known
/// from the store. A lost connection is retried with a growing pause; the password is never logged.
/// It follows the configuration in force: a reload that adds <c>mail.imap</c> starts the intake, one that changes it
/// (server, user, password, folder or <c>mail.pollEvery</c>) reconnects with the new settings, one that removes it
/// stops it. On several nodes each reads the mailbox and <see cref="MailIntakeProcessor"/> lets one handle each mail.
/// </summary>
public sealed partial class MailIntakeService(MailIntakeProcessor processor, Func<StandbyOpsConfig> config, DeskOptions options, ILogger<MailIntakeService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromMinutes(5);

    // One pending "a reload was applied" is enough: the loop compares the configuration in force after reading it.
    private readonly Channel<bool> _reloads = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var watch = options.WatchReloads(() => _reloads.Writer.TryWrite(true));
        while (!stoppingToken.IsCancellationRequested)
        {
            // Read after subscribing: a reload from here on leaves a signal, and the loop below compares again.
            var settings = Settings(config());
            using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var intake = settings is { } s ? RunWithRetriesAsync(s.Imap, s.PollEvery, run.Token) : Task.CompletedTask;
            if (settings is null)
            {
                LogIdle(logger);
            }

            try
            {
                await WaitForChangeAsync(settings, intake, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The host stops (also when it could not start, e.g. on a busy port): a clean end, not a failure.
                return;
            }
            finally
            {
                await run.CancelAsync().ConfigureAwait(false);
                await intake.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (!stoppingToken.IsCancellationRequested)
            {
                LogRestarted(logger, Settings(config()) is null ? "stopped" : "restarting with the new settings");
            }
        }
    }

    /// <summary>What the intake's connection depends on; a reload that changes it restarts the intake.</summary>
    private static (MailServerConfig Imap, TimeSpan PollEvery)? Settings(StandbyOpsConfig current) =>
        current.Mail is { Imap: { } imap } mail ? (imap, mail.PollEvery.ToTimeSpan()) : null;

    /// <summary>Returns when a reload changed the intake's settings (or the host stops).</summary>
    private async Task WaitForChangeAsync((MailServerConfig Imap, TimeSpan PollEvery)? settings, Task intake, CancellationToken stoppingToken)
    {
        while (true)
        {
            var reload = _reloads.Reader.WaitToReadAsync(stoppingToken).AsTask();
            await Task.WhenAny(reload, intake).ConfigureAwait(false);
            if (intake.IsCompleted)
            {
                // Without mail.imap there is nothing to run; with it the intake ends only when the host stops (failures
                // are retried inside): surface the stop, or a fault.
                await intake.ConfigureAwait(false);
            }

            await reload.ConfigureAwait(false);
            _reloads.Reader.TryRead(out _);
            if (!Equals(Settings(config()), settings))
            {
                return;
            }
        }
    }

    private async Task RunWithRetriesAsync(MailServerConfig imap, TimeSpan wait, CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(imap, wait, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
            {
                LogFailed(logger, imap.Host, imap.Port, e.GetType().Name, e.Message);
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                pause = pause * 2 > MaxPause ? MaxPause : pause * 2;
            }
        }
    }

    private async Task RunAsync(MailServerConfig imap, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var client = new ImapClient();
        await client.ConnectAsync(imap.Host, imap.Port, SmtpMailSender.SecureOptions(imap.Tls), cancellationToken).ConfigureAwait(false);
        await client.AuthenticateAsync(imap.User ?? string.Empty, imap.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
        var folder = await client.GetFolderAsync(imap.Folder, cancellationToken).ConfigureAwait(false);
        await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken).ConfigureAwait(false);
        LogConnected(logger, imap.Host, imap.Port, imap.Folder, client.Capabilities.HasFlag(ImapCapabilities.Idle));
        while (!cancellationToken.IsCancellationRequested)
        {
            await HandleNewAsync(folder, imap.Folder, cancellationToken).ConfigureAwait(false);
            if (client.Capabilities.HasFlag(ImapCapabilities.Idle))
            {
                using var done = new CancellationTokenSource(wait);
                void OnCountChanged(object? sender, EventArgs e) => done.Cancel();
                folder.CountChanged += OnCountChanged;
                try
                {
                    await client.IdleAsync(done.Token, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    folder.CountChanged -= OnCountChanged;
                }
            }
            else
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                await client.NoOpAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task HandleNewAsync(IMailFolder folder, string name, CancellationToken cancellationToken)
    {
        var validity = (long)folder.UidValidity;
        var seen = await processor.SeenAsync(name, validity, cancellationToken).ConfigureAwait(false);
        var uids = await folder.SearchAsync(SearchQuery.All, cancellationToken).ConfigureAwait(false);
        foreach (var uid in uids.Where(u => !seen.Contains(u.Id)).OrderBy(u => u.Id))
        {
            using var message = await folder.GetMessageAsync(uid, cancellationToken).ConfigureAwait(false);
            // A mail in hand is handled to the end, stop or not (store work only, bounded by the store's timeouts): a stop
            // between its timeline note and its seen-mark would add the note again after the restart.
            var outcome = await processor.ProcessAsync(message, name, validity, uid.Id, CancellationToken.None).ConfigureAwait(false);
            LogHandled(logger, uid.Id, outcome ?? "handled by another node");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail intake connected to {Host}:{Port}, folder {Folder} (IDLE: {Idle})")]
    private static partial void LogConnected(ILogger logger, string host, int port, string folder, bool idle);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail intake is off: mail.imap is not configured")]
    private static partial void LogIdle(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail intake: a reload changed mail.imap, {Action}")]
    private static partial void LogRestarted(ILogger logger, string action);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail UID {Uid}: {Outcome}")]
    private static partial void LogHandled(ILogger logger, uint uid, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail intake from {Host}:{Port} failed ({Error}: {Detail}); retrying")]
    private static partial void LogFailed(ILogger logger, string host, int port, string error, string detail);
}
