using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StandbyOps.Testing.Mail;

/// <summary>
/// A small SMTP server on a loopback port that speaks real SMTP (RFC 5321: EHLO/HELO, MAIL, RCPT, DATA with
/// dot-unstuffing, RSET, NOOP, QUIT; no TLS, no auth) and records every message it accepted. For the tests of the
/// mail outbox: MailKit's client talks to it exactly as to a real server.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly Lock _lock = new();
    private readonly List<SmtpMessage> _messages = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _answer = Released();

    public FakeSmtpServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>Every message accepted so far, in order.</summary>
    public IReadOnlyList<SmtpMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>
    /// From now on each message is recorded but its answer (<c>250</c> to the end of DATA) is held until
    /// <see cref="ReleaseAnswers"/>: the sender has handed the mail over and waits to hear that it was taken.
    /// </summary>
    public void HoldAnswers()
    {
        lock (_lock)
        {
            if (_answer.Task.IsCompleted)
            {
                _answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Answers every held message and stops holding.</summary>
    public void ReleaseAnswers()
    {
        lock (_lock)
        {
            _answer.TrySetResult();
        }
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) until a message matching <paramref name="match"/> has arrived.</summary>
    public async Task<SmtpMessage> WaitForAsync(Func<SmtpMessage, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task next;
            lock (_lock)
            {
                if (_messages.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                next = _arrived.Task;
            }

            try
            {
                await next.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching mail within {timeout.TotalSeconds:0} s; received: {string.Join(" | ", Messages.Select(m => m.Subject))}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 fake-smtp.localhost ESMTP ready").ConfigureAwait(false);
            string? from = null;
            var to = new List<string>();
            try
            {
                while (await reader.ReadLineAsync(_stop.Token).ConfigureAwait(false) is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250-fake-smtp.localhost").ConfigureAwait(false);
                            await writer.WriteLineAsync("250-8BITMIME").ConfigureAwait(false);
                            await writer.WriteLineAsync("250 SMTPUTF8").ConfigureAwait(false);
                            break;
                        case "HELO":
                            await writer.WriteLineAsync("250 fake-smtp.localhost").ConfigureAwait(false);
                            break;
                        case "MAIL":
                            from = Address(line);
                            to.Clear();
                            await writer.WriteLineAsync("250 2.1.0 OK").ConfigureAwait(false);
                            break;
                        case "RCPT" when from is not null:
                            to.Add(Address(line));
                            await writer.WriteLineAsync("250 2.1.5 OK").ConfigureAwait(false);
                            break;
                        case "DATA" when from is not null && to.Count > 0:
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>").ConfigureAwait(false);
                            var data = await ReadDataAsync(reader).ConfigureAwait(false);
                            var answer = Record(new SmtpMessage(from, [.. to], data));
                            from = null;
                            to.Clear();
                            await answer.WaitAsync(_stop.Token).ConfigureAwait(false);
                            await writer.WriteLineAsync("250 2.0.0 queued").ConfigureAwait(false);
                            break;
                        case "RSET":
                            from = null;
                            to.Clear();
                            await writer.WriteLineAsync("250 2.0.0 OK").ConfigureAwait(false);
                            break;
                        case "NOOP":
                            await writer.WriteLineAsync("250 2.0.0 OK").ConfigureAwait(false);
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 2.0.0 Bye").ConfigureAwait(false);
                            return;
                        default:
                            await writer.WriteLineAsync("503 5.5.1 Bad sequence of commands").ConfigureAwait(false);
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    private static async Task<string> ReadDataAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line && line != ".")
        {
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }

        return data.ToString();
    }

    private static string Address(string line)
    {
        var open = line.IndexOf('<', StringComparison.Ordinal);
        var close = line.IndexOf('>', StringComparison.Ordinal);
        return open >= 0 && close > open ? line[(open + 1)..close] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    /// <summary>Records <paramref name="message"/>; the task completes when its answer may be sent.</summary>
    private Task Record(SmtpMessage message)
    {
        lock (_lock)
        {
            _messages.Add(message);
            var arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            arrived.SetResult();
            return _answer.Task;
        }
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }
}
