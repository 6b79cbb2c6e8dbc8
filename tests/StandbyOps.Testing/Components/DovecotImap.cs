using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;
using StandbyOps.Testing.Support;

namespace StandbyOps.Testing.Components;

/// <summary>
/// Debian's Dovecot (<c>dovecot-imapd</c>) as a local IMAP server for a test: its own <c>dovecot.conf</c> in a temp
/// directory (plain-text IMAP on a loopback port, passwd-file auth with one user, maildir in the temp directory),
/// run in the foreground (<c>dovecot -F -c</c>) and killed on dispose. As root the mail is owned by the
/// unprivileged <c>dovecot</c> user, as Dovecot refuses to run mail processes as root. Skips when Dovecot is not
/// installed, unless <c>STANDBYOPS_REQUIRE_INTEGRATION=1</c>.
/// </summary>
public sealed class DovecotImap : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TempDirectory _directory;
    private readonly StringBuilder _output = new();

    private DovecotImap(Process process, TempDirectory directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    /// <summary>The mailbox user.</summary>
    public string User => "support";

    /// <summary>The mailbox password.</summary>
    public string Password => "imap-test-secret";

    /// <summary>The loopback port of plain IMAP.</summary>
    public int Port { get; private set; }

    /// <summary>Puts <paramref name="messages"/> into <paramref name="folder"/> with IMAP APPEND, as a mail server delivering them would.</summary>
    public async Task AppendAsync(IEnumerable<MimeMessage> messages, string folder = "INBOX")
    {
        ArgumentNullException.ThrowIfNull(messages);
        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None).ConfigureAwait(false);
        await client.AuthenticateAsync(User, Password).ConfigureAwait(false);
        var target = await client.GetFolderAsync(folder).ConfigureAwait(false);
        foreach (var message in messages)
        {
            await target.AppendAsync(message, MessageFlags.None).ConfigureAwait(false);
        }

        await client.DisconnectAsync(true).ConfigureAwait(false);
    }

    /// <summary>Starts Dovecot and waits until it greets on its port.</summary>
    public static async Task<DovecotImap> StartAsync()
    {
        var dovecot = ExternalTool.Require("dovecot", "dovecot-imapd", "/usr/sbin");
        var directory = new TempDirectory();
        var root = directory.Path;
        if (OperatingSystem.IsWindows())
        {
            throw new Xunit.SkipException("Dovecot runs on Linux only.");
        }

        // Dovecot's unprivileged processes must reach the temp directory.
        File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var mail = Directory.CreateDirectory(Path.Combine(root, "mail")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "run"));
        var port = FreePorts.Next();
        var asRoot = Environment.UserName == "root";
        var owner = asRoot ? "dovecot" : Environment.UserName;
        if (asRoot)
        {
            Chown(mail, "dovecot");
        }

        File.WriteAllText(Path.Combine(root, "passwd"), "support:{PLAIN}imap-test-secret\n");
        var config = Path.Combine(root, "dovecot.conf");
        File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture, $$"""
            base_dir = {{root}}/run
            state_dir = {{root}}/run
            listen = 127.0.0.1
            protocols = imap
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            log_path = /dev/stderr
            default_internal_user = {{owner}}
            default_login_user = {{owner}}
            mail_location = maildir:{{mail}}/%u
            first_valid_uid = 1
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{root}}/passwd
            }
            userdb {
              driver = static
              args = uid={{owner}} gid={{owner}} home={{mail}}/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{port}}
              }
              inet_listener imaps {
                port = 0
              }
              chroot =
            }
            service anvil {
              chroot =
            }

            """));
        var info = new ProcessStartInfo(dovecot, ["-F", "-c", config]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        var process = Process.Start(info) ?? throw new InvalidOperationException("dovecot did not start");
        var imap = new DovecotImap(process, directory, port);
        process.OutputDataReceived += (_, e) => imap.Append(e.Data);
        process.ErrorDataReceived += (_, e) => imap.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await imap.WaitForGreetingAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        return imap;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        _directory.Dispose();
    }

    private static void Chown(string path, string user)
    {
        using var chown = Process.Start(new ProcessStartInfo("chown", ["-R", $"{user}:{user}", path]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("chown did not start");
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown {user} {path} failed with {chown.ExitCode}");
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitForGreetingAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"dovecot exited with {_process.ExitCode}: {Output()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, deadline.Token).ConfigureAwait(false);
                using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
                if ((await reader.ReadLineAsync(deadline.Token).ConfigureAwait(false))?.StartsWith("* OK", StringComparison.Ordinal) == true)
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet: Dovecot's master opens the port after reading its configuration.
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"dovecot did not greet on port {Port} within {timeout.TotalSeconds:0} s: {Output()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token).ConfigureAwait(false);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
