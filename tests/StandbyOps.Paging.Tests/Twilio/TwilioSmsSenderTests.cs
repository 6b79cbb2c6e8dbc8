using System.Net;
using System.Net.Sockets;
using StandbyOps.Paging.Sms;
using StandbyOps.Paging.Tests.Support;
using StandbyOps.Paging.Twilio;
using StandbyOps.Testing.FakeTwilio;

namespace StandbyOps.Paging.Tests.Twilio;

public sealed class TwilioSmsSenderTests : IAsyncLifetime
{
    private const string Engineer = "+31612345678";
    private const string Sender = "+3197010000000";
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    private readonly List<TwilioHttpClients> _clients = [];
    private readonly ListLogger<TwilioSmsSender> _logger = new();
    private FakeTwilioServer _twilio = null!;

    public async Task InitializeAsync() => _twilio = await FakeTwilioServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _twilio.DisposeAsync();
        _clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task A_send_posts_the_form_with_basic_auth_and_returns_twilios_sid()
    {
        var sms = new OutgoingSms(Engineer, "2026-000041 P1 acme/webshop. Reply 1A ack", "https://standbyops.example.net/api/v1/twilio/status", "page-1");

        var outcome = await CreateSender().SendAsync(sms, CancellationToken.None);

        var accepted = Assert.IsType<SmsAccepted>(outcome);
        var request = Assert.Single(_twilio.Requests);
        Assert.Equal(accepted.ProviderId, request.MessageSid);
        Assert.Matches("^SM[0-9a-f]{32}$", accepted.ProviderId);
        Assert.Equal("queued", accepted.Status);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/2010-04-01/Accounts/{_twilio.AccountSid}/Messages.json", request.Path);
        Assert.Equal(_twilio.AccountSid, request.Username);
        Assert.Equal(_twilio.AuthToken, request.Password);
        Assert.Equal(Engineer, request.Form["To"]);
        Assert.Equal(Sender, request.Form["From"]);
        Assert.Equal(sms.Body, request.Form["Body"]);
        Assert.Equal(sms.StatusCallbackUrl, request.Form["StatusCallback"]);
        Assert.False(request.Form.ContainsKey("MessagingServiceSid"));
        Assert.Contains("application/json", request.Headers["Accept"], StringComparison.Ordinal);
        Assert.StartsWith("twilio-csharp/8.", request.Headers["User-Agent"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_without_status_callback_leaves_the_field_out()
    {
        await CreateSender().SendAsync(Sms(), CancellationToken.None);

        Assert.False(Assert.Single(_twilio.Requests).Form.ContainsKey("StatusCallback"));
    }

    [Fact]
    public async Task An_api_key_authenticates_as_the_key_with_the_account_in_the_path()
    {
        var sender = CreateSender(o => o with { ApiKeySid = _twilio.ApiKeySid, ApiKeySecret = _twilio.ApiKeySecret });

        var outcome = await sender.SendAsync(Sms(), CancellationToken.None);

        Assert.IsType<SmsAccepted>(outcome);
        var request = Assert.Single(_twilio.Requests);
        Assert.Equal(_twilio.ApiKeySid, request.Username);
        Assert.Equal(_twilio.ApiKeySecret, request.Password);
        Assert.Contains(_twilio.AccountSid, request.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_messaging_service_is_sent_instead_of_a_from_number()
    {
        var sender = CreateSender(o => o with { From = null, MessagingServiceSid = "MG0123456789abcdef0123456789abcdef" });

        var outcome = await sender.SendAsync(Sms(), CancellationToken.None);

        Assert.Equal("accepted", Assert.IsType<SmsAccepted>(outcome).Status);
        var form = Assert.Single(_twilio.Requests).Form;
        Assert.Equal("MG0123456789abcdef0123456789abcdef", form["MessagingServiceSid"]);
        Assert.False(form.ContainsKey("From"));
    }

    [Fact]
    public async Task A_server_error_is_retried_and_the_second_attempt_succeeds()
    {
        _twilio.EnqueueFault(FakeTwilioFault.ServerError());

        var outcome = await CreateSender().SendAsync(Sms(), CancellationToken.None);

        Assert.IsType<SmsAccepted>(outcome);
        Assert.Equal([500, 201], _twilio.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Throttling_with_retry_after_is_retried()
    {
        _twilio.EnqueueFault(FakeTwilioFault.TooManyRequests(TimeSpan.FromSeconds(1)));

        var outcome = await CreateSender().SendAsync(Sms(), CancellationToken.None);

        Assert.IsType<SmsAccepted>(outcome);
        Assert.Equal([429, 201], _twilio.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Throttling_with_no_attempt_left_is_a_transient_failure_with_twilios_code()
    {
        _twilio.EnqueueFault(FakeTwilioFault.TooManyRequests(TimeSpan.FromSeconds(7)));

        var outcome = await CreateSender(o => o with { MaxAttempts = 1 }).SendAsync(Sms(), CancellationToken.None);

        var failure = Assert.IsType<SmsTransientFailure>(outcome);
        Assert.Contains("429", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("20429", failure.Reason, StringComparison.Ordinal);
        Assert.Single(_twilio.Requests);
    }

    [Fact]
    public async Task A_retry_after_hint_longer_than_the_longest_delay_is_capped()
    {
        // Retry-After says an hour; capped at MaxDelay (5 ms here), the retry comes at once and succeeds.
        _twilio.EnqueueFault(FakeTwilioFault.TooManyRequests(TimeSpan.FromHours(1)));

        var outcome = await CreateSender().SendAsync(Sms(), CancellationToken.None).WaitAsync(WaitLimit);

        Assert.IsType<SmsAccepted>(outcome);
        Assert.Equal([429, 201], _twilio.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task A_client_that_is_not_the_sdk_is_refused_by_the_fake()
    {
        using var plain = new HttpClient();
        using var form = new FormUrlEncodedContent([new("To", Engineer), new("From", Sender), new("Body", "x")]);

        using var response = await plain.PostAsync(new Uri(_twilio.BaseUrl, $"/2010-04-01/Accounts/{_twilio.AccountSid}/Messages.json"), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(FakeTwilioServer.NotFromSdkErrorCode, Assert.Single(_twilio.Requests).ErrorCode);
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried()
    {
        _twilio.EnqueueFault(FakeTwilioFault.Delay(TimeSpan.FromMinutes(5)));

        var outcome = await CreateSender(o => o with { Timeout = TimeSpan.FromSeconds(1) }).SendAsync(Sms(), CancellationToken.None);

        Assert.IsType<SmsAccepted>(outcome);
        var requests = await _twilio.WaitForRequestsAsync(2, WaitLimit);
        Assert.Equal([201, 499], requests.Select(r => r.Status).Order());
    }

    [Fact]
    public async Task Transient_failures_stop_after_the_configured_attempts()
    {
        _twilio.EnqueueFault(FakeTwilioFault.ServerError(503), count: 3);

        var outcome = await CreateSender(o => o with { MaxAttempts = 3 }).SendAsync(Sms(), CancellationToken.None);

        var failure = Assert.IsType<SmsTransientFailure>(outcome);
        Assert.Contains("503", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(3, _twilio.Requests.Count);
    }

    [Fact]
    public async Task A_refused_connection_is_a_transient_failure()
    {
        var sender = CreateSender(o => o with { BaseUrl = new Uri($"http://127.0.0.1:{UnusedPort()}"), MaxAttempts = 2 });

        var outcome = await sender.SendAsync(Sms(), CancellationToken.None);

        Assert.Contains("unreachable", Assert.IsType<SmsTransientFailure>(outcome).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(21211)]
    [InlineData(21610)]
    [InlineData(21408)]
    public async Task A_rejected_number_is_a_permanent_failure_with_twilios_code_and_is_not_retried(int code)
    {
        _twilio.RejectNumber(Engineer, code);

        var outcome = await CreateSender().SendAsync(Sms(), CancellationToken.None);

        Assert.Equal(code, Assert.IsType<SmsPermanentFailure>(outcome).ErrorCode);
        Assert.Equal(400, Assert.Single(_twilio.Requests).Status);
    }

    [Fact]
    public async Task Wrong_credentials_are_a_permanent_failure_with_code_20003()
    {
        var outcome = await CreateSender(o => o with { AuthToken = "wrong" }).SendAsync(Sms(), CancellationToken.None);

        Assert.Equal(20003, Assert.IsType<SmsPermanentFailure>(outcome).ErrorCode);
        Assert.Equal(401, Assert.Single(_twilio.Requests).Status);
    }

    [Fact]
    public async Task A_permanent_failure_reason_masks_the_phone_number_twilio_quotes()
    {
        _twilio.RejectNumber(Engineer, 21211);

        var outcome = await CreateSender().SendAsync(Sms(), CancellationToken.None);

        var reason = Assert.IsType<SmsPermanentFailure>(outcome).Reason;
        Assert.DoesNotContain(Engineer, reason, StringComparison.Ordinal);
        Assert.Contains(PhoneNumber.Mask(Engineer), reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_never_contain_the_auth_token_the_body_or_the_full_number()
    {
        _twilio.EnqueueFault(FakeTwilioFault.ServerError());
        var sender = CreateSender();
        var sms = new OutgoingSms(Engineer, "secret-ish page text", null, "page-9");

        await sender.SendAsync(sms, CancellationToken.None);

        Assert.NotEmpty(_logger.Entries);
        foreach (var entry in _logger.Entries)
        {
            Assert.DoesNotContain(_twilio.AuthToken, entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(sms.Body, entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Engineer, entry.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_cancelled_send_throws_instead_of_reporting_an_outcome()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSender().SendAsync(Sms(), cancelled.Token));
    }

    [Fact]
    public void Invalid_options_are_refused_at_construction()
    {
        var exception = Assert.Throws<ArgumentException>(() => CreateSender(o => o with { From = null, MessagingServiceSid = null }));
        Assert.Contains("From", exception.Message, StringComparison.Ordinal);
    }

    private static OutgoingSms Sms() => new(Engineer, "2026-000041 P1 acme/webshop. Reply 1A ack", null, "page-1");

    private TwilioSmsSender CreateSender(Func<TwilioOptions, TwilioOptions>? adjust = null)
    {
        var options = new TwilioOptions
        {
            BaseUrl = _twilio.BaseUrl,
            AccountSid = _twilio.AccountSid,
            AuthToken = _twilio.AuthToken,
            From = Sender,
            MaxAttempts = 3,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromMilliseconds(5),
            Timeout = TimeSpan.FromSeconds(10),
        };
        var clients = new TwilioHttpClients(adjust?.Invoke(options) ?? options);
        _clients.Add(clients);
        return clients.Sender(_logger);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
