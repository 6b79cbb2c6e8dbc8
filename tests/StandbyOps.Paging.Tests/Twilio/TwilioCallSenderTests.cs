using StandbyOps.Paging.Sms;
using StandbyOps.Paging.Tests.Support;
using StandbyOps.Paging.Twilio;
using StandbyOps.Paging.Voice;
using StandbyOps.Testing.FakeTwilio;

namespace StandbyOps.Paging.Tests.Twilio;

public sealed class TwilioCallSenderTests : IAsyncLifetime
{
    private const string Engineer = "+31612345678";
    private const string Caller = "+3197010000000";

    private readonly List<TwilioHttpClients> _clients = [];
    private readonly ListLogger<TwilioCallSender> _logger = new();
    private FakeTwilioServer _twilio = null!;

    public async Task InitializeAsync() => _twilio = await FakeTwilioServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _twilio.DisposeAsync();
        _clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task A_call_posts_to_the_calls_api_through_the_sdk_with_the_twiml_and_status_urls()
    {
        var call = Call();

        var outcome = await CreateSender().CallAsync(call, CancellationToken.None);

        var accepted = Assert.IsType<SmsAccepted>(outcome);
        var request = Assert.Single(_twilio.Requests);
        Assert.Matches("^CA[0-9a-f]{32}$", accepted.ProviderId);
        Assert.Equal(accepted.ProviderId, request.MessageSid);
        Assert.Equal("queued", accepted.Status);
        Assert.Equal($"/2010-04-01/Accounts/{_twilio.AccountSid}/Calls.json", request.Path);
        Assert.Equal((_twilio.AccountSid, _twilio.AuthToken), (request.Username, request.Password));
        Assert.Equal(Engineer, request.Form["To"]);
        Assert.Equal(Caller, request.Form["From"]);
        Assert.Equal(call.TwimlUrl.AbsoluteUri, request.Form["Url"]);
        Assert.Equal("POST", request.Form["Method"]);
        Assert.Equal(call.StatusCallbackUrl.AbsoluteUri, request.Form["StatusCallback"]);
        Assert.Equal(TwilioCallSender.RingSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Form["Timeout"]);
        Assert.StartsWith(FakeTwilioServer.SdkUserAgentPrefix + "8.", request.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Contains(_logger.Entries, e => e.Message.Contains(accepted.ProviderId, StringComparison.Ordinal) && !e.Message.Contains(Engineer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_error_is_retried_by_the_shared_pipeline()
    {
        _twilio.EnqueueFault(FakeTwilioFault.ServerError(503));

        var outcome = await CreateSender().CallAsync(Call(), CancellationToken.None);

        Assert.IsType<SmsAccepted>(outcome);
        Assert.Equal([503, 201], _twilio.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task A_refused_number_is_a_permanent_failure_with_twilios_code_and_a_masked_number()
    {
        _twilio.RejectNumber(Engineer, 21211);

        var outcome = await CreateSender().CallAsync(Call(), CancellationToken.None);

        var failure = Assert.IsType<SmsPermanentFailure>(outcome);
        Assert.Equal(21211, failure.ErrorCode);
        Assert.DoesNotContain(Engineer, failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_outcome_is_logged_once_with_the_calls_wording_and_a_masked_number()
    {
        var accepted = await CreateSender().CallAsync(Call(), CancellationToken.None);
        _twilio.RejectNumber(Engineer, 21211);
        await CreateSender().CallAsync(Call(), CancellationToken.None);

        var sid = Assert.IsType<SmsAccepted>(accepted).ProviderId;
        Assert.Equal(
            [
                (Microsoft.Extensions.Logging.LogLevel.Information, $"Twilio accepted call {sid} to {PhoneNumber.Mask(Engineer)} with status queued (key PG1)"),
                (Microsoft.Extensions.Logging.LogLevel.Error, $"Twilio rejected call to {PhoneNumber.Mask(Engineer)} with error 21211"),
            ],
            _logger.Entries.Where(e => e.Message.StartsWith("Twilio accepted", StringComparison.Ordinal) || e.Message.StartsWith("Twilio rejected", StringComparison.Ordinal))
                .Select(e => (e.Level, e.Message.StartsWith("Twilio rejected", StringComparison.Ordinal) ? e.Message[..e.Message.IndexOf(':', StringComparison.Ordinal)] : e.Message)));
        Assert.Equal(sid, _logger.Entries.Single(e => e.Values.ContainsKey("CallSid")).Values["CallSid"]);
    }

    [Fact]
    public async Task Without_a_caller_number_no_request_is_made()
    {
        var outcome = await CreateSender(o => o with { From = null, MessagingServiceSid = "MG0123456789abcdef0123456789abcdef" }).CallAsync(Call(), CancellationToken.None);

        Assert.IsType<SmsPermanentFailure>(outcome);
        Assert.Empty(_twilio.Requests);
    }

    private static OutgoingCall Call() => new(
        Engineer,
        "https://standbyops.example.net/api/v1/twilio/voice/twiml?page=PG1",
        "https://standbyops.example.net/api/v1/twilio/status?page=PG1",
        "PG1");

    private TwilioCallSender CreateSender(Func<TwilioOptions, TwilioOptions>? adjust = null)
    {
        var options = new TwilioOptions
        {
            BaseUrl = _twilio.BaseUrl,
            AccountSid = _twilio.AccountSid,
            AuthToken = _twilio.AuthToken,
            From = Caller,
            MaxAttempts = 3,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromMilliseconds(5),
            Timeout = TimeSpan.FromSeconds(10),
        };
        var clients = new TwilioHttpClients(adjust?.Invoke(options) ?? options);
        _clients.Add(clients);
        return clients.CallSender(_logger);
    }
}
