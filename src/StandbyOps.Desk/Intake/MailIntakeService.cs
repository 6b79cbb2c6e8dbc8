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
/// </summary>
public sealed partial class MailIntakeService(MailIntakeProcessor processor, Func<StandbyOpsConfig> config, ILogger<MailIntakeService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (config().Mail is not { Imap: { } imap } mail)
            {
                return;
            }

            try
            {
                await RunAsync(imap, mail, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not OperationCanceledException)
            {
                LogFailed(logger, imap.Host, imap.Port, e.GetType().Name, e.Message);
                await Task.Delay(pause, stoppingToken).ConfigureAwait(false);
                pause = pause * 2 > MaxPause ? MaxPause : pause * 2;
            }
        }
    }

    private async Task RunAsync(MailServerConfig imap, MailConfig mail, CancellationToken stoppingToken)
    {
        using var client = new ImapClient();
        await client.ConnectAsync(imap.Host, imap.Port, SmtpMailSender.SecureOptions(imap.Tls), stoppingToken).ConfigureAwait(false);
        await client.AuthenticateAsync(imap.User ?? string.Empty, imap.Password ?? string.Empty, stoppingToken).ConfigureAwait(false);
        var folder = await client.GetFolderAsync(imap.Folder, stoppingToken).ConfigureAwait(false);
        await folder.OpenAsync(FolderAccess.ReadOnly, stoppingToken).ConfigureAwait(false);
        LogConnected(logger, imap.Host, imap.Port, imap.Folder, client.Capabilities.HasFlag(ImapCapabilities.Idle));
        var wait = mail.PollEvery.ToTimeSpan();
        while (!stoppingToken.IsCancellationRequested)
        {
            await HandleNewAsync(folder, imap.Folder, stoppingToken).ConfigureAwait(false);
            if (client.Capabilities.HasFlag(ImapCapabilities.Idle))
            {
                using var done = new CancellationTokenSource(wait);
                void OnCountChanged(object? sender, EventArgs e) => done.Cancel();
                folder.CountChanged += OnCountChanged;
                try
                {
                    await client.IdleAsync(done.Token, stoppingToken).ConfigureAwait(false);
                }
                finally
                {
                    folder.CountChanged -= OnCountChanged;
                }
            }
            else
            {
                await Task.Delay(wait, stoppingToken).ConfigureAwait(false);
                await client.NoOpAsync(stoppingToken).ConfigureAwait(false);
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
            var outcome = await processor.ProcessAsync(message, name, validity, uid.Id, cancellationToken).ConfigureAwait(false);
            LogHandled(logger, uid.Id, outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail intake connected to {Host}:{Port}, folder {Folder} (IDLE: {Idle})")]
    private static partial void LogConnected(ILogger logger, string host, int port, string folder, bool idle);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail UID {Uid}: {Outcome}")]
    private static partial void LogHandled(ILogger logger, uint uid, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail intake from {Host}:{Port} failed ({Error}: {Detail}); retrying")]
    private static partial void LogFailed(ILogger logger, string host, int port, string error, string detail);
}
